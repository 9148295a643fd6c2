package org.finbridge.party;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API keys for machine clients: issue, authenticate, rotate with overlap, revoke. */
public interface ApiKeys {

    ApiKeyResult issue(PartyId party, Set<ApiScope> scopes, String label, String actor);

    /**
     * Issues a successor with the same scopes; the old key keeps working for {@code overlap} (at most
     * seven days) so that the client can deploy the new one without an outage.
     */
    ApiKeyResult rotate(PartyId party, String keyId, Duration overlap, String actor);

    ApiKeyResult revoke(PartyId party, String keyId, String actor);

    /** The key a client presented, when it is genuine and active; records when it was last used. */
    Optional<ApiKey> authenticate(String presentedKey);

    List<ApiKey> of(PartyId party);
}
