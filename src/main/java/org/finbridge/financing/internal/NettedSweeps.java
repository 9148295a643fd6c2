package org.finbridge.financing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.finbridge.audit.AuditLog;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.Product;
import org.finbridge.financing.Sweep;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.ledger.AccountId;
import org.finbridge.party.PartyId;
import org.finbridge.settlement.SettlementSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loans' sweep from settlements, netted in settlement's run (issue 5 §2; the PayMongo sweep formula of
 * REGULATIONS.md §6.1, {@code repayment = min(settled × rate, outstanding)}, per loan in priority order, {@link Sweep#plan}).
 *
 * <p><b>Planning</b> ({@link #takes}): while a run is planned, each loan of the seller that takes a share of its
 * settlements names its take of what the run releases. Settlement moves each take, linked with the release, from the
 * seller's pending balance into the loan's sweep clearing account ({@link FinancingAccounts#sweepClearing}); only the
 * net reaches the seller's available balance. The takes are written with the run's plan, so a resumed run or a second
 * node moves exactly the planned amounts once, whatever this class would answer later.
 *
 * <p><b>Application</b> ({@link #apply}): every {@code SETTLEMENT_SWEEP} transfer into a loan's clearing account is
 * then applied to the loan as one repayment whose reference is that transfer's id ({@code settlement:<transfer>}):
 * the repayment is unique per loan and reference and its ledger legs derive from it, so a transfer is applied exactly
 * once however often, and on however many nodes, servicing runs. The clearing account's balance is what was taken
 * and not yet applied, and is counted against what the loan may still take, so that a run planned before the last
 * take was applied does not take it twice. What a loan no longer owes when its take is applied (repaid otherwise in
 * between) goes back to the seller's available balance.
 *
 * <p>Financing no longer sweeps {@code SETTLEMENT_RELEASE} from the available balance afterwards (the release is net
 * of its takes already); it still sweeps the reserve given back ({@code SETTLEMENT_RESERVE_RELEASE}), which the
 * run's netting does not offer.
 */
@Component
class NettedSweeps implements SettlementSweeps {

    private static final Logger log = LoggerFactory.getLogger(NettedSweeps.class);

    /** How long after it ended a loan is still looked at for takes planned before it ended. */
    static final int ENDED_LOOKBACK_DAYS = 7;

    /**
     * The order loans take a settlement in: receivables advances first, since what settles is the very receivables
     * they were advanced against; then most days past due, then the oldest.
     */
    static final Comparator<LoanRow> PRIORITY = Comparator.comparing((LoanRow l) -> l.product() != Product.RECEIVABLES_ADVANCE)
            .thenComparing(Comparator.comparingInt(LoanRow::daysPastDue).reversed())
            .thenComparing(LoanRow::disbursedOn).thenComparing(LoanRow::createdAt);

    private final LoanStore store;
    private final Servicing servicing;
    private final FinancingAccounts accounts;
    private final LoanLedger ledger;
    private final SettledSales sales;
    private final LoanViews views;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    NettedSweeps(LoanStore store, Servicing servicing, FinancingAccounts accounts, LoanLedger ledger, SettledSales sales,
                 LoanViews views, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.servicing = servicing;
        this.accounts = accounts;
        this.ledger = ledger;
        this.sales = sales;
        this.views = views;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Called inside settlement's planning transaction: it reads, and writes nothing but the clearing account of a
     * loan disbursed before it had one (opened in that transaction, so it goes if the plan does).
     */
    @Override
    public List<Take> takes(PartyId merchant, String currency, long releasable, LocalDate businessDate) {
        List<LoanRow> loans = store.sweeping(merchant, currency).stream().filter(l -> l.disbursedOn() != null)
                .sorted(PRIORITY).toList();
        if (loans.isEmpty()) {
            return List.of();
        }
        List<Sweep.Claim> claims = new ArrayList<>();
        for (LoanRow l : loans) {
            // what an earlier run took and financing has not applied yet is as good as paid
            long unapplied = accounts.creditBalance(FinancingAccounts.sweepClearingId(l.id(), currency));
            claims.add(new Sweep.Claim(l.id(), Math.max(0, servicing.sweepable(l, businessDate) - unapplied), l.holdbackBps()));
        }
        // the take comes out of pending before it reaches available: all of the release can be taken from
        List<Take> takes = new ArrayList<>();
        for (Sweep.Take t : Sweep.plan(releasable, releasable, claims)) {
            takes.add(new Take(accounts.sweepClearingInTransaction(t.loan(), currency), t.amount(), t.loan().toString()));
        }
        return takes;
    }

    /** What applying the takes did: repayments made and their total. */
    record Applied(int repayments, long amount) {
    }

    /** Applies every take settlement moved into a loan's clearing account and not yet applied (idempotent). */
    Applied apply(LocalDate date) {
        int repayments = 0;
        long amount = 0;
        for (LoanRow l : store.sweptToApply(date.minusDays(ENDED_LOOKBACK_DAYS))) {
            try {
                Applied a = apply(l, date);
                repayments += a.repayments();
                amount += a.amount();
            } catch (RuntimeException e) {
                // one loan's trouble must not stop the others'; its takes wait in its clearing account for the next run
                log.warn("settlement sweeps of {} on {} deferred: {}", l.id(), date, e.getMessage());
            }
        }
        return new Applied(repayments, amount);
    }

    private Applied apply(LoanRow loan, LocalDate date) {
        AccountId clearing = FinancingAccounts.sweepClearingId(loan.id(), loan.currency());
        if (accounts.creditBalance(clearing) <= 0) {
            return new Applied(0, 0);
        }
        views.prepare(loan.id());
        String cursor = store.sweepCursor(clearing.value()).orElse(null);
        SettledSales.Batch batch = sales.sweptInto(clearing, cursor, 10_000);
        int repayments = 0;
        long amount = 0;
        for (SettledSales.Movement m : batch.movements()) {
            long paid = tx.execute(s -> applyOne(loan.id(), clearing, m, date));
            if (paid > 0) {
                repayments++;
                amount += paid;
            }
        }
        if (batch.cursor() != null) {
            tx.executeWithoutResult(s -> store.sweepCursor(clearing.value(), batch.cursor(), clock.instant()));
        }
        return new Applied(repayments, amount);
    }

    /** One take, in the loan's locked transaction: the repayment, and what the loan no longer owes back to the seller. */
    private long applyOne(LoanId id, AccountId clearing, SettledSales.Movement take, LocalDate date) {
        LoanRow l = store.lock(id).orElseThrow();
        String reference = "settlement:" + take.transferId();
        if (store.repayment(id, reference).isPresent()) {
            return 0;
        }
        LoanRow current = l;
        long paid = 0;
        if (l.state().isServiced()) {
            servicing.accrueTo(l, date);
            current = store.find(id).orElseThrow();
            paid = Math.min(take.amount(), servicing.owed(current).total() + servicing.owedToGuarantor(current));
        }
        long rest = take.amount() - paid;
        if (rest > 0) {
            // taken while the loan still owed it, and repaid otherwise before it was applied: the seller's money, back to
            // it. Given back before the repayment is recorded, so that a retry after a crash finds it (its id derives
            // from the take) and the repayment's record still marks the take applied.
            if (ledger.returnSweep(id, clearing, l.merchantId(), l.currency(), rest, take.transferId())
                    instanceof LoanLedger.Refused refused) {
                throw new IllegalStateException("the ledger refused to give back the settlement sweep of " + id + ": " + refused);
            }
            audit.record(null, "financing.loan.sweep.returned", "loan", id.toString(), null,
                    "{\"transfer\":\"" + take.transferId() + "\",\"taken\":" + take.amount() + ",\"returned\":" + rest + "}");
        }
        if (paid > 0) {
            java.util.function.Supplier<Loan> view = () -> views.view(store.find(id).orElseThrow());
            LoanResult r = servicing.collect(current, paid, "SWEEP", reference, date, view, clearing);
            if (!(r instanceof LoanResult.Done) && !(r instanceof LoanResult.Existing)) {
                throw new IllegalStateException("the settlement sweep " + take.transferId() + " could not repay " + id + ": " + r);
            }
            store.find(id).filter(x -> x.state().isServiced()).ifPresent(x -> servicing.assess(x, date));
        }
        return paid;
    }
}
