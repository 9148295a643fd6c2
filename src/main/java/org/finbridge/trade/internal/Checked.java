package org.finbridge.trade.internal;

import java.util.List;
import org.finbridge.trade.Violation;

/** A validated value, or every reason it is not one. */
record Checked<T>(T value, List<Violation> violations) {

    Checked {
        violations = List.copyOf(violations);
    }

    static <T> Checked<T> valid(T value) {
        return new Checked<>(value, List.of());
    }

    static <T> Checked<T> invalid(List<Violation> violations) {
        return new Checked<>(null, violations);
    }

    boolean isValid() {
        return violations.isEmpty();
    }
}
