package org.finbridge.risk.aml;

import java.time.Instant;
import java.util.List;
import org.finbridge.party.PartyId;

/**
 * A rule's finding about one customer in one window (a day, a month, an order). The same finding raised
 * again (by the schedule and by an event, or by a redelivered event) refreshes this alert; it never
 * makes a second one.
 *
 * @param category LTR for the large-value triggers, STR for the suspicious-transaction typologies
 * @param featureCode the LTR feature code (0501–0504, REGULATIONS §4.2), null for STR typologies
 * @param windowKey what the finding is about within the rule: a date and direction, a month, an order
 * @param amountCnyMinor the amount the finding is about, in CNY fen at the reference rate (null when none)
 * @param transactionRefs the journal entries behind the finding
 */
public record Alert(AlertId id, String ruleName, ReportType category, String featureCode, PartyId partyId,
                    String windowKey, String summary, Long amountCnyMinor, List<String> transactionRefs,
                    AlertStatus status, CaseId caseId, ReportId reportId, Instant raisedAt, Instant updatedAt) {

    public Alert {
        transactionRefs = List.copyOf(transactionRefs);
    }
}
