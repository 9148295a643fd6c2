package org.finbridge.risk.aml;

import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** A large-value or suspicious-transaction report as filed ({@code amlrpt_…}). */
public record ReportId(UUID value) {

    public static final String PREFIX = "amlrpt";

    public static ReportId parse(String text) {
        return new ReportId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
