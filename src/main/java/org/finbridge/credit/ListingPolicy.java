package org.finbridge.credit;

import java.time.Period;

/**
 * The named rules under which a party may be put on the dishonesty list, each with its severity, the time
 * the subject has to respond to the advance notice, and the publication period of its severity tier
 * (NDRC credit repair measures, Order No. 36 of 2025, REGULATIONS.md §3.4: minor at most 3 months; general
 * 3 months to 1 year; serious 1 to 3 years: repair may be requested after the minimum, publication stops
 * by itself at the maximum).
 */
public enum ListingPolicy {
    /** A loan more than 90 days overdue after a final notice. */
    LOAN_90_DAYS_OVERDUE_AFTER_FINAL_NOTICE(Severity.GENERAL, 15),
    /** Fraud confirmed by investigation (e.g. fabricated trade documents to obtain financing). */
    CONFIRMED_FRAUD(Severity.SERIOUS, 10),
    /** A court judgment the party can perform but does not (SPC Fa Shi [2017] No. 7 art. 1). */
    COURT_JUDGMENT_UNPERFORMED(Severity.SERIOUS, 10),
    /** A serious administrative penalty (e.g. customs smuggling, a large tax penalty). */
    SERIOUS_ADMINISTRATIVE_PENALTY(Severity.SERIOUS, 15),
    /** Repeated lost chargebacks or complaints within a year after a warning. */
    REPEATED_TRADE_DISPUTES(Severity.MINOR, 15);

    public enum Severity {
        MINOR(Period.ZERO, Period.ofMonths(3)),
        GENERAL(Period.ofMonths(3), Period.ofYears(1)),
        SERIOUS(Period.ofYears(1), Period.ofYears(3));

        private final Period minimum;
        private final Period maximum;

        Severity(Period minimum, Period maximum) {
            this.minimum = minimum;
            this.maximum = maximum;
        }

        /** Publication before which credit repair may not end the listing. */
        public Period minimum() {
            return minimum;
        }

        /** Publication stops by itself at the latest after this. */
        public Period maximum() {
            return maximum;
        }
    }

    /** The graded measures, mildest first; each step up needs the previous one's notice to have run. */
    public enum Measure { WARNING, LIMITS, SUSPENSION, LISTING }

    private final Severity severity;
    private final int responseDays;

    ListingPolicy(Severity severity, int responseDays) {
        this.severity = severity;
        this.responseDays = responseDays;
    }

    public Severity severity() {
        return severity;
    }

    /** Days the subject has to respond to the advance notice before any measure beyond a warning. */
    public int responseDays() {
        return responseDays;
    }
}
