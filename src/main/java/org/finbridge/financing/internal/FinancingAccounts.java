package org.finbridge.financing.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.financing.LoanId;
import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The ledger accounts financing moves money through, ids derived from their names and opened on first use.
 *
 * <p>The platform holds money for merchants ({@code MERCHANT_AVAILABLE}, named as the payments and
 * settlement modules name it) and for lenders ({@code LENDER_FUNDING}); a loan is the lender's claim on
 * the merchant. Each loan has receivable accounts with a debit balance that never turns credit
 * (CREDITS_MUST_NOT_EXCEED_DEBITS, so nothing can be overpaid): {@code LOAN_PRINCIPAL},
 * {@code LOAN_INTEREST}, {@code LOAN_FEES}, {@code LOAN_PENALTY}. Each is the mirror of a lender account
 * with a credit balance: {@code LENDER_LOANS} (principal lent and not yet repaid), {@code LENDER_INTEREST_INCOME}
 * (interest and penalty earned and not yet collected), {@code LENDER_FEE_INCOME} (fees charged and not yet
 * collected). So a disbursement credits the merchant from the loan's principal and moves the lender's
 * funding into its loans; a repayment moves the merchant's money into the receivables, and the lender's
 * income and loans back into its funding, less the platform's servicing fee ({@code LOAN_SERVICING_FEES}).
 */
@Component
class FinancingAccounts {

    static final String MERCHANT_AVAILABLE = "MERCHANT_AVAILABLE";
    static final String SWEEP_CLEARING = "LOAN_SWEEP_CLEARING";

    enum LoanAccount { LOAN_PRINCIPAL, LOAN_INTEREST, LOAN_FEES, LOAN_PENALTY }

    enum LenderAccount { LENDER_FUNDING, LENDER_LOANS, LENDER_INTEREST_INCOME, LENDER_FEE_INCOME }

    private final Ledger ledger;
    private final Set<AccountId> opened = ConcurrentHashMap.newKeySet();

    FinancingAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    AccountId merchantAvailable(PartyId merchant, String currency) {
        return open("party:" + merchant + ":" + MERCHANT_AVAILABLE + ":" + currency, currency, MERCHANT_AVAILABLE,
                merchant.toString(), AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /**
     * The merchant's settlement-pending balance: sales captured and not yet settled (credited by payments,
     * moved out by settlement's releases and reduced by refunds and chargebacks). Read, never opened here:
     * payments owns it, and a merchant without one has nothing pending. Negative (refunds ahead of captures)
     * counts as nothing.
     */
    long merchantPending(PartyId merchant, String currency) {
        AccountId id = merchantPendingId(merchant, currency);
        return Math.max(0, ledger.account(id).map(a -> a.postedCreditBalance().minorUnits()).orElse(0L));
    }

    static AccountId merchantPendingId(PartyId merchant, String currency) {
        return AccountId.derived("party:" + merchant + ":MERCHANT_PENDING:" + currency);
    }

    AccountId loan(LoanId loan, LoanAccount type, String currency) {
        return open("loan:" + loan + ":" + type + ":" + currency, currency, type.name(), loan.toString(),
                AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
    }

    AccountId lender(PartyId lender, LenderAccount type, String currency) {
        return open("party:" + lender + ":" + type + ":" + currency, currency, type.name(), lender.toString(),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /**
     * The seller's security deposit for a loan (保证金): money the platform holds for the seller (a credit
     * balance, like its available balance) pledged to the loan; it goes back to the seller's available balance
     * or into the loan's receivables, never anywhere else.
     */
    AccountId deposit(LoanId loan, String currency) {
        return open("loan:" + loan + ":LOAN_DEPOSIT:" + currency, currency, "LOAN_DEPOSIT", loan.toString(),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /**
     * A guarantor's money held by the platform, from which it pays claims and into which fees and recoveries
     * come (a credit balance).
     */
    AccountId guarantorFunds(PartyId guarantor, String currency) {
        return open("party:" + guarantor + ":GUARANTOR_FUNDS:" + currency, currency, "GUARANTOR_FUNDS", guarantor.toString(),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /** The guarantor's claims on sellers for what it paid (a credit balance, the mirror of {@link #subrogated}). */
    AccountId guarantorRecoverable(PartyId guarantor, String currency) {
        return open("party:" + guarantor + ":GUARANTOR_RECOVERABLE:" + currency, currency, "GUARANTOR_RECOVERABLE",
                guarantor.toString(), AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /** What the seller owes the guarantor of its loan for the claim paid (a receivable: debit balance). */
    AccountId subrogated(LoanId loan, String currency) {
        return open("loan:" + loan + ":LOAN_SUBROGATED:" + currency, currency, "LOAN_SUBROGATED", loan.toString(),
                AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
    }

    void openForGuarantor(LoanId loan, PartyId guarantor, String currency) {
        guarantorFunds(guarantor, currency);
        guarantorRecoverable(guarantor, currency);
        subrogated(loan, currency);
    }

    /**
     * What settlement's run took from the seller's releases for a loan ({@link NettedSweeps}), held until financing
     * applies it to the loan (a credit balance, like the seller's available balance: the seller's money, already out
     * of its reach, on its way into the loan's receivables). It only ever goes into the loan or, for what the loan no
     * longer owes, back to the seller's available balance.
     */
    AccountId sweepClearing(LoanId loan, String currency) {
        return open("loan:" + loan + ":" + SWEEP_CLEARING + ":" + currency, currency, SWEEP_CLEARING, loan.toString(),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /** The id of {@link #sweepClearing}, without opening it. */
    static AccountId sweepClearingId(LoanId loan, String currency) {
        return AccountId.derived("loan:" + loan + ":" + SWEEP_CLEARING + ":" + currency);
    }

    /**
     * Opens the sweep clearing account inside the caller's transaction (settlement's planning), bypassing the cache
     * of opened accounts: if that transaction rolls back, the account is gone again and must be opened anew.
     */
    AccountId sweepClearingInTransaction(LoanId loan, String currency) {
        AccountId id = sweepClearingId(loan, currency);
        if (opened.contains(id) || ledger.account(id).isPresent()) {
            return id;
        }
        AccountResult r = ledger.createAccount(new NewAccount(id, CurrencyCode.of(currency), SWEEP_CLEARING, loan.toString(),
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        if (r != AccountResult.OK && r != AccountResult.EXISTS) {
            throw new IllegalStateException("ledger account " + id + " exists with other fields: " + r);
        }
        return id;
    }

    /** A loan's loss allowance: the provision held against it (a credit balance, the contra of its receivables). */
    AccountId lossAllowance(LoanId loan, String currency) {
        return open("loan:" + loan + ":LOAN_LOSS_ALLOWANCE:" + currency, currency, "LOAN_LOSS_ALLOWANCE", loan.toString(),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /** The lender's provision expense (a debit balance): what its allowances cost it, net of releases. */
    AccountId provisionExpense(PartyId lender, String currency) {
        return open("party:" + lender + ":LENDER_PROVISION_EXPENSE:" + currency, currency, "LENDER_PROVISION_EXPENSE",
                lender.toString());
    }

    /** The platform's servicing fee income. */
    AccountId servicingFees(String currency) {
        return open("platform:LOAN_SERVICING_FEES:" + currency, currency, "LOAN_SERVICING_FEES", "platform");
    }

    /** The platform's bank account receiving lenders' funding (an asset: debit balance). */
    AccountId lenderFundingBank(String currency) {
        return open("platform:BANK_LENDER_FUNDING:" + currency, currency, "BANK_LENDER_FUNDING", "platform");
    }

    /**
     * Opens every account a loan's movements touch. Called before the loan's transaction: an account opened
     * inside it would not be visible to the ledger's own commit until that transaction ends.
     */
    void openFor(LoanId loan, PartyId merchant, PartyId lender, String currency) {
        merchantAvailable(merchant, currency);
        for (LoanAccount a : LoanAccount.values()) {
            loan(loan, a, currency);
        }
        for (LenderAccount a : LenderAccount.values()) {
            lender(lender, a, currency);
        }
        servicingFees(currency);
        lossAllowance(loan, currency);
        provisionExpense(lender, currency);
        deposit(loan, currency);
        sweepClearing(loan, currency);
    }

    long creditBalance(AccountId id) {
        return ledger.account(id).map(a -> a.postedCreditBalance().minorUnits()).orElse(0L);
    }

    long debitsPosted(AccountId id) {
        return ledger.account(id).map(a -> a.debitsPosted()).orElse(0L);
    }

    long debitBalance(AccountId id) {
        return ledger.account(id).map(a -> a.postedDebitBalance().minorUnits()).orElse(0L);
    }

    private AccountId open(String name, String currency, String type, String owner, AccountFlag... flags) {
        AccountId id = AccountId.derived(name);
        if (opened.contains(id)) {
            return id;
        }
        AccountResult r;
        try {
            r = ledger.createAccount(new NewAccount(id, CurrencyCode.of(currency), type, owner,
                    flags.length == 0 ? Set.of() : Set.of(flags)));
        } catch (DataAccessException raced) {
            r = ledger.account(id).map(a -> AccountResult.EXISTS).orElseThrow(() -> raced);
        }
        if (r != AccountResult.OK && r != AccountResult.EXISTS) {
            throw new IllegalStateException("ledger account " + name + " exists with other fields: " + r);
        }
        opened.add(id);
        return id;
    }
}
