package org.finbridge.party.web;

import static org.finbridge.party.web.PartyProblems.notFound;
import static org.finbridge.party.web.PartyProblems.partyId;

import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.springframework.stereotype.Component;

/**
 * The party named in a path, when the actor may see it: its own, or any existing one for an operator.
 * Another party's id answers exactly like a nonexistent one (issue 3: 404, never 403), so that ids
 * cannot be probed.
 */
@Component
class VisibleParties {

    private final Parties parties;

    VisibleParties(Parties parties) {
        this.parties = parties;
    }

    PartyId of(Actor actor, String text) {
        PartyId id = partyId(text);
        if (!actor.mayAccess(id) || (actor.isOperator() && parties.find(id).isEmpty())) {
            throw notFound("PARTY_NOT_FOUND", text);
        }
        return id;
    }
}
