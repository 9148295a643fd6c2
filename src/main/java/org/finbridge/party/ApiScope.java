package org.finbridge.party;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do; a key carries only the scopes its client needs (least privilege). */
public enum ApiScope {
    LEDGER_READ("ledger:read"),
    LEDGER_WRITE("ledger:write"),
    PARTIES_READ("parties:read"),
    PARTIES_WRITE("parties:write"),
    KYB_REVIEW("kyb:review"),
    CONSENTS_WRITE("consents:write"),
    PAYMENTS_WRITE("payments:write"),
    TRADE_SUBMIT("trade:submit"),
    CREDIT_REPORTS_READ("credit-reports:read");

    private final String code;

    ApiScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ApiScope> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
