package org.finbridge.party;

import java.util.List;
import java.util.Optional;

public interface Consents {

    ConsentResult grant(PartyId subject, PartyId grantee, ConsentScope scope, ConsentPurpose purpose,
                        java.time.Instant expiresAt);

    /** Only the subject revokes; revoking twice is harmless. */
    ConsentResult revoke(String consentId, PartyId subject);

    /** Whether the grantee holds a valid consent of the subject for this scope and purpose right now. */
    boolean permits(PartyId subject, PartyId grantee, ConsentScope scope, ConsentPurpose purpose);

    Optional<Consent> find(String consentId);

    List<Consent> grantedBy(PartyId subject);

    List<Consent> heldBy(PartyId grantee);
}
