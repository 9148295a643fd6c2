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
 * settlement module: the sweep reads each new release from the ledger's history of the account. Since financing
 * takes its sweeps inside settlement's runs ({@link NettedSweeps}), a release is already net of them, and what was
 * taken is read from the loan's sweep clearing account ({@code SETTLEMENT_SWEEP}).
 */
@Component
class SettledSales {

    static final Set<String> RELEASES = Set.of("SETTLEMENT_RELEASE", "SETTLEMENT_RESERVE_RELEASE");
    static final String RECOVERY = "SETTLEMENT_RECOVERY";
    /** A lender's take netted in the settlement run: straight from the seller's pending balance to the lender. */
    static final String SWEEP = "SETTLEMENT_SWEEP";
    /** The releases financing still sweeps after settlement: the reserve given back, which the run's netting does not see. */
    static final String RESERVE_RELEASE = "SETTLEMENT_RESERVE_RELEASE";

    private final Ledger ledger;

    SettledSales(Ledger ledger) {
        this.ledger = ledger;
    }

    /** One settlement movement on the account: positive a release, negative a recovery; with its ledger code. */
    record Movement(String transferId, long amount, Instant at, String code) {
    }

    record Batch(List<Movement> movements, String cursor) {
    }

    /** Settlement movements after the cursor (null = from the start), up to {@code limit} transfers read. */
    Batch after(AccountId account, String cursor, int limit) {
        return read(account, cursor, limit, t -> {
            if (RELEASES.contains(t.code()) && account.equals(t.creditAccountId())) {
                return t.amount();
            }
            return RECOVERY.equals(t.code()) && account.equals(t.debitAccountId()) ? -t.amount() : 0;
        });
    }

    /**
     * What settlement runs took for a loan from the seller's releases ({@code SETTLEMENT_SWEEP}, see
     * {@link NettedSweeps}) into the loan's sweep clearing account, after the cursor.
     */
    Batch sweptInto(AccountId clearing, String cursor, int limit) {
        return read(clearing, cursor, limit, t -> SWEEP.equals(t.code()) && clearing.equals(t.creditAccountId()) ? t.amount() : 0);
    }

    private Batch read(AccountId account, String cursor, int limit, java.util.function.ToLongFunction<PostedTransfer> amount) {
        List<Movement> out = new ArrayList<>();
        String next = cursor;
        int read = 0;
        while (read < limit) {
            Page<PostedTransfer> page = ledger.transfers(account, next, Math.min(500, limit - read));
            for (PostedTransfer t : page.items()) {
                if (!"POSTED".equals(t.kind())) {
                    continue;
                }
                long a = amount.applyAsLong(t);
                if (a != 0) {
                    out.add(new Movement(t.id().toString(), a, t.createdAt(), t.code()));
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

    /**
     * Average monthly net settled sales over the 90 days before {@code now}; empty when there were none. What lenders
     * took from the releases in the settlement runs ({@code SETTLEMENT_SWEEP} out of {@code pending}) was settled
     * sales too: the release into available is only the net of them.
     */
    Optional<Long> monthlyAverage(AccountId account, AccountId pending, Instant now) {
        if (ledger.account(account).isEmpty()) {
            return Optional.empty();
        }
        Instant from = now.minus(java.time.Duration.ofDays(90));
        long net = 0;
        boolean any = false;
        List<Movement> movements = new ArrayList<>(after(account, null, 100_000).movements());
        if (ledger.account(pending).isPresent()) {
            movements.addAll(read(pending, null, 100_000,
                    t -> SWEEP.equals(t.code()) && pending.equals(t.debitAccountId()) ? t.amount() : 0).movements());
        }
        for (Movement m : movements) {
            if (!m.at().isBefore(from) && !m.at().isAfter(now)) {
                net += m.amount();
                any = any || m.amount() > 0;
            }
        }
        return any ? Optional.of(Math.max(0, net) / 3) : Optional.empty();
    }
}
