package org.finbridge.supervision;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.PartyId;

/**
 * Violation cases. A regulator sees the cases it handles and the rule-detected cases no regulator has taken
 * up yet; operators see all; every step is audited.
 */
public interface Violations {

    /** A regulator files a case against a party. */
    Violation file(PartyId authority, PartyId subject, String ruleCode, String description);

    /** A rule detected a breach: opens a case once per reference. */
    Violation detect(PartyId subject, String ruleCode, String description, String reference);

    ViolationResult investigate(UUID id, PartyId authority);

    ViolationResult decide(UUID id, PartyId authority, ViolationDecision decision);

    ViolationResult remediate(UUID id, PartyId authority, String note);

    ViolationResult close(UUID id, PartyId authority, String note);

    /** The case if the viewer may see it (null viewer: the platform, which sees all). */
    Optional<Violation> find(UUID id, PartyId viewer);

    List<Violation> visibleTo(PartyId viewer, Violation.State state);
}
