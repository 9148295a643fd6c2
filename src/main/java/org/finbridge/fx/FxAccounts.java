package org.finbridge.fx;

import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.NewAccount;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;

/**
 * The ledger accounts FX moves money through, with ids derived from their names so that every module
 * opening "the merchant's EUR balance" opens the same account (a second opening answers EXISTS).
 */
public final class FxAccounts {

    public static final String MERCHANT_AVAILABLE = "MERCHANT_AVAILABLE";
    public static final String FX_LIQUIDITY = "FX_LIQUIDITY";
    public static final String FX_REVENUE = "FX_REVENUE";
    /** The owner reference of the platform's own FX accounts. */
    public static final String PLATFORM_OWNER = "fx";

    private FxAccounts() {
    }

    /** A party's spendable balance in a currency; it can never be overdrawn. */
    public static NewAccount merchantAvailable(PartyId party, CurrencyCode currency) {
        return new NewAccount(AccountId.derived("party:" + party + ":" + MERCHANT_AVAILABLE + ":" + currency.code()),
                currency, MERCHANT_AVAILABLE, party.toString(),
                java.util.Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    /**
     * The platform's FX position in a currency: credited with what parties sell, debited with what they
     * buy. It may go negative (the platform is short that currency), so it carries no balance limit.
     */
    public static NewAccount liquidity(CurrencyCode currency) {
        return platform(FX_LIQUIDITY, currency);
    }

    /** The spread earned in a currency: realised FX revenue. */
    public static NewAccount revenue(CurrencyCode currency) {
        return platform(FX_REVENUE, currency);
    }

    private static NewAccount platform(String type, CurrencyCode currency) {
        return new NewAccount(AccountId.derived(PLATFORM_OWNER + ":" + type + ":" + currency.code()), currency, type,
                PLATFORM_OWNER, java.util.Set.of());
    }
}
