package org.finbridge.risk.aml;

import java.time.Instant;
import java.time.LocalDate;
import org.finbridge.party.PartyId;

/**
 * A report as filed. Its XML ({@link AmlReports#xml}) is the record; it is never changed.
 *
 * @param featureCode the LTR feature code 0501–0504 (REGULATIONS §4.2); null for an STR
 * @param subjectDate the day the LTR aggregates, or the day the STR's case was decided
 * @param dueOn the last working day to file: 5 working days after {@code subjectDate} (REGULATIONS §4.2)
 * @param keepUntil the first day the record may be deleted: 10 years on (AML Law 2024 art. 34)
 */
public record AmlReport(ReportId id, ReportType type, String featureCode, PartyId partyId, CaseId caseId,
                        LocalDate subjectDate, LocalDate dueOn, int transactionCount, Instant createdAt,
                        LocalDate keepUntil) {
}
