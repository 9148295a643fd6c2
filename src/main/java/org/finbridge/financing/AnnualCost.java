package org.finbridge.financing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The full cost of a credit as the borrower must be told it (REGULATIONS.md §6.2 and §6.3: every interest
 * and fee annualised, nothing undisclosed), computed from the actual cash flows including every fee.
 *
 * <p>The periodic rate is the internal rate of return {@code i} of the flows
 * ({@code Σ amount_k / (1 + i)^period_k = 0}). The APR is {@code i × periods per year} (the nominal
 * annual rate, the figure the 24 % cap is applied to); the effective annual rate is
 * {@code (1 + i)^(periods per year) − 1}. Rates are decimals (0.12 = 12 %) with {@value #SCALE} places.
 */
public record AnnualCost(BigDecimal periodicRate, int periodsPerYear, BigDecimal apr, BigDecimal effectiveRate) {

    public static final int SCALE = 10;
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal LOWEST = new BigDecimal("-0.99");
    private static final BigDecimal HIGHEST = BigDecimal.TEN;

    /** The cost of the flows, with unit periods of 1/{@code periodsPerYear} of a year (12 = months, 365 = days). */
    public static AnnualCost of(List<CashFlow> flows, int periodsPerYear) {
        if (flows.stream().noneMatch(f -> f.amount() < 0) || flows.stream().noneMatch(f -> f.amount() > 0)) {
            throw new IllegalArgumentException("the cash flows need an advance and at least one repayment");
        }
        BigDecimal low = LOWEST;
        BigDecimal high = HIGHEST;
        // the lender's NPV falls as the rate rises (money out first, in later): bisect on its sign
        for (int step = 0; step < 200 && high.subtract(low).compareTo(new BigDecimal("1e-22")) > 0; step++) {
            BigDecimal mid = low.add(high).divide(BigDecimal.TWO, PRECISION);
            if (netPresentValue(flows, mid).signum() > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        BigDecimal i = low.add(high).divide(BigDecimal.TWO, PRECISION);
        BigDecimal apr = i.multiply(BigDecimal.valueOf(periodsPerYear)).setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal effective = BigDecimal.ONE.add(i).pow(periodsPerYear, PRECISION).subtract(BigDecimal.ONE)
                .setScale(SCALE, RoundingMode.HALF_UP);
        return new AnnualCost(i.setScale(2 * SCALE, RoundingMode.HALF_UP), periodsPerYear, apr, effective);
    }

    /** A term loan's cost: the advance less fees kept back at disbursement, then each instalment. */
    public static AnnualCost ofSchedule(Schedule schedule, long upfrontFee) {
        List<CashFlow> flows = new ArrayList<>();
        flows.add(new CashFlow(0, -(schedule.terms().principal().minorUnits() - upfrontFee)));
        for (Instalment i : schedule.instalments()) {
            flows.add(new CashFlow(i.period(), i.payment()));
        }
        return of(flows, 12);
    }

    /** Σ amount / (1 + rate)^period, the lender's net present value of the flows at a periodic rate. */
    public static BigDecimal netPresentValue(List<CashFlow> flows, BigDecimal periodicRate) {
        List<CashFlow> ordered = flows.stream().sorted(java.util.Comparator.comparingLong(CashFlow::period)).toList();
        BigDecimal base = BigDecimal.ONE.add(periodicRate);
        BigDecimal growth = BigDecimal.ONE;
        long at = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (CashFlow f : ordered) {
            // the growth factor is carried forward period by period rather than raised afresh for every flow
            growth = growth.multiply(base.pow(Math.toIntExact(f.period() - at), PRECISION), PRECISION);
            at = f.period();
            total = total.add(BigDecimal.valueOf(f.amount()).divide(growth, PRECISION));
        }
        return total;
    }

    public boolean exceeds(BigDecimal capApr) {
        return apr.compareTo(capApr) > 0;
    }
}
