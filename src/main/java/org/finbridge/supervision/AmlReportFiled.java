package org.finbridge.supervision;

import java.time.Instant;
import java.util.Objects;
import org.finbridge.party.PartyId;

/**
 * A large-value or suspicious-transaction report as the AML function filed it, or a change of its status,
 * published for the regulator's view (regulations notes §4.2: PBoC Order 2016 No.3, LTR codes 0501-0504,
 * STR case decisions). Supervision keeps the latest status per report; the AML module publishes this event
 * (it needs no dependency on supervision beyond this record), and the same report id published again with a
 * new status updates the view.
 *
 * @param kind {@code LTR} (large-value) or {@code STR} (suspicious)
 * @param code the report's code, e.g. {@code 0504} for an individual's cross-border transfer
 * @param status e.g. {@code DRAFT}, {@code SUBMITTED}, {@code ACKNOWLEDGED}, {@code REJECTED}
 */
public record AmlReportFiled(String reportId, String kind, String code, PartyId subject, long amountMinor, String currency,
                             String status, Instant at) {

    public AmlReportFiled {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        if (reportId == null || reportId.isBlank() || reportId.length() > 100) {
            throw new IllegalArgumentException("a report id of 1 to 100 characters is required");
        }
        if (!"LTR".equals(kind) && !"STR".equals(kind)) {
            throw new IllegalArgumentException("kind is LTR or STR");
        }
        if (status == null || !status.matches("[A-Z_]{1,32}") || currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a status (capitals) and an ISO currency are required");
        }
        code = code == null ? "" : code;
    }
}
