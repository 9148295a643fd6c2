package org.finbridge.credit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.finbridge.party.PartyId;

/**
 * A credit report as issued to one recipient at one time.
 *
 * @param behaviour payment and trade behaviour of the last 12 months: counts per category
 * @param repayments the repayment record (on time and overdue)
 * @param negativeRecords negative information still held, with its dispute mark and the subject's statements
 * @param objectionsInProgress objections not yet answered
 * @param freeOfCharge false for an individual's third and later self-query of a year (art. 17)
 */
public record CreditReport(String reportId, PartyId subject, String kind, String name, String country,
                           Map<String, String> identifiers, CreditScore score, Map<String, Long> behaviour,
                           List<Entry> repayments, List<Entry> negativeRecords, List<Objection> objectionsInProgress,
                           Instant issuedAt, boolean freeOfCharge) {

    /** A record in the report, with its provenance, whether it is disputed, and the subject's statements. */
    public record Entry(String contributionId, ContributionCategory category, double amount, Instant occurredAt,
                        String provider, boolean disputed, List<String> statements) {
    }
}
