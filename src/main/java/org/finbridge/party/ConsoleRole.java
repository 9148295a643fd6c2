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

    public static Set<ConsoleRole> operatorRoles() {
        return EnumSet.of(OPERATOR_KYB_REVIEWER, OPERATOR_RISK_ANALYST, OPERATOR_FINANCE, OPERATOR_ADMIN);
    }
}
