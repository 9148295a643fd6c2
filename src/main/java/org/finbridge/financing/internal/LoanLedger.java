package org.finbridge.financing.internal;

import static org.finbridge.financing.internal.FinancingAccounts.LenderAccount.LENDER_FEE_INCOME;
import static org.finbridge.financing.internal.FinancingAccounts.LenderAccount.LENDER_FUNDING;
import static org.finbridge.financing.internal.FinancingAccounts.LenderAccount.LENDER_INTEREST_INCOME;
import static org.finbridge.financing.internal.FinancingAccounts.LenderAccount.LENDER_LOANS;
import static org.finbridge.financing.internal.FinancingAccounts.LoanAccount.LOAN_FEES;
import static org.finbridge.financing.internal.FinancingAccounts.LoanAccount.LOAN_INTEREST;
import static org.finbridge.financing.internal.FinancingAccounts.LoanAccount.LOAN_PENALTY;
import static org.finbridge.financing.internal.FinancingAccounts.LoanAccount.LOAN_PRINCIPAL;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.financing.LoanId;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.party.PartyId;
import org.springframework.stereotype.Component;

/**
 * Every money movement of a loan as one linked chain of ledger transfers (all or nothing), with ids
 * derived from the loan and the step, so that a step retried after a crash answers EXISTS. See
 * {@link FinancingAccounts} for the accounts and why each leg goes where it goes.
 */
@Component
class LoanLedger {

    /** The ledger's answer: OK (applied now or before), or the first refusal and the account it concerns. */
    sealed interface Outcome {
    }

    record Posted() implements Outcome {
    }

    record Refused(TransferResult result, String leg) implements Outcome {
    }

    private final Ledger ledger;
    private final FinancingAccounts accounts;

    LoanLedger(Ledger ledger, FinancingAccounts accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    /** A lender's money received in the platform's bank: it can now be lent. */
    Outcome fund(PartyId lender, String currency, long amount, String reference) {
        return submit(List.of(leg("fund:" + lender + ":" + reference, "fund", accounts.lenderFundingBank(currency),
                accounts.lender(lender, LENDER_FUNDING, currency), amount, currency, "LENDER_FUNDING")));
    }

    /** A guarantor's money received in the platform's bank: it can now pay claims. */
    Outcome fundGuarantor(PartyId guarantor, String currency, long amount, String reference) {
        return submit(List.of(leg("fund:" + guarantor + ":" + reference, "fund", accounts.lenderFundingBank(currency),
                accounts.guarantorFunds(guarantor, currency), amount, currency, "GUARANTOR_FUNDING")));
    }

    /**
     * The guarantor pays its claim: its funds pay the loan's principal receivable, the lender's loans go back to
     * its funding, and the seller now owes the guarantor what it paid (subrogation).
     */
    Outcome claim(LoanId loan, PartyId lender, PartyId guarantor, String currency, long amount) {
        String k = "loan:" + loan + ":guarantee:";
        return submit(List.of(
                leg(k, "claim", accounts.guarantorFunds(guarantor, currency), accounts.loan(loan, LOAN_PRINCIPAL, currency),
                        amount, currency, "GUARANTEE_CLAIM"),
                leg(k, "claim-to-lender", accounts.lender(lender, LENDER_LOANS, currency),
                        accounts.lender(lender, LENDER_FUNDING, currency), amount, currency, "LOAN_PROCEEDS_TO_LENDER"),
                leg(k, "subrogation", accounts.subrogated(loan, currency), accounts.guarantorRecoverable(guarantor, currency),
                        amount, currency, "GUARANTEE_SUBROGATION")));
    }

    /**
     * The advance: the merchant is credited the principal from the loan, the lender's funding moves into its
     * loans, the fixed fee (revenue-based financing) is charged, and the upfront fee is charged and paid out of
     * the advance at once (the lender receiving it less the platform's servicing share).
     */
    Outcome disburse(LoanId loan, PartyId merchant, PartyId lender, String currency, long principal, long upfrontFee,
                     long upfrontServicing, long fixedFee) {
        return disburse(loan, merchant, lender, currency, principal, upfrontFee, upfrontServicing, fixedFee, null, 0);
    }

    /** The advance with a guarantee: the seller pays the guarantor's fee out of the advance in the same chain. */
    Outcome disburse(LoanId loan, PartyId merchant, PartyId lender, String currency, long principal, long upfrontFee,
                     long upfrontServicing, long fixedFee, PartyId guarantor, long guaranteeFee) {
        return submit(disbursement("loan:" + loan + ":disburse:", loan, merchant, lender, currency, principal, upfrontFee,
                upfrontServicing, fixedFee, guarantor, guaranteeFee));
    }

    /**
     * Takes a disbursement back, leg by leg in reverse order (each leg's mirror, ids of their own): an import credit
     * whose supplier the payouts path would not pay is cancelled, and the seller must not keep the cash.
     */
    Outcome reverseDisbursement(LoanId loan, PartyId merchant, PartyId lender, String currency, long principal,
                                long upfrontFee, long upfrontServicing, long fixedFee, PartyId guarantor, long guaranteeFee) {
        List<Transfer> legs = disbursement("loan:" + loan + ":disburse:", loan, merchant, lender, currency, principal, upfrontFee,
                upfrontServicing, fixedFee, guarantor, guaranteeFee);
        List<Transfer> mirror = new ArrayList<>();
        String k = "loan:" + loan + ":disburse-reversed:";
        for (int i = legs.size() - 1; i >= 0; i--) {
            Transfer t = legs.get(i);
            mirror.add(leg(k, String.valueOf(i), t.creditAccountId(), t.debitAccountId(), t.amount(), currency,
                    "LOAN_DISBURSEMENT_REVERSAL"));
        }
        return submit(mirror);
    }

    private List<Transfer> disbursement(String k, LoanId loan, PartyId merchant, PartyId lender, String currency, long principal,
                                        long upfrontFee, long upfrontServicing, long fixedFee, PartyId guarantor,
                                        long guaranteeFee) {
        List<Transfer> legs = new ArrayList<>();
        legs.add(leg(k, "advance", accounts.loan(loan, LOAN_PRINCIPAL, currency), accounts.merchantAvailable(merchant, currency),
                principal, currency, "LOAN_DISBURSEMENT"));
        legs.add(leg(k, "funding", accounts.lender(lender, LENDER_FUNDING, currency), accounts.lender(lender, LENDER_LOANS, currency),
                principal, currency, "LOAN_FUNDING"));
        if (fixedFee > 0) {
            legs.add(leg(k, "fixed-fee", accounts.loan(loan, LOAN_FEES, currency), accounts.lender(lender, LENDER_FEE_INCOME, currency),
                    fixedFee, currency, "LOAN_FEE_CHARGED"));
        }
        if (upfrontFee > 0) {
            legs.add(leg(k, "upfront-fee", accounts.loan(loan, LOAN_FEES, currency),
                    accounts.lender(lender, LENDER_FEE_INCOME, currency), upfrontFee, currency, "LOAN_FEE_CHARGED"));
            legs.add(leg(k, "upfront-fee-paid", accounts.merchantAvailable(merchant, currency),
                    accounts.loan(loan, LOAN_FEES, currency), upfrontFee, currency, "LOAN_REPAYMENT_FEE"));
            legs.addAll(toLender(k + "upfront-fee-", lender, LENDER_FEE_INCOME, currency, upfrontFee, upfrontServicing));
        }
        if (guarantor != null && guaranteeFee > 0) {
            legs.add(leg(k, "guarantee-fee", accounts.merchantAvailable(merchant, currency),
                    accounts.guarantorFunds(guarantor, currency), guaranteeFee, currency, "GUARANTEE_FEE"));
        }
        return legs;
    }

    /**
     * Gives back to the seller's available balance what a settlement run took for the loan ({@code take}, the
     * SETTLEMENT_SWEEP transfer's id) that the loan no longer owed when it was applied (once per take).
     */
    Outcome returnSweep(LoanId loan, AccountId clearing, PartyId merchant, String currency, long amount, String take) {
        return submit(List.of(leg("loan:" + loan + ":sweep-returned:", take, clearing, accounts.merchantAvailable(merchant, currency),
                amount, currency, "LOAN_SWEEP_RETURNED")));
    }

    /**
     * Takes back interest and penalty recognised on a loan that is unwound (the lender did not earn them): the lender's
     * income back into the loan's receivables, once per loan.
     */
    Outcome reverseAccruals(LoanId loan, PartyId lender, String currency, long interest, long penalty) {
        String k = "loan:" + loan + ":accrual-reversed:";
        List<Transfer> legs = new ArrayList<>();
        addIfPositive(legs, leg(k, "interest", accounts.lender(lender, LENDER_INTEREST_INCOME, currency),
                accounts.loan(loan, LOAN_INTEREST, currency), interest, currency, "LOAN_ACCRUAL_REVERSAL"));
        addIfPositive(legs, leg(k, "penalty", accounts.lender(lender, LENDER_INTEREST_INCOME, currency),
                accounts.loan(loan, LOAN_PENALTY, currency), penalty, currency, "LOAN_ACCRUAL_REVERSAL"));
        return submit(legs);
    }

    /** Interest (or penalty interest) earned: the loan owes it, the lender has earned it. */
    Outcome accrue(LoanId loan, PartyId lender, String currency, boolean penalty, long amount, String step) {
        if (amount == 0) {
            return new Posted();
        }
        return submit(List.of(leg("loan:" + loan + ":accrue:", step, accounts.loan(loan, penalty ? LOAN_PENALTY : LOAN_INTEREST, currency),
                accounts.lender(lender, LENDER_INTEREST_INCOME, currency), amount, currency,
                penalty ? "LOAN_PENALTY_ACCRUAL" : "LOAN_INTEREST_ACCRUAL")));
    }

    /**
     * A change of the loan's loss allowance: a provision charged to the lender's provision expense (positive)
     * or released back from it (negative).
     */
    Outcome provision(LoanId loan, PartyId lender, String currency, long change, String step) {
        if (change == 0) {
            return new Posted();
        }
        AccountId expense = accounts.provisionExpense(lender, currency);
        AccountId allowance = accounts.lossAllowance(loan, currency);
        return submit(List.of(change > 0
                ? leg("loan:" + loan + ":provision:", step, expense, allowance, change, currency, "LOAN_PROVISION")
                : leg("loan:" + loan + ":provision:", step, allowance, expense, -change, currency, "LOAN_PROVISION_RELEASE")));
    }

    /** The seller's security deposit: from its available balance into the loan's deposit account. */
    Outcome lodgeDeposit(LoanId loan, PartyId merchant, String currency, long amount) {
        return submit(List.of(leg("loan:" + loan + ":deposit:", "lodge", accounts.merchantAvailable(merchant, currency),
                accounts.deposit(loan, currency), amount, currency, "LOAN_DEPOSIT_LODGED")));
    }

    /** What is left of the deposit goes back to the seller's available balance (once per loan). */
    Outcome releaseDeposit(LoanId loan, PartyId merchant, String currency, long amount) {
        if (amount == 0) {
            return new Posted();
        }
        return submit(List.of(leg("loan:" + loan + ":deposit:", "release", accounts.deposit(loan, currency),
                accounts.merchantAvailable(merchant, currency), amount, currency, "LOAN_DEPOSIT_RELEASED")));
    }

    /**
     * A repayment: the merchant's money into the receivables (penalty, interest, fees, principal), and the
     * lender's income and loans back into its funding, less the platform's servicing fee, taken from the
     * income first.
     */
    Outcome collect(LoanId loan, PartyId merchant, PartyId lender, String currency, String reference, Split split,
                    long servicingFee) {
        return collect(loan, accounts.merchantAvailable(merchant, currency), lender, currency, reference, split, servicingFee);
    }

    /** A repayment paid from {@code from}: the merchant's available balance, or its security deposit for the loan. */
    Outcome collect(LoanId loan, AccountId from, PartyId lender, String currency, String reference, Split split,
                    long servicingFee) {
        return collect(loan, from, lender, currency, reference, split, servicingFee, null, 0);
    }

    /**
     * A repayment that, past what the loan owes its lender, also pays back the guarantor's claim ({@code recovered}):
     * the seller's money into the subrogated receivable, the guarantor's claim back into its funds.
     */
    Outcome collect(LoanId loan, AccountId from, PartyId lender, String currency, String reference, Split split,
                    long servicingFee, PartyId guarantor, long recovered) {
        String k = "loan:" + loan + ":repay:" + reference + ":";
        List<Transfer> legs = new ArrayList<>();
        if (guarantor != null && recovered > 0) {
            legs.add(leg(k, "recovery", from, accounts.subrogated(loan, currency), recovered, currency, "GUARANTEE_RECOVERY"));
            legs.add(leg(k, "recovery-to-guarantor", accounts.guarantorRecoverable(guarantor, currency),
                    accounts.guarantorFunds(guarantor, currency), recovered, currency, "GUARANTEE_RECOVERY_TO_GUARANTOR"));
        }
        addIfPositive(legs, leg(k, "penalty", from, accounts.loan(loan, LOAN_PENALTY, currency), split.penalty(), currency,
                "LOAN_REPAYMENT_PENALTY"));
        addIfPositive(legs, leg(k, "interest", from, accounts.loan(loan, LOAN_INTEREST, currency), split.interest(), currency,
                "LOAN_REPAYMENT_INTEREST"));
        addIfPositive(legs, leg(k, "fee", from, accounts.loan(loan, LOAN_FEES, currency), split.fee(), currency,
                "LOAN_REPAYMENT_FEE"));
        addIfPositive(legs, leg(k, "principal", from, accounts.loan(loan, LOAN_PRINCIPAL, currency), split.principal(), currency,
                "LOAN_REPAYMENT_PRINCIPAL"));
        long servicing = servicingFee;
        long income = split.penalty() + split.interest();
        long s1 = Math.min(servicing, income);
        legs.addAll(toLender(k + "income-", lender, LENDER_INTEREST_INCOME, currency, income, s1));
        long s2 = Math.min(servicing - s1, split.fee());
        legs.addAll(toLender(k + "fee-", lender, LENDER_FEE_INCOME, currency, split.fee(), s2));
        legs.addAll(toLender(k + "principal-", lender, LENDER_LOANS, currency, split.principal(), servicing - s1 - s2));
        return submit(legs);
    }

    /** Moves {@code amount} out of a lender account: the servicing fee to the platform, the rest to the lender's funding. */
    private List<Transfer> toLender(String key, PartyId lender, FinancingAccounts.LenderAccount from, String currency,
                                    long amount, long servicing) {
        List<Transfer> legs = new ArrayList<>();
        AccountId source = accounts.lender(lender, from, currency);
        addIfPositive(legs, leg(key, "to-lender", source, accounts.lender(lender, LENDER_FUNDING, currency), amount - servicing,
                currency, "LOAN_PROCEEDS_TO_LENDER"));
        addIfPositive(legs, leg(key, "servicing", source, accounts.servicingFees(currency), servicing, currency,
                "LOAN_SERVICING_FEE"));
        return legs;
    }

    private static void addIfPositive(List<Transfer> legs, Transfer t) {
        if (t.amount() > 0) {
            legs.add(t);
        }
    }

    private static Transfer leg(String key, String step, AccountId debit, AccountId credit, long amount, String currency,
                                String code) {
        return Transfer.posted(TransferId.derived(key + step), debit, credit, amount, currency, code).withExternalRef(
                key.length() + step.length() > 100 ? null : key + step);
    }

    private Outcome submit(List<Transfer> legs) {
        if (legs.isEmpty()) {
            return new Posted();
        }
        List<Transfer> chain = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            chain.add(i < legs.size() - 1 ? legs.get(i).linked() : legs.get(i));
        }
        List<TransferResult> results = ledger.submit(chain);
        for (int i = 0; i < results.size(); i++) {
            TransferResult r = results.get(i);
            if (!r.isCommitted() && r != TransferResult.LINKED_EVENT_FAILED) {
                return new Refused(r, legs.get(i).code() + " " + legs.get(i).debitAccountId());
            }
        }
        if (results.stream().anyMatch(r -> !r.isCommitted())) {
            return new Refused(TransferResult.LINKED_EVENT_FAILED, "chain");
        }
        return new Posted();
    }

    /** A repayment split by what it pays, in the order it pays it (REGULATIONS.md §6.1: penalty → interest → fees → principal). */
    record Split(long penalty, long interest, long fee, long principal) {
        long total() {
            return penalty + interest + fee + principal;
        }

        static Split allocate(long amount, long penaltyDue, long interestDue, long feesDue, long principalDue) {
            long left = amount;
            long pen = Math.min(left, penaltyDue);
            left -= pen;
            long interest = Math.min(left, interestDue);
            left -= interest;
            long fee = Math.min(left, feesDue);
            left -= fee;
            long principal = Math.min(left, principalDue);
            return new Split(pen, interest, fee, principal);
        }
    }
}
