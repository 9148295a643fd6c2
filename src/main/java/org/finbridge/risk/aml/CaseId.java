package org.finbridge.risk.aml;

import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** An AML case: alerts about one customer under review ({@code amlcase_…}). */
public record CaseId(UUID value) {

    public static final String PREFIX = "amlcase";

    public static CaseId parse(String text) {
        return new CaseId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
