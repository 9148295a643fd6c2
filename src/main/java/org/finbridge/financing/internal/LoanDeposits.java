package org.finbridge.financing.internal;

import java.time.Clock;
import java.util.Optional;
import org.finbridge.audit.AuditLog;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.party.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Security deposits (保证金): the seller lodges cash for its approved or active loan, held in the loan's deposit account
 * until the loan closes (released) or defaults (applied by servicing); it may take it back before disbursement.
 */
@Service
class LoanDeposits {

    private final LoanStore store;
    private final LoanLedger ledger;
    private final FinancingAccounts accounts;
    private final LoanViews views;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    LoanDeposits(LoanStore store, LoanLedger ledger, FinancingAccounts accounts, LoanViews views, AuditLog audit,
                 PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.views = views;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    LoanResult lodgeDeposit(Actor actor, LoanId id, long amount, String reference) {
        if (store.find(id).filter(l -> actor.mayAccess(l.merchantId())).isEmpty()) {
            return new LoanResult.NotFound("loan");
        }
        if (reference == null || reference.isBlank() || reference.length() > 60) {
            return new LoanResult.Invalid("reference", "1 to 60 characters (the Idempotency-Key)");
        }
        if (amount <= 0) {
            return new LoanResult.Invalid("amount", "must be positive");
        }
        views.prepare(id);
        return tx.execute(s -> {
            LoanRow l = store.lock(id).orElseThrow();
            Optional<LoanStore.DepositRow> held = store.deposit(id);
            if (held.isPresent()) {
                return held.get().reference().equals(reference) ? new LoanResult.Existing(views.view(l))
                        : new LoanResult.DepositHeld(LoanViews.deposit(held.get()));
            }
            if (l.state() != LoanState.APPROVED && l.state() != LoanState.ACTIVE) {
                return new LoanResult.IllegalState(l.state(), "take a security deposit");
            }
            LoanLedger.Outcome o = ledger.lodgeDeposit(id, l.merchantId(), l.currency(), amount);
            if (o instanceof LoanLedger.Refused r) {
                if (r.result() == org.finbridge.ledger.TransferResult.EXCEEDS_CREDITS) {
                    return new LoanResult.InsufficientFunds(accounts.creditBalance(accounts.merchantAvailable(l.merchantId(),
                            l.currency())));
                }
                throw new IllegalStateException("the ledger refused the deposit of " + id + ": " + r);
            }
            store.insert(new LoanStore.DepositRow(id, reference, amount, 0, 0, "HELD", views.today(), null), clock.instant());
            audit.record(null, "financing.loan.deposit.lodged", "loan", id.toString(), null,
                    "{\"amount\":" + amount + ",\"currency\":\"" + l.currency() + "\"}");
            return new LoanResult.Done(views.view(store.find(id).orElseThrow()));
        });
    }

    LoanResult withdrawDeposit(Actor actor, LoanId id) {
        if (store.find(id).filter(l -> actor.mayAccess(l.merchantId())).isEmpty()) {
            return new LoanResult.NotFound("loan");
        }
        views.prepare(id);
        return tx.execute(s -> {
            LoanRow l = store.lock(id).orElseThrow();
            Optional<LoanStore.DepositRow> d = store.deposit(id).filter(x -> "HELD".equals(x.state()));
            if (d.isEmpty() || l.state() != LoanState.APPROVED) {
                // once the advance is out the deposit is the lender's security until the loan closes or defaults
                return new LoanResult.IllegalState(l.state(), d.isEmpty() ? "give back a deposit it does not hold"
                        : "give back its deposit after disbursement");
            }
            long held = d.get().held();
            LoanLedger.Outcome o = ledger.releaseDeposit(id, l.merchantId(), l.currency(), held);
            if (o instanceof LoanLedger.Refused r) {
                throw new IllegalStateException("the ledger refused the deposit's withdrawal for " + id + ": " + r);
            }
            store.depositSettled(id, 0, held, "RELEASED", views.today());
            audit.record(null, "financing.loan.deposit.withdrawn", "loan", id.toString(), "{\"held\":" + held + "}",
                    "{\"released\":" + held + "}");
            return new LoanResult.Done(views.view(store.find(id).orElseThrow()));
        });
    }
}
