package org.finbridge.credit;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.PartyId;

/**
 * Credit reports and the subject's rights (REGULATIONS.md §3.1): a report only to a grantee with the
 * subject's valid consent for the purpose (art. 18), every issue logged (art. 22) and visible to the
 * subject, self-queries (art. 17), explanatory statements (art. 16) and objections (art. 25).
 */
public interface CreditReports {

    /** Issues the subject's report to the grantee, if the subject consented to this grantee and purpose. */
    ReportResult issue(PartyId subject, PartyId grantee, ConsentPurpose purpose, String actor);

    /** The subject's own report; individuals get two free reports per calendar year. */
    ReportResult selfQuery(PartyId subject, String actor);

    List<ReportAccess> accessLog(PartyId subject);

    ReportResult addStatement(PartyId subject, String contributionId, String text);

    /** Marks the record disputed and opens an objection the registry must answer within 20 days. */
    ReportResult object(PartyId subject, String contributionId, String reason);

    /**
     * Records the provider's verification and the registry's written answer. CORRECT with a corrected amount
     * corrects the record, without one removes it; KEEP keeps it with the reasons; UNDETERMINED keeps it with
     * the dispute mark and both views. Everyone who received a report holding the record is notified.
     */
    ReportResult decide(String objectionId, Objection.Decision decision, String reasons, Double correctedAmount, String actor);

    List<Objection> objections(PartyId subject);

    /** One objection by its id ({@code obj_…}); empty for an unknown or malformed id. */
    Optional<Objection> objection(String objectionId);

    /** Objections to the records a provider contributed, oldest first: the provider's verification queue. */
    List<Objection> objectionsToRecordsOf(PartyId provider);
}
