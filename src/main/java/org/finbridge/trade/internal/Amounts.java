package org.finbridge.trade.internal;

import java.util.OptionalLong;

/** Exact arithmetic on amounts in minor units: an overflow is an invalid document, never a wrapped sum. */
final class Amounts {

    private Amounts() {
    }

    static OptionalLong lineAmount(long quantity, long unitPrice) {
        try {
            return OptionalLong.of(Math.multiplyExact(quantity, unitPrice));
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong sum(long... amounts) {
        long sum = 0;
        try {
            for (long a : amounts) {
                sum = Math.addExact(sum, a);
            }
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sum);
    }
}
