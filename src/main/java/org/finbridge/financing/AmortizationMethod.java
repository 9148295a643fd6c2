package org.finbridge.financing;

import java.util.Arrays;

/**
 * How a term loan's principal is paid back, the three methods of REGULATIONS.md §6.2.
 */
public enum AmortizationMethod {
    /** 等额本息: every instalment the same amount (annuity); early instalments are mostly interest. */
    EQUAL_INSTALLMENT("equal-installment"),
    /** 等额本金: the same principal every period plus interest on what is still owed; payments decline. */
    EQUAL_PRINCIPAL("equal-principal"),
    /** 先息后本: interest only each period, all principal with the last instalment (bullet). */
    INTEREST_FIRST("interest-first");

    private final String code;

    AmortizationMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AmortizationMethod ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code) || m.name().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown amortization method '" + code
                        + "' (equal-installment, equal-principal or interest-first)"));
    }
}
