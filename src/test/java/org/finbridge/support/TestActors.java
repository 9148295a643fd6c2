package org.finbridge.support;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.springframework.boot.test.context.TestComponent;

/**
 * Parties with API keys for tests, made through the real services (registration, key issue), so a
 * test acts exactly as a client of that kind would. {@link #operator()} is the platform's operator
 * with every scope, shared by the tests of one application context.
 */
@TestComponent
public class TestActors {

    public record Credentials(PartyId partyId, PartyKind kind, String key) {
        public Api api(int port) {
            return new Api(port, key);
        }
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Parties parties;
    private final ApiKeys keys;
    private volatile Credentials operator;

    TestActors(Parties parties, ApiKeys keys) {
        this.parties = parties;
        this.keys = keys;
    }

    public synchronized Credentials operator() {
        if (operator == null) {
            operator = party(PartyKind.OPERATOR);
        }
        return operator;
    }

    /** A new party of the kind with one key holding every scope its kind may hold. */
    public Credentials party(PartyKind kind) {
        return party(kind, ApiScope.grantableTo(kind).toArray(ApiScope[]::new));
    }

    public Credentials party(PartyKind kind, ApiScope... scopes) {
        int n = SEQUENCE.incrementAndGet();
        Registration r = parties.register(new NewParty(kind, "SG", kind.name().toLowerCase() + " test party " + n,
                null, "party" + n + "@example.com", null, Map.of()));
        if (!(r instanceof Registration.Registered registered)) {
            throw new IllegalStateException("could not register a test " + kind + ": " + r);
        }
        PartyId id = registered.party().id();
        return new Credentials(id, kind, key(id, scopes));
    }

    /** Another key for an existing party. */
    public String key(PartyId party, ApiScope... scopes) {
        EnumSet<ApiScope> set = EnumSet.noneOf(ApiScope.class);
        set.addAll(java.util.List.of(scopes));
        if (keys.issue(party, set, "test", "test") instanceof ApiKeyResult.Issued issued) {
            return issued.secret();
        }
        throw new IllegalStateException("could not issue a test key for " + party);
    }
}
