package org.finbridge.settlement;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;

/**
 * The payouts API. Merchants create and see their own payouts (another party's answers not found);
 * operators write batch files, read them, and apply the banks' status reports.
 */
public interface Payouts {

    PayoutResult create(Actor actor, NewPayout payout);

    /**
     * Opens the ledger accounts a payout in the currency moves money through. A module that creates payouts inside a
     * transaction of its own calls it first, outside any: the ledger's writer commits on its own connection and must
     * see the accounts (an account opened in the caller's uncommitted transaction is not there for it).
     */
    void prepare(String currency);

    Optional<Payout> find(Actor actor, PayoutId id);

    List<Payout> list(Actor actor, int limit);

    /** Writes every CREATED local-clearing payout in the currency into one pain.001 file and marks them SENT. */
    Optional<PayoutBatchFile> writeBatch(Actor actor, String currency);

    /** Sends every CREATED cross-border payout in the currency (SWIFT gpi, CIPS) as its own pacs.008.001.08 message. */
    List<PayoutBatchFile> sendCrossBorder(Actor actor, String currency);

    List<PayoutBatchFile> batches(Actor actor, int limit);

    /**
     * Applies a pain.002 status report: each transaction status moves the payout with that end-to-end id
     * (accepted, settled, rejected with the ledger reversed). Unknown ids and illegal moves are counted, not applied.
     */
    StatusReportOutcome applyStatusReport(Actor actor, byte[] pain002);

    /** A payout the beneficiary's bank sent back after settlement (a camt.054 return): the ledger is reversed. */
    PayoutResult markReturned(Actor actor, PayoutId id, String reason);

    record StatusReportOutcome(boolean readable, String problem, int applied, int unknown, int ignored) {
    }
}
