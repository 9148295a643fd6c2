package org.finbridge.financing;

/**
 * The five-tier loan classification (五级分类, CBIRC/PBoC Order 2023 No.1; REGULATIONS.md §6.4) by days
 * past due, with the minimum downgrade cut-offs of Appendix A {@code cn_lending.five_tier_dpd}
 * (special mention from 1, substandard from 91, doubtful from 271, loss from 361 days; the cut-offs are
 * marked to verify against Arts. 10-13 of the Measures). Provision rates are the customary general
 * provisioning percentages (1 / 2 / 25 / 50 / 100 %), a policy choice of the platform, not a rule.
 */
public enum LoanClass {
    NORMAL(0, 100),
    SPECIAL_MENTION(1, 200),
    SUBSTANDARD(91, 2_500),
    DOUBTFUL(271, 5_000),
    LOSS(361, 10_000);

    private final int fromDaysPastDue;
    private final int provisionBasisPoints;

    LoanClass(int fromDaysPastDue, int provisionBasisPoints) {
        this.fromDaysPastDue = fromDaysPastDue;
        this.provisionBasisPoints = provisionBasisPoints;
    }

    public int fromDaysPastDue() {
        return fromDaysPastDue;
    }

    public int provisionBasisPoints() {
        return provisionBasisPoints;
    }

    /** The class a loan this many days past due is in at least. */
    public static LoanClass forDaysPastDue(int daysPastDue) {
        LoanClass result = NORMAL;
        for (LoanClass c : values()) {
            if (daysPastDue >= c.fromDaysPastDue) {
                result = c;
            }
        }
        return result;
    }

    /** Non-performing (NPL) from substandard on. */
    public boolean nonPerforming() {
        return ordinal() >= SUBSTANDARD.ordinal();
    }

    /** The provision for an outstanding amount, rounded up to the minor unit (prudence). */
    public long provisionFor(long outstanding) {
        return Math.ceilDiv(Math.multiplyExact(outstanding, provisionBasisPoints), 10_000L);
    }
}
