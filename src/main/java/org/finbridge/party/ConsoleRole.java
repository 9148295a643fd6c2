package org.finbridge.party;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a person may do in the console. Each party kind has its role; the platform's own operators
 * are split by duty (a KYB reviewer does not release payouts), so that no one person holds every key.
 */
public enum ConsoleRole {
    MERCHANT(PartyKind.MERCHANT),
    BUYER(PartyKind.BUYER),
    MARKETPLACE(PartyKind.MARKETPLACE),
    LOGISTICS(PartyKind.LOGISTICS_PROVIDER),
    LENDER(PartyKind.LENDER),
    GUARANTOR(PartyKind.GUARANTOR),
    PAYMENT_INSTITUTION(PartyKind.PAYMENT_INSTITUTION),
    REGULATOR(PartyKind.REGULATOR),
    OPERATOR_KYB_REVIEWER(PartyKind.OPERATOR),
    OPERATOR_RISK_ANALYST(PartyKind.OPERATOR),
    OPERATOR_FINANCE(PartyKind.OPERATOR),
    OPERATOR_ADMIN(PartyKind.OPERATOR);

    private final PartyKind kind;

    ConsoleRole(PartyKind kind) {
        this.kind = kind;
    }

    /** A role is given only to people of a party of its kind. */
    public boolean fits(PartyKind partyKind) {
        return kind == partyKind;
    }

    /**
     * What a person in this role may do. A party's people may do what the party may; the operators'
     * duties are separated: the KYB reviewer decides applications but moves no money, finance moves
     * money but approves no one, the administrator manages parties and access but does neither.
     */
    public Set<ApiScope> scopes() {
        return switch (this) {
            case OPERATOR_KYB_REVIEWER -> EnumSet.of(ApiScope.PARTIES_READ, ApiScope.KYB_REVIEW);
            case OPERATOR_RISK_ANALYST -> EnumSet.of(ApiScope.PARTIES_READ, ApiScope.RISK_REVIEW, ApiScope.PAYMENTS_READ,
                    ApiScope.LEDGER_READ, ApiScope.LOANS_READ, ApiScope.LOANS_REVIEW);
            case OPERATOR_FINANCE -> EnumSet.of(ApiScope.PARTIES_READ, ApiScope.LEDGER_READ, ApiScope.LEDGER_WRITE,
                    ApiScope.PAYMENTS_READ, ApiScope.FX_READ, ApiScope.FX_TRADE, ApiScope.LOANS_READ, ApiScope.LOANS_WRITE);
            case OPERATOR_ADMIN -> EnumSet.of(ApiScope.PARTIES_READ, ApiScope.PARTIES_WRITE, ApiScope.PARTIES_ADMIN,
                    ApiScope.USERS_MANAGE, ApiScope.CONSENTS_WRITE, ApiScope.WEBHOOKS_MANAGE, ApiScope.FX_READ);
            default -> ApiScope.grantableTo(kind);
        };
    }

    public static Set<ConsoleRole> operatorRoles() {
        return EnumSet.of(OPERATOR_KYB_REVIEWER, OPERATOR_RISK_ANALYST, OPERATOR_FINANCE, OPERATOR_ADMIN);
    }
}
