package org.finbridge.financing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.finbridge.audit.AuditLog;
import org.finbridge.financing.LoanEvents;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Product;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.party.PartyId;
import org.finbridge.settlement.PayoutReversed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An import credit's payout to the supplier that the bank rejected (before paying) or that came back after it
 * settled (issue 8). Settlement gives the money back to the seller's available balance ({@link PayoutReversed}); left
 * there, the seller would hold, free to spend or pay out, cash lent to it for one purpose only: paying that supplier's
 * invoice (the lender paid the supplier directly, 受托支付: the borrower never has free use of the proceeds).
 *
 * <p>What a lender does: the purpose failed, so the drawing is unwound. The advance goes back to the lender's funding
 * at once (the disbursement's legs mirrored), and the seller is charged nothing for a credit that never paid for its
 * goods: the upfront and fixed fees and the guarantee fee are given back and the interest and penalty recognised since
 * the advance are reversed (only what was actually lent and used may be charged: SPC private lending provisions Art.26
 * and Art.30, and "charge nothing undisclosed", REGULATIONS.md §6.3). The loan is CANCELLED and a held security deposit
 * released. Keeping the loan with the funds held for the seller was the alternative: it would accrue interest on money
 * neither party can use, and a new payout needs a new, verified supplier account, which is what a new application
 * checks (as the acceptance path already does when the payout is refused outright).
 *
 * <p>A loan the seller has already repaid part of (or that defaulted, or whose guarantee was claimed) cannot be unwound
 * leg by leg: it is recalled instead. The returned money repays what it owes, from the seller's available balance,
 * allocated as any repayment (penalty → interest → fees → principal), and the loan closes if that covers it.
 *
 * <p>Runs in settlement's transaction that records the payout's new state (once per payout), so the loan's change and the
 * payout's commit together; its ledger legs have ids derived from the loan, so a retried report moves nothing twice.
 */
@Component
class SupplierPayoutReturns {

    private static final Logger log = LoggerFactory.getLogger(SupplierPayoutReturns.class);

    private final LoanStore store;
    private final LoanLedger ledger;
    private final FinancingAccounts accounts;
    private final Servicing servicing;
    private final LoanViews views;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupplierPayoutReturns(LoanStore store, LoanLedger ledger, FinancingAccounts accounts, Servicing servicing, LoanViews views,
                          AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.servicing = servicing;
        this.views = views;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(PayoutReversed reversed) {
        Optional<LoanId> id = store.bySupplierPayout(reversed.payout().value());
        if (id.isEmpty()) {
            return;
        }
        LoanRow l = store.lock(id.get()).orElseThrow();
        if (l.product() != Product.IMPORT_CREDIT) {
            return;
        }
        LocalDate on = views.today();
        store.supplierReturned(l.id(), reversed.state().name(), reversed.reason(), on);
        String why = "SUPPLIER_PAYMENT=" + reversed.state() + (reversed.reason() == null ? "" : ": " + reversed.reason());
        if (!l.state().isServiced()) {
            log.warn("supplier payout {} of {} came back ({}), the loan is {} already", reversed.payout(), l.id(),
                    reversed.state(), l.state());
            return;
        }
        boolean untouched = l.state() == LoanState.ACTIVE && store.repayments(l.id()).isEmpty()
                && store.guarantee(l.id()).map(g -> g.claimed() == 0).orElse(true);
        if (untouched) {
            unwind(l, why, on);
        } else {
            recall(l, reversed, why, on);
        }
    }

    private void unwind(LoanRow l, String why, LocalDate on) {
        long interest = accounts.debitBalance(accounts.loan(l.id(), FinancingAccounts.LoanAccount.LOAN_INTEREST, l.currency()));
        long penalty = accounts.debitBalance(accounts.loan(l.id(), FinancingAccounts.LoanAccount.LOAN_PENALTY, l.currency()));
        require(ledger.reverseAccruals(l.id(), l.lenderId(), l.currency(), interest, penalty), l.id(), "accrual reversal");
        Optional<LoanStore.GuaranteeRow> guarantee = store.guarantee(l.id());
        PartyId guarantor = guarantee.map(LoanStore.GuaranteeRow::guarantor).orElse(null);
        long guaranteeFee = guarantee.map(LoanStore.GuaranteeRow::fee).orElse(0L);
        // the advance came back into the seller's available balance with the payout's reversal: it leaves it again here
        require(ledger.reverseDisbursement(l.id(), l.merchantId(), l.lenderId(), l.currency(), l.principal(), l.upfrontFee(),
                Contracts.basisPoints(l.upfrontFee(), l.servicingFeeBps()), l.fixedFee(), guarantor, guaranteeFee), l.id(),
                "disbursement reversal");
        Optional<LoanStore.DepositRow> deposit = store.deposit(l.id()).filter(x -> "HELD".equals(x.state()));
        if (deposit.isPresent()) {
            require(ledger.releaseDeposit(l.id(), l.merchantId(), l.currency(), deposit.get().held()), l.id(), "deposit release");
            store.depositSettled(l.id(), 0, deposit.get().held(), "RELEASED", on);
        }
        store.cancelled(l.id(), l.decision() + "; " + why, on, clock.instant());
        audit.record(null, "financing.loan.supplier.returned", "loan", l.id().toString(), "{\"state\":\"" + l.state() + "\"}",
                "{\"state\":\"CANCELLED\",\"principal\":" + l.principal() + ",\"interestReversed\":" + interest
                        + ",\"penaltyReversed\":" + penalty + "}");
        events.publishEvent(new LoanEvents.Cancelled(l.id(), l.merchantId(), l.lenderId(), on, why));
    }

    private void recall(LoanRow l, PayoutReversed reversed, String why, LocalDate on) {
        servicing.accrueTo(l, on);
        LoanRow current = store.find(l.id()).orElseThrow();
        long owed = servicing.owed(current).total() + servicing.owedToGuarantor(current);
        long available = accounts.creditBalance(accounts.merchantAvailable(l.merchantId(), l.currency()));
        long amount = Math.min(owed, Math.min(available, reversed.amount()));
        if (amount > 0) {
            LoanResult r = servicing.collect(current, amount, "RETURN", "supplier-returned:" + reversed.payout(), on,
                    () -> views.view(store.find(l.id()).orElseThrow()));
            if (!(r instanceof LoanResult.Done) && !(r instanceof LoanResult.Existing)) {
                throw new IllegalStateException("the returned supplier payout could not repay " + l.id() + ": " + r);
            }
            store.find(l.id()).filter(x -> x.state().isServiced()).ifPresent(x -> servicing.assess(x, on));
        }
        audit.record(null, "financing.loan.supplier.returned", "loan", l.id().toString(), "{\"state\":\"" + l.state() + "\"}",
                "{\"state\":\"" + store.find(l.id()).orElseThrow().state() + "\",\"recalled\":" + amount + ",\"reason\":\""
                        + why.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    private static void require(LoanLedger.Outcome outcome, LoanId loan, String what) {
        if (outcome instanceof LoanLedger.Refused r) {
            // the payout's new state is not recorded either (same transaction): the report is applied again later
            throw new IllegalStateException("the ledger refused the " + what + " of " + loan + ": " + r);
        }
    }
}
