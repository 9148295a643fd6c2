package org.finbridge.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.TransferId;

/** What a processed batch writes: new transfers, resolved holds, balance history rows. */
final class BatchOutcome {

    record ResolutionRow(TransferId pendingId, StoredTransfer.Resolution resolution, TransferId transferId, Instant at) {
    }

    record HistoryRow(AccountId accountId, TransferId transferId, long debitsPosted, long creditsPosted,
                      long debitsPending, long creditsPending, Instant at) {
    }

    final List<StoredTransfer> transfers = new ArrayList<>();
    final List<ResolutionRow> resolutions = new ArrayList<>();
    final List<HistoryRow> history = new ArrayList<>();

    boolean isEmpty() {
        return transfers.isEmpty() && resolutions.isEmpty();
    }
}
