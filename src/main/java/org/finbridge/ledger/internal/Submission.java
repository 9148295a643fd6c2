package org.finbridge.ledger.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;

/** One caller's request waiting for a batch: transfers to apply, or holds to expire. */
record Submission(List<Transfer> transfers, List<TransferId> expiries, CompletableFuture<List<TransferResult>> answer) {

    static Submission ofTransfers(List<Transfer> transfers) {
        return new Submission(List.copyOf(transfers), List.of(), new CompletableFuture<>());
    }

    static Submission ofExpiries(List<TransferId> pendingIds) {
        return new Submission(List.of(), List.copyOf(pendingIds), new CompletableFuture<>());
    }

    int size() {
        return Math.max(1, transfers.size() + expiries.size());
    }
}
