package org.finbridge.financing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.Page;
import org.finbridge.ledger.PostedTransfer;
import org.springframework.stereotype.Component;

/**
 * A merchant's settled sales, read from the ledger: the settlement module releases captured money into the
 * merchant's available balance with transfers coded {@code SETTLEMENT_RELEASE} and
 * {@code SETTLEMENT_RESERVE_RELEASE}, and takes back refunds and chargebacks (dilution) with
 * {@code SETTLEMENT_RECOVERY}. That contract is all financing relies on, so it needs no dependency on the
 * settlement module: the sweep reads each new release from the ledger's history of the account.
 */
@Component
class SettledSales {

    static final Set<String> RELEASES = Set.of("SETTLEMENT_RELEASE", "SETTLEMENT_RESERVE_RELEASE");
    static final String RECOVERY = "SETTLEMENT_RECOVERY";

    private final Ledger ledger;

    SettledSales(Ledger ledger) {
        this.ledger = ledger;
    }

    /** One settlement movement on the account: positive a release, negative a recovery. */
    record Movement(String transferId, long amount, Instant at) {
    }

    record Batch(List<Movement> movements, String cursor) {
    }

    /** Settlement movements after the cursor (null = from the start), up to {@code limit} transfers read. */
    Batch after(AccountId account, String cursor, int limit) {
        List<Movement> out = new ArrayList<>();
        String next = cursor;
        int read = 0;
        while (read < limit) {
            Page<PostedTransfer> page = ledger.transfers(account, next, Math.min(500, limit - read));
            for (PostedTransfer t : page.items()) {
                if (!"POSTED".equals(t.kind())) {
                    continue;
                }
                if (RELEASES.contains(t.code()) && account.equals(t.creditAccountId())) {
                    out.add(new Movement(t.id().toString(), t.amount(), t.createdAt()));
                } else if (RECOVERY.equals(t.code()) && account.equals(t.debitAccountId())) {
                    out.add(new Movement(t.id().toString(), -t.amount(), t.createdAt()));
                }
            }
            read += page.items().size();
            if (!page.items().isEmpty()) {
                next = Long.toString(page.items().getLast().seq(), 36);
            }
            if (page.nextCursor() == null) {
                break;
            }
        }
        return new Batch(out, next);
    }

    /** Average monthly net settled sales over the 90 days before {@code now}; empty when there were none. */
    Optional<Long> monthlyAverage(AccountId account, Instant now) {
        if (ledger.account(account).isEmpty()) {
            return Optional.empty();
        }
        Instant from = now.minus(java.time.Duration.ofDays(90));
        long net = 0;
        boolean any = false;
        for (Movement m : after(account, null, 100_000).movements()) {
            if (!m.at().isBefore(from) && !m.at().isAfter(now)) {
                net += m.amount();
                any = any || m.amount() > 0;
            }
        }
        return any ? Optional.of(Math.max(0, net) / 3) : Optional.empty();
    }
}
