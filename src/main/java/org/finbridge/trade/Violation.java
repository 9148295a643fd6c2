package org.finbridge.trade;

/** One reason a submitted document is refused: the field (as the submitter named it) and what is wrong. */
public record Violation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
