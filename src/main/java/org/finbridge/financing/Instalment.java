package org.finbridge.financing;

import java.time.LocalDate;

/**
 * One line of a repayment schedule, amounts in minor units: {@code payment = principal + interest}, and
 * {@code remaining} is the principal still owed after it is paid.
 */
public record Instalment(int period, LocalDate dueDate, long payment, long principal, long interest, long remaining) {

    public Instalment {
        if (principal < 0 || interest < 0 || remaining < 0 || payment != Math.addExact(principal, interest)) {
            throw new IllegalArgumentException("inconsistent instalment " + period + ": payment " + payment
                    + ", principal " + principal + ", interest " + interest + ", remaining " + remaining);
        }
    }
}
