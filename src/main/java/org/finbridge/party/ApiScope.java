package org.finbridge.party;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an actor may do. An API key carries only the scopes its client needs (least privilege); a
 * console role carries a fixed set ({@link ConsoleRole#scopes()}). Which scopes a party of a kind may
 * hold at all is {@link #grantableTo(PartyKind)}: ledger internals and review duties stay with the
 * platform's operators.
 */
public enum ApiScope {
    LEDGER_READ("ledger:read"),
    LEDGER_WRITE("ledger:write"),
    PARTIES_READ("parties:read"),
    PARTIES_WRITE("parties:write"),
    /** Registering new parties of any kind: the platform's own onboarding desk. */
    PARTIES_ADMIN("parties:admin"),
    KYB_REVIEW("kyb:review"),
    CONSENTS_WRITE("consents:write"),
    /** Issuing, rotating and revoking the party's own API keys and console users. */
    USERS_MANAGE("users:manage"),
    PAYMENTS_READ("payments:read"),
    PAYMENTS_WRITE("payments:write"),
    FX_READ("fx:read"),
    FX_TRADE("fx:trade"),
    WEBHOOKS_MANAGE("webhooks:manage"),
    TRADE_SUBMIT("trade:submit"),
    /**
     * Reading another party's credit report, with that party's consent for the purpose (Credit Reporting
     * Industry Regulation art. 18): lenders and guarantors only. Not even the platform's operators hold it,
     * since a report goes only to a grantee the subject named.
     */
    CREDIT_REPORTS_READ("credit-reports:read"),
    /** Contributing records to the credit registry and answering objections to them: the data providers. */
    CREDIT_CONTRIBUTE("credit:contribute"),
    /**
     * A subject's rights over its own credit record (arts. 16, 17, 25): its report, access log, statements,
     * objections and the publication of its grade. Held by sellers and buyers for themselves only; the
     * platform's operators do not act as the subject.
     */
    CREDIT_OWN("credit:own"),
    /**
     * The platform's side of the dishonesty list (REGULATIONS.md §3.3, §3.4): opening a case with advance
     * notice under a named policy, graded measures, withdrawal, deciding appeals, credit repair. Operators
     * only; it gives no access to credit reports, which stay with the grantees a subject named.
     */
    CREDIT_LISTINGS("credit-listings:manage"),
    RISK_REVIEW("risk:review"),
    SUPERVISION_READ("supervision:read"),
    /** Reading loans, offers, programmes and portfolios: a merchant its own, a lender its own. */
    LOANS_READ("loans:read"),
    /** Applying for, accepting and repaying loans (merchants); publishing programmes (lenders); funding lenders (operators). */
    LOANS_WRITE("loans:write"),
    /**
     * Deciding applications that underwriting referred to a person: the platform's credit reviewers, and a
     * lender for applications under its own programmes (the lender carries the credit risk and makes the
     * credit decision on what the platform's rules could not decide).
     */
    LOANS_REVIEW("loans:review"),
    /**
     * A regulator's own decisions: violation cases and pilot-zone policies. Held by regulators only, not even
     * by the platform's operators, who must not decide on the supervision of themselves.
     */
    SUPERVISION_WRITE("supervision:write");

    private static final Set<ApiScope> EVERY_PARTY =
            EnumSet.of(PARTIES_READ, PARTIES_WRITE, CONSENTS_WRITE, USERS_MANAGE, FX_READ, WEBHOOKS_MANAGE);

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

    /**
     * The scopes a party of this kind may be given; an operator may be given any but the regulators' own and
     * the credit registry's subject and grantee rights.
     */
    public static Set<ApiScope> grantableTo(PartyKind kind) {
        Set<ApiScope> scopes = EnumSet.copyOf(EVERY_PARTY);
        switch (kind) {
            case OPERATOR -> scopes = EnumSet.complementOf(EnumSet.of(SUPERVISION_WRITE, CREDIT_REPORTS_READ, CREDIT_OWN));
            case MERCHANT -> scopes.addAll(EnumSet.of(PAYMENTS_READ, PAYMENTS_WRITE, FX_TRADE, TRADE_SUBMIT, LOANS_READ, LOANS_WRITE,
                    CREDIT_OWN));
            case BUYER -> scopes.addAll(EnumSet.of(PAYMENTS_READ, PAYMENTS_WRITE, CREDIT_OWN));
            case MARKETPLACE, LOGISTICS_PROVIDER -> scopes.addAll(EnumSet.of(TRADE_SUBMIT, CREDIT_CONTRIBUTE));
            case LENDER -> scopes.addAll(EnumSet.of(CREDIT_REPORTS_READ, CREDIT_CONTRIBUTE, LOANS_READ, LOANS_WRITE, LOANS_REVIEW));
            case GUARANTOR -> scopes.addAll(EnumSet.of(CREDIT_REPORTS_READ, LOANS_READ, LOANS_WRITE));
            case PAYMENT_INSTITUTION -> scopes.add(PAYMENTS_READ);
            case REGULATOR -> scopes.addAll(EnumSet.of(SUPERVISION_READ, SUPERVISION_WRITE));
        }
        return scopes;
    }
}
