package org.finbridge.webhooks;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;

/** Callers of the webhook service, each of a party of its own, for tests of the service without HTTP. */
public final class Callers {

    private Callers() {
    }

    public static Actor merchant(Clock clock) {
        return of(PartyId.next(clock), PartyKind.MERCHANT);
    }

    public static Actor operator(Clock clock) {
        return of(PartyId.next(clock), PartyKind.OPERATOR);
    }

    public static Actor of(PartyId party, PartyKind kind) {
        String prefix = "fbk_" + UUID.randomUUID().toString().substring(0, 12);
        return new Actor("key_" + UUID.randomUUID().toString().replace("-", ""), "key:" + prefix, Actor.Channel.API_KEY,
                party, kind, null, Set.of(ApiScope.WEBHOOKS_MANAGE));
    }
}
