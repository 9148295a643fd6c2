package org.finbridge.financing;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a loan, from application to closure; written {@code loan_…} at the API edge. */
public record LoanId(UUID value) {

    public static final String PREFIX = "loan";

    public LoanId {
        Objects.requireNonNull(value, "value");
    }

    public static LoanId next(java.time.Clock clock) {
        return new LoanId(TimeOrderedIds.next(clock));
    }

    public static LoanId parse(String text) {
        return new LoanId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
