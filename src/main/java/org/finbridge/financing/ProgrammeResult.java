package org.finbridge.financing;

/** The answer to publishing a programme. */
public sealed interface ProgrammeResult {

    record Published(Programme programme) implements ProgrammeResult {
    }

    record Invalid(String field, String reason) implements ProgrammeResult {
    }

    /** The programme's full annual cost at its terms exceeds the cap (REGULATIONS.md §6.3). */
    record RateCapExceeded(java.math.BigDecimal apr, java.math.BigDecimal cap) implements ProgrammeResult {
    }
}
