package org.finbridge.financing.internal;

import java.util.EnumMap;
import java.util.Map;
import org.finbridge.financing.LoanClass;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loan-loss provisions in the ledger: each day the servicing run brings every loan's loss allowance to its
 * class's provision rate of the principal it still owes (REGULATIONS.md §6.4: "nightly DPD job → five-tier
 * class → provisioning"), so that the lender's books carry the expected loss as the loan ages through the
 * days-past-due buckets, and release it as the loan is repaid or cured.
 *
 * <p>The rates are a policy of the platform, configurable per class with
 * {@code finbridge.financing.provision-basis-points} (default the customary 1 / 2 / 25 / 50 / 100 % of
 * {@link LoanClass}); they must not fall as the class worsens. The allowance is the loan's
 * {@code LOAN_LOSS_ALLOWANCE} account (a credit balance, the contra of the receivable) against the lender's
 * {@code LENDER_PROVISION_EXPENSE}; the amount booked is read back from the ledger, so a run retried after a
 * crash books only the difference.
 */
@Component
class Provisioning {

    private final Map<LoanClass, Integer> rates;
    private final LoanLedger ledger;
    private final FinancingAccounts accounts;
    private final Servicing servicing;
    private final LoanStore store;

    Provisioning(LoanLedger ledger, FinancingAccounts accounts, Servicing servicing, LoanStore store,
                 @Value("${finbridge.financing.provision-basis-points:}") String rates) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.servicing = servicing;
        this.store = store;
        this.rates = rates(rates);
    }

    /**
     * Parses {@code NORMAL:100,SPECIAL_MENTION:200,...}; a class not named keeps its default rate. Refuses rates
     * outside 0 to 10,000 basis points, unknown classes, and rates that fall as the class worsens.
     */
    static Map<LoanClass, Integer> rates(String text) {
        Map<LoanClass, Integer> r = new EnumMap<>(LoanClass.class);
        for (LoanClass c : LoanClass.values()) {
            r.put(c, c.provisionBasisPoints());
        }
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.trim().split(":");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("finbridge.financing.provision-basis-points: CLASS:basisPoints, not " + pair);
                }
                int bps = Integer.parseInt(kv[1].trim());
                if (bps < 0 || bps > 10_000) {
                    throw new IllegalArgumentException("finbridge.financing.provision-basis-points: 0 to 10,000, not " + pair);
                }
                r.put(LoanClass.valueOf(kv[0].trim()), bps);
            }
        }
        int previous = 0;
        for (LoanClass c : LoanClass.values()) {
            if (r.get(c) < previous) {
                throw new IllegalArgumentException("finbridge.financing.provision-basis-points: " + c
                        + " provisions less than a better class");
            }
            previous = r.get(c);
        }
        return Map.copyOf(r);
    }

    /** The provision for principal outstanding in a class, rounded up to the minor unit (prudence). */
    long target(LoanClass cls, long principal) {
        return Math.ceilDiv(Math.multiplyExact(principal, (long) rates.get(cls)), 10_000L);
    }

    /**
     * Brings the loan's allowance to its target (zero once it is closed) and answers the change booked:
     * positive a provision charged, negative one released.
     */
    long provision(LoanRow loan, String date) {
        long target = loan.state().isServiced() ? target(loan.classification(), servicing.owed(loan).principal()) : 0;
        long booked = accounts.creditBalance(accounts.lossAllowance(loan.id(), loan.currency()));
        long change = target - booked;
        LoanLedger.Outcome o = ledger.provision(loan.id(), loan.lenderId(), loan.currency(), change, date + ":" + booked);
        if (o instanceof LoanLedger.Refused r) {
            throw new IllegalStateException("the ledger refused the provision of " + loan.id() + ": " + r);
        }
        store.lossAllowance(loan.id(), target);
        return change;
    }
}
