package org.finbridge.payments.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The ledger accounts payments move money between, named by the convention shared with the FX module
 * and opened on first use (a second opening answers EXISTS):
 * <ul>
 *   <li>{@code party:<partyId>:MERCHANT_PENDING:<CCY>} — authorized (pending) and captured money not yet settled;</li>
 *   <li>{@code party:<partyId>:MERCHANT_AVAILABLE:<CCY>} — settled money the merchant may pay out or convert,
 *       never overdrawn (DEBITS_MUST_NOT_EXCEED_CREDITS);</li>
 *   <li>{@code party:<partyId>:MERCHANT_RESERVE:<CCY>} — the rolling reserve chargebacks are paid from first;</li>
 *   <li>{@code platform:CONNECTOR_CLEARING:<connector>:<CCY>} — what the connector owes the platform (debit balance);</li>
 *   <li>{@code platform:FEES_PLATFORM:<CCY>} — the platform's fee income.</li>
 * </ul>
 * Merchant accounts carry the party id as ownerRef, so {@code Ledger.accountsOf(partyId)} lists them.
 */
@Component
class PaymentAccounts {

    static final String PLATFORM_OWNER = "platform";

    private final Ledger ledger;
    private final Set<AccountId> opened = ConcurrentHashMap.newKeySet();
    private final Map<AccountId, Object> openings = new ConcurrentHashMap<>();

    PaymentAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    AccountId merchantPending(PartyId merchant, CurrencyCode currency) {
        return open("party:" + merchant + ":MERCHANT_PENDING:" + currency, currency, "MERCHANT_PENDING", merchant.toString());
    }

    AccountId merchantAvailable(PartyId merchant, CurrencyCode currency) {
        return open("party:" + merchant + ":MERCHANT_AVAILABLE:" + currency, currency, "MERCHANT_AVAILABLE",
                merchant.toString(), AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    AccountId merchantReserve(PartyId merchant, CurrencyCode currency) {
        return open("party:" + merchant + ":MERCHANT_RESERVE:" + currency, currency, "MERCHANT_RESERVE", merchant.toString());
    }

    AccountId connectorClearing(String connector, CurrencyCode currency) {
        return open("platform:CONNECTOR_CLEARING:" + connector + ":" + currency, currency, "CONNECTOR_CLEARING", PLATFORM_OWNER);
    }

    AccountId platformFees(CurrencyCode currency) {
        return open("platform:FEES_PLATFORM:" + currency, currency, "FEES_PLATFORM", PLATFORM_OWNER);
    }

    /** The posted credit balance of an account (0 when it was never opened). */
    long creditBalance(AccountId id) {
        return ledger.account(id).map(a -> a.postedCreditBalance().minorUnits()).orElse(0L);
    }

    /** An account another module names (the FX module's liquidity and revenue accounts), opened on first use. */
    AccountId open(NewAccount account) {
        return open(account.id(), account.id().toString(), account);
    }

    private AccountId open(String name, CurrencyCode currency, String type, String owner, AccountFlag... flags) {
        AccountId id = AccountId.derived(name);
        return open(id, name, new NewAccount(id, currency, type, owner, flags.length == 0 ? Set.of() : Set.of(flags)));
    }

    private AccountId open(AccountId id, String name, NewAccount account) {
        String type = account.type();
        CurrencyCode currency = account.currency();
        if (opened.contains(id)) {
            return id;
        }
        // one opening per account and process; a race with another node is settled by reading
        synchronized (openings.computeIfAbsent(id, k -> new Object())) {
            if (opened.contains(id)) {
                return id;
            }
            AccountResult r;
            try {
                r = ledger.createAccount(account);
            } catch (DataAccessException raced) {
                r = ledger.account(id).filter(a -> a.type().equals(type) && a.currency().equals(currency))
                        .map(a -> AccountResult.EXISTS).orElseThrow(() -> raced);
            }
            if (r != AccountResult.OK && r != AccountResult.EXISTS) {
                throw new IllegalStateException("ledger account " + name + " exists with other fields: " + r);
            }
            opened.add(id);
            openings.remove(id);
            return id;
        }
    }
}
