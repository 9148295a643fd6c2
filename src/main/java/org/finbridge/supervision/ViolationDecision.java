package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.Objects;
import org.finbridge.money.Money;

/**
 * What the regulator decided: a fine (an amount), a limit on the subject's business (its terms, until a date)
 * or a suspension (until a date).
 */
public record ViolationDecision(Kind kind, Money fine, String terms, LocalDate until) {

    public enum Kind { FINE, LIMIT, SUSPENSION }

    public ViolationDecision {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case FINE -> {
                if (fine == null || !fine.isPositive()) {
                    throw new IllegalArgumentException("a fine needs a positive amount");
                }
            }
            case LIMIT, SUSPENSION -> {
                if (until == null) {
                    throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " needs an end date");
                }
                if (kind == Kind.LIMIT && (terms == null || terms.isBlank())) {
                    throw new IllegalArgumentException("a limit needs its terms");
                }
            }
        }
        if (terms != null && terms.length() > 1000) {
            throw new IllegalArgumentException("terms are at most 1000 characters");
        }
    }
}
