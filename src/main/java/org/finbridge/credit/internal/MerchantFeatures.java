package org.finbridge.credit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.finbridge.credit.Contribution;
import org.finbridge.credit.ContributionCategory;

/**
 * A merchant's features as the merchant scorecard reads them, computed from its contributed records of
 * the last 12 months (penalties: 5 years, the retention period of negative information). Rates are per
 * sale, so a large and a small seller compare fairly. Disputed records still count until the objection is
 * decided; removed records never do.
 */
public final class MerchantFeatures {

    public static final List<String> NAMES = List.of("sales_count", "months_with_sales", "refund_rate",
            "chargeback_rate", "delivery_rate", "mismatch_rate", "max_days_past_due", "complaints", "store_rating",
            "store_age_months", "penalties");

    static final Duration WINDOW = Duration.ofDays(365);
    static final Duration PENALTY_WINDOW = Duration.ofDays(5 * 365 + 1);

    private MerchantFeatures() {
    }

    /** The feature vector in the order of {@link #NAMES}; NaN where a value is unknown (no rating reported). */
    public static double[] compute(List<Contribution> records, Instant asOf) {
        Instant from = asOf.minus(WINDOW);
        Instant penaltiesFrom = asOf.minus(PENALTY_WINDOW);
        double sales = 0;
        double refunds = 0;
        double chargebacks = 0;
        double deliveries = 0;
        double mismatches = 0;
        double maxDaysPastDue = 0;
        double complaints = 0;
        double penalties = 0;
        double rating = Double.NaN;
        Instant ratingAt = Instant.MIN;
        double storeAge = Double.NaN;
        Instant storeAgeAt = Instant.MIN;
        Set<YearMonth> months = new HashSet<>();
        for (Contribution c : records) {
            if ("REMOVED".equals(c.state()) || c.occurredAt().isAfter(asOf)) {
                continue;
            }
            boolean recent = !c.occurredAt().isBefore(from);
            switch (c.category()) {
                case SALE -> {
                    if (recent) {
                        sales++;
                        months.add(YearMonth.from(c.occurredAt().atZone(ZoneOffset.UTC)));
                    }
                }
                case REFUND, RETURN -> refunds += recent ? 1 : 0;
                case CHARGEBACK -> chargebacks += recent ? 1 : 0;
                case DELIVERY, SHIPMENT_ON_TIME -> deliveries += recent ? 1 : 0;
                case CUSTOMS_MISMATCH -> mismatches += recent ? 1 : 0;
                case COMPLAINT -> complaints += recent ? 1 : 0;
                case REPAYMENT_OVERDUE -> {
                    if (recent) {
                        maxDaysPastDue = Math.max(maxDaysPastDue, c.amount());
                    }
                }
                case ADMINISTRATIVE_PENALTY, COURT_JUDGMENT -> penalties += c.occurredAt().isBefore(penaltiesFrom) ? 0 : 1;
                case STORE_RATING -> {
                    if (c.occurredAt().isAfter(ratingAt)) {
                        rating = c.amount();
                        ratingAt = c.occurredAt();
                    }
                }
                case STORE_AGE -> {
                    if (c.occurredAt().isAfter(storeAgeAt)) {
                        // months at the report plus the months since
                        storeAge = c.amount() + Duration.between(c.occurredAt(), asOf).toDays() / 30.4;
                        storeAgeAt = c.occurredAt();
                    }
                }
                default -> {
                    // income, deposits, tax, on-time repayments, late shipments: reported, not scored by this model
                }
            }
        }
        double perSale = Math.max(sales, 1);
        return new double[] {sales, months.size(), refunds / perSale, chargebacks / perSale,
                Math.min(1, deliveries / perSale), mismatches / perSale, maxDaysPastDue, complaints, rating, storeAge,
                penalties};
    }
}
