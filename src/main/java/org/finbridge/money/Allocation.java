package org.finbridge.money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount into parts proportional to weights so that the parts always sum exactly to the
 * total: the largest-remainder method (Hamilton). Each part first gets floor(total × weight / Σweights);
 * the units left over go one each to the parts with the largest remainders, ties to the earlier part.
 * Used for fee splits, instalments and settlement shares, where a lost or created minor unit would
 * break the ledger.
 */
public final class Allocation {

    private Allocation() {
    }

    public static List<Money> allocate(Money total, long... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        long weightSum = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            weightSum = Math.addExact(weightSum, w);
        }
        if (weightSum == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        long sign = total.minorUnits() < 0 ? -1 : 1;
        java.math.BigInteger magnitude = java.math.BigInteger.valueOf(total.minorUnits()).abs();
        java.math.BigInteger sum = java.math.BigInteger.valueOf(weightSum);
        long[] parts = new long[weights.length];
        java.math.BigInteger[] remainders = new java.math.BigInteger[weights.length];
        long allocated = 0;
        for (int i = 0; i < weights.length; i++) {
            java.math.BigInteger[] qr = magnitude.multiply(java.math.BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allocated = Math.addExact(allocated, parts[i]);
        }
        long leftover = magnitude.longValueExact() - allocated;
        Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < leftover; k++) {
            parts[order[k]]++;
        }
        List<Money> result = new ArrayList<>(weights.length);
        for (long part : parts) {
            result.add(new Money(sign * part, total.currency()));
        }
        return result;
    }

    /** Splits into {@code n} parts as equal as possible; earlier parts take the leftover units. */
    public static List<Money> evenly(Money total, int n) {
        long[] weights = new long[n];
        Arrays.fill(weights, 1);
        return allocate(total, weights);
    }
}
