package org.finbridge.trade.internal.matching;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.money.CurrencyCode;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.TradeRecord;

/**
 * The order total, what was paid and the declared value agree within a tolerance. Customs compare the
 * order's and the payment's amounts (三单比对); payments and declarations may legitimately carry freight,
 * insurance or rounding the order's item total does not, hence a tolerance, set by platform policy
 * ({@code finbridge.trade.matching.amount-tolerance-basis-points}). Amounts in different currencies
 * cannot be compared without a rate and are flagged as such: a declaration is expected in the currency
 * of the transaction it declares.
 */
final class AmountsAgree implements MatchRule {

    private record Amount(String what, CurrencyCode currency, long minorUnits) {
        String text() {
            return currency.code() + " " + BigDecimal.valueOf(minorUnits, currency.exponent()).toPlainString();
        }
    }

    private final long toleranceBasisPoints;

    AmountsAgree(long toleranceBasisPoints) {
        if (toleranceBasisPoints < 0) {
            throw new IllegalArgumentException("a tolerance is not negative");
        }
        this.toleranceBasisPoints = toleranceBasisPoints;
    }

    @Override
    public List<Mismatch> check(TradeRecord r) {
        List<Amount> amounts = amounts(r);
        List<Mismatch> found = new ArrayList<>();
        if (amounts.size() < 2) {
            return found;
        }
        Amount reference = amounts.getFirst();
        for (Amount other : amounts.subList(1, amounts.size())) {
            if (!other.currency().equals(reference.currency())) {
                found.add(new Mismatch(MismatchKind.AMOUNT, other.what() + " is in " + other.currency().code() + ", "
                        + reference.what() + " in " + reference.currency().code() + ": not comparable without a rate"));
            } else if (beyondTolerance(reference.minorUnits(), other.minorUnits())) {
                found.add(new Mismatch(MismatchKind.AMOUNT, other.what() + " " + other.text() + " differs from "
                        + reference.what() + " " + reference.text() + " by more than "
                        + BigDecimal.valueOf(toleranceBasisPoints, 2).toPlainString() + " %"));
            }
        }
        return found;
    }

    /** The order total first (it is what customs compare against), then payments, then declared totals per currency. */
    private static List<Amount> amounts(TradeRecord r) {
        List<Amount> amounts = new ArrayList<>();
        if (r.order() != null) {
            amounts.add(new Amount("the order total", r.order().currency(), r.order().totalMinorUnits()));
        }
        for (PaidAmount p : r.payments()) {
            amounts.add(new Amount("the payment " + p.paymentReference(), p.currency(), p.amountMinorUnits()));
        }
        Map<CurrencyCode, Long> declared = new LinkedHashMap<>();
        for (Declaration d : r.declarations()) {
            declared.merge(d.currency(), d.declaredValueMinorUnits(), Math::addExact);
        }
        declared.forEach((currency, sum) -> amounts.add(new Amount("the declared value", currency, sum)));
        return amounts;
    }

    /** |other − reference| × 10,000 > tolerance × |reference|, in exact integer arithmetic. */
    private boolean beyondTolerance(long reference, long other) {
        BigInteger difference = BigInteger.valueOf(other).subtract(BigInteger.valueOf(reference)).abs();
        BigInteger allowed = BigInteger.valueOf(reference).abs().multiply(BigInteger.valueOf(toleranceBasisPoints));
        return difference.multiply(BigInteger.valueOf(10_000)).compareTo(allowed) > 0;
    }
}
