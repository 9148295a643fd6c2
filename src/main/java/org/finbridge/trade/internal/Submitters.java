package org.finbridge.trade.internal;

import java.util.Locale;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;

/**
 * Whose document a submission is. A party submits its own: a marketplace its orders, a logistics provider
 * its shipments, a merchant its declarations; it may leave its own id out or repeat it, never name
 * another party in that role. An operator acts for the platform and names the party.
 */
final class Submitters {

    private Submitters() {
    }

    /**
     * The party in role {@code kind}: the actor itself when it is of that kind, otherwise the party
     * {@code named} (which must exist and be of that kind), or null with the problem added to {@code f}.
     */
    static PartyId inRole(Actor actor, PartyKind kind, String field, String named, Fields f, PartyDirectory.Lookup parties) {
        if (actor.partyKind() == kind) {
            PartyId given = f.optionalParty(field, named);
            if (given != null && !given.equals(actor.partyId())) {
                f.add(field, "must be your own party id, or left out");
                return null;
            }
            return actor.partyId();
        }
        PartyId given = f.party(field, named);
        if (given != null && !parties.is(given, kind)) {
            f.add(field, "is not a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on the platform");
            return null;
        }
        return given;
    }
}
