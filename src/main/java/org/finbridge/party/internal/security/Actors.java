package org.finbridge.party.internal.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKey;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyStatus;
import org.springframework.stereotype.Component;

/** Turns an authenticated key or console user into the {@link Actor} that requests act as. */
@Component
class Actors {

    private final Parties parties;

    Actors(Parties parties) {
        this.parties = parties;
    }

    /** Empty when the key's party is gone or no longer active: its keys stop working with it. */
    Optional<Actor> ofKey(ApiKey key) {
        return activeParty(key.partyId()).map(p -> {
            // a key never holds more than its party's kind may hold, whatever was stored with it
            Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
            scopes.addAll(key.scopes());
            scopes.retainAll(ApiScope.grantableTo(p.kind()));
            return new Actor(key.id(), "key:" + key.prefix(), Actor.Channel.API_KEY, p.id(), p.kind(), null, scopes);
        });
    }

    Optional<Actor> ofUser(ConsoleUser user) {
        return activeParty(user.partyId()).filter(p -> user.role().fits(p.kind()))
                .map(p -> new Actor(user.id(), "user:" + user.email(), Actor.Channel.CONSOLE, p.id(), p.kind(),
                        user.role(), user.role().scopes()));
    }

    private Optional<Party> activeParty(org.finbridge.party.PartyId id) {
        // an onboarding merchant must reach its KYB file; suspended, closed and rejected parties reach nothing
        return parties.find(id).filter(p -> p.status() == PartyStatus.ONBOARDING || p.status() == PartyStatus.ACTIVE);
    }
}
