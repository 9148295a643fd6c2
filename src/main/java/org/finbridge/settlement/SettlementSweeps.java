package org.finbridge.settlement;

import java.time.LocalDate;
import java.util.List;
import org.finbridge.ledger.AccountId;
import org.finbridge.party.PartyId;

/**
 * The netting hook of a settlement run, for a module that a merchant owes out of its settlements (a lender's
 * sweep of a loan's holdback, REGULATIONS.md §6.1): asked once per merchant and currency while the run is planned,
 * it names what to take from the money the run releases. The run then moves only the rest to the merchant's
 * available balance and each take straight from the merchant's pending balance to the claimant's account, all
 * in one linked ledger chain (issue 5 §2, netting: where the platform owes and is owed the same counterparty in
 * one window, only the net moves); the statement shows what was swept. The takes are written with the plan, so
 * a run resumed after a crash or worked by another node moves exactly what was planned, once.
 *
 * <p>A claimant that takes here must not also sweep the same settlement from the merchant's available balance
 * afterwards: the release it reads from the ledger ({@code SETTLEMENT_RELEASE}) is then already net of its takes.
 */
public interface SettlementSweeps {

    /**
     * @param releasable what the run moves from pending to available for the merchant in this currency (its
     *                   releases less its recoveries), minor units, positive
     * @return the takes, in the order they are to be applied; the run takes them in order while their total stays
     *         within {@code releasable}, and leaves out a take that would pass it
     */
    List<Take> takes(PartyId merchant, String currency, long releasable, LocalDate businessDate);

    /**
     * @param account the ledger account credited, in the settlement's currency (the claimant opens it)
     * @param reference the claimant's own reference for the take (a loan id), shown on the statement
     */
    record Take(AccountId account, long amount, String reference) {
        public Take {
            if (account == null || amount <= 0 || reference == null || reference.isBlank() || reference.length() > 200) {
                throw new IllegalArgumentException("a take needs an account, a positive amount and a reference of at most 200 characters");
            }
        }
    }
}
