package org.finbridge.financing.internal;

import org.finbridge.audit.AuditLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.finbridge.financing.LoanClass;
import org.finbridge.financing.LoanEvents;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Product;
import org.finbridge.financing.Schedules;
import org.finbridge.financing.internal.LoanStore.InstalmentRow;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.party.PartyId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Servicing one loan, always with its row locked by the caller's transaction: accrual up to a date,
 * collecting a repayment, days past due, the five-tier classification, reminders and revenue-based
 * financing's minimum-payment status.
 *
 * <p>An accrual books the difference between the schedule's accrued totals and what the loan's
 * receivable was already charged in the ledger, so an accrual committed just before a crash (ledger
 * answered, database not yet) is found there and never counted twice.
 *
 * <p>Interest is recognised daily, so that what the ledger holds equals the schedule: on day d of a period
 * of n days the instalment's interest accrued is {@code floor(interest × d / n)}, all of it on the due date.
 * Penalty interest accrues each day on the principal and interest overdue at the start of that day,
 * {@code floor(overdue × penalty rate / 360)} (日利率 = 年利率 / 360, REGULATIONS.md §6.2); the programme's
 * penalty rate is held under the annual cost cap when it is published (§6.3).
 */
@Component
class Servicing {

    /** Days past due at which a reminder is sent and an Overdue event published. */
    static final int[] OVERDUE_REMINDERS = {1, 7, 30, 60, 90};
    /** Days before a due date at which the borrower is reminded. */
    static final int DUE_SOON_DAYS = 3;

    private final LoanStore store;
    private final LoanLedger ledger;
    private final FinancingAccounts accounts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Servicing(LoanStore store, LoanLedger ledger, FinancingAccounts accounts, ApplicationEventPublisher events,
              AuditLog audit, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    record Accrued(long interest, long penalty) {
    }

    /** Brings interest and penalty up to {@code date} (a no-op when already there). */
    Accrued accrueTo(LoanRow loan, LocalDate date) {
        if (loan.accruedThrough() == null || !date.isAfter(loan.accruedThrough())) {
            return new Accrued(0, 0);
        }
        List<InstalmentRow> rows = store.schedule(loan.id());
        long interest = 0;
        List<InstalmentRow> updated = new ArrayList<>();
        LocalDate start = loan.disbursedOn();
        for (InstalmentRow r : rows) {
            start = periodStart(loan, start, r);
            long days = ChronoUnit.DAYS.between(start, r.dueDate());
            long elapsed = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(start, date)));
            long target = days <= 0 ? r.interest() : Math.multiplyExact(r.interest(), elapsed) / days;
            if (target > r.accruedInterest()) {
                interest += target - r.accruedInterest();
                updated.add(new InstalmentRow(r.period(), r.dueDate(), r.principal(), r.interest(), r.fee(), target,
                        r.paidPrincipal(), r.paidInterest(), r.paidFee()));
            }
            start = r.dueDate();
        }
        long penalty = 0;
        if (loan.penaltyRate().signum() > 0) {
            for (LocalDate d = loan.accruedThrough().plusDays(1); !d.isAfter(date); d = d.plusDays(1)) {
                long overdue = 0;
                for (InstalmentRow r : rows) {
                    if (r.dueDate().isBefore(d)) {
                        // by its due date an instalment's interest is all accrued
                        overdue += r.principal() - r.paidPrincipal() + r.interest() - r.paidInterest();
                    }
                }
                penalty += BigDecimal.valueOf(overdue).multiply(loan.penaltyRate())
                        .divide(BigDecimal.valueOf(360), 0, RoundingMode.DOWN).longValueExact();
            }
        }
        // the ledger is the record of what was recognised: book the difference between the schedule's accrued
        // totals and what the receivables were already charged, so an accrual committed just before a crash
        // is never counted twice
        long interestTotal = 0;
        for (InstalmentRow r : rows) {
            interestTotal += updated.stream().filter(u -> u.period() == r.period()).findFirst().orElse(r).accruedInterest();
        }
        long interestBooked = accounts.debitsPosted(accounts.loan(loan.id(), FinancingAccounts.LoanAccount.LOAN_INTEREST,
                loan.currency()));
        long penaltyTotal = store.penalty(loan.id()).accrued() + penalty;
        long penaltyBooked = accounts.debitsPosted(accounts.loan(loan.id(), FinancingAccounts.LoanAccount.LOAN_PENALTY,
                loan.currency()));
        if (interestTotal < interestBooked || penaltyTotal < penaltyBooked) {
            throw new IllegalStateException("loan " + loan.id() + ": the ledger holds more accrued interest or penalty than "
                    + "its schedule (" + interestBooked + " > " + interestTotal + " or " + penaltyBooked + " > " + penaltyTotal + ")");
        }
        require(ledger.accrue(loan.id(), loan.lenderId(), loan.currency(), false, interestTotal - interestBooked,
                "interest:" + date + ":" + interestBooked), "accrual");
        require(ledger.accrue(loan.id(), loan.lenderId(), loan.currency(), true, penaltyTotal - penaltyBooked,
                "penalty:" + date + ":" + penaltyBooked), "penalty");
        updated.forEach(r -> store.update(loan.id(), r));
        if (penalty > 0) {
            LoanStore.Penalty p = store.penalty(loan.id());
            store.penalty(loan.id(), new LoanStore.Penalty(p.accrued() + penalty, p.paid()));
        }
        store.serviced(loan.id(), date, loan.daysPastDue(), loan.classification(), loan.breachStatus(), loan.state(),
                loan.closedOn(), clock.instant());
        return new Accrued(interest, penalty);
    }

    /** What the borrower owes now, by component. */
    record Owed(long penalty, long interest, long fees, long principal) {
        long total() {
            return penalty + interest + fees + principal;
        }
    }

    Owed owed(LoanRow loan) {
        List<InstalmentRow> rows = store.schedule(loan.id());
        return new Owed(store.penalty(loan.id()).unpaid(),
                rows.stream().mapToLong(r -> r.accruedInterest() - r.paidInterest()).sum(),
                rows.stream().mapToLong(r -> r.fee() - r.paidFee()).sum(),
                rows.stream().mapToLong(r -> r.principal() - r.paidPrincipal()).sum());
    }

    /**
     * What a sweep may take from a settlement: all that is owed for revenue-based financing (its holdback
     * share limits it) and for a receivables advance (repaid as its receivables settle), what has fallen due
     * for a term loan.
     */
    long sweepable(LoanRow loan, LocalDate date) {
        return loan.product().amortizes() ? collectibleNow(loan, date) : owed(loan).total() + owedToGuarantor(loan);
    }

    /**
     * What has fallen due and may be debited from the balance without the borrower asking: the instalments
     * due by the date (revenue-based financing's single line falls due at the end of its term), or everything
     * of a defaulted loan.
     */
    long collectibleNow(LoanRow loan, LocalDate date) {
        if (loan.state() == LoanState.DEFAULTED) {
            return owed(loan).total() + owedToGuarantor(loan);
        }
        long due = store.penalty(loan.id()).unpaid();
        for (InstalmentRow r : store.schedule(loan.id())) {
            if (!r.dueDate().isAfter(date)) {
                due += r.unpaid();
            }
        }
        return due;
    }

    /**
     * Collects a repayment from the merchant's available balance (accrual must be up to date), allocated
     * penalty → interest → fees → principal, oldest instalment first.
     */
    LoanResult collect(LoanRow loan, long amount, String source, String reference, LocalDate date,
                       java.util.function.Supplier<org.finbridge.financing.Loan> view) {
        return collect(loan, amount, source, reference, date, view,
                accounts.merchantAvailable(loan.merchantId(), loan.currency()));
    }

    /** A repayment paid from {@code from}: the merchant's available balance, a security deposit or a sweep clearing account. */
    LoanResult collect(LoanRow loan, long amount, String source, String reference, LocalDate date,
                       java.util.function.Supplier<org.finbridge.financing.Loan> view, AccountId from) {
        if (store.repayment(loan.id(), reference).isPresent()) {
            return new LoanResult.Existing(view.get());
        }
        Owed owed = owed(loan);
        if (amount <= 0) {
            return new LoanResult.Invalid("amount", "must be positive");
        }
        long toGuarantor = owedToGuarantor(loan);
        if (amount > owed.total() + toGuarantor) {
            return new LoanResult.Invalid("amount", "more than the " + (owed.total() + toGuarantor) + " owed");
        }
        LoanLedger.Split split = LoanLedger.Split.allocate(amount, owed.penalty(), owed.interest(), owed.fees(), owed.principal());
        // the guarantor's claim is paid back only after everything owed to the lender: its subrogation must not harm
        // the creditor it paid (PRC Civil Code Art.700; not yet in REGULATIONS.md)
        long recovered = amount - split.total();
        PartyId guarantor = recovered > 0 ? store.guarantee(loan.id()).orElseThrow().guarantor() : null;
        long servicing = Contracts.basisPoints(split.total(), loan.servicingFeeBps());
        LoanLedger.Outcome outcome = ledger.collect(loan.id(), from, loan.lenderId(), loan.currency(), reference, split,
                servicing, guarantor, recovered);
        if (outcome instanceof LoanLedger.Refused refused) {
            if (refused.result() == TransferResult.EXCEEDS_CREDITS) {
                return new LoanResult.InsufficientFunds(accounts.creditBalance(accounts.merchantAvailable(loan.merchantId(),
                        loan.currency())));
            }
            throw new IllegalStateException("the ledger refused a repayment of " + loan.id() + ": " + refused);
        }
        apply(loan, split, date);
        if (recovered > 0) {
            store.recovered(loan.id(), recovered);
        }
        store.insert(new LoanStore.RepaymentRow(UUID.randomUUID(), loan.id(), reference, source, amount, split.penalty(),
                split.interest(), split.fee(), split.principal(), servicing, date, recovered), clock.instant());
        audit.record(null, "financing.loan.repaid", "loan", loan.id().toString(), null,
                "{\"source\":\"" + source + "\",\"amount\":" + amount + ",\"penalty\":" + split.penalty() + ",\"interest\":"
                        + split.interest() + ",\"fee\":" + split.fee() + ",\"principal\":" + split.principal() + "}");
        events.publishEvent(new LoanEvents.Repaid(loan.id(), loan.merchantId(), loan.lenderId(), date, loan.currency(), amount,
                split.principal(), split.interest(), split.fee(), split.penalty(), source));
        closeIfRepaid(store.find(loan.id()).orElseThrow(), date);
        return new LoanResult.Done(view.get());
    }

    private void apply(LoanRow loan, LoanLedger.Split split, LocalDate date) {
        if (split.penalty() > 0) {
            LoanStore.Penalty p = store.penalty(loan.id());
            store.penalty(loan.id(), new LoanStore.Penalty(p.accrued(), p.paid() + split.penalty()));
        }
        long interest = split.interest();
        long fee = split.fee();
        long principal = split.principal();
        List<InstalmentRow> rows = new ArrayList<>();
        for (InstalmentRow r : store.schedule(loan.id())) {
            long pi = Math.min(interest, r.accruedInterest() - r.paidInterest());
            interest -= pi;
            long pf = Math.min(fee, r.fee() - r.paidFee());
            fee -= pf;
            long pp = Math.min(principal, r.principal() - r.paidPrincipal());
            principal -= pp;
            rows.add(new InstalmentRow(r.period(), r.dueDate(), r.principal(), r.interest(), r.fee(), r.accruedInterest(),
                    r.paidPrincipal() + pp, r.paidInterest() + pi, r.paidFee() + pf));
        }
        if (split.principal() > 0 && loan.product().amortizes()) {
            rows = reschedule(loan, rows, date);
        }
        rows.forEach(r -> store.update(loan.id(), r));
    }

    /**
     * After principal is paid ahead of the schedule, periods that have not started yet charge interest on
     * what is really still owed at their start (interest runs for the actual term: SPC private lending
     * provisions Art.30, REGULATIONS.md §6.3); the current period keeps the interest it was contracted with.
     */
    List<InstalmentRow> reschedule(LoanRow loan, List<InstalmentRow> rows, LocalDate date) {
        List<InstalmentRow> out = new ArrayList<>();
        LocalDate start = loan.disbursedOn();
        for (int i = 0; i < rows.size(); i++) {
            InstalmentRow r = rows.get(i);
            start = periodStart(loan, start, r);
            if (start.isAfter(date) && r.accruedInterest() == 0) {
                long owedAtStart = 0;
                for (int j = i; j < rows.size(); j++) {
                    owedAtStart += rows.get(j).principal() - rows.get(j).paidPrincipal();
                }
                long interest = Schedules.interest(owedAtStart, loan.annualRate(), loan.dayCount().yearFraction(start, r.dueDate()));
                r = new InstalmentRow(r.period(), r.dueDate(), r.principal(), interest, r.fee(), 0, r.paidPrincipal(),
                        r.paidInterest(), r.paidFee());
            }
            out.add(r);
            start = rows.get(i).dueDate();
        }
        return out;
    }

    /**
     * When an instalment's period starts: at the previous due date (the disbursement for the first), except that
     * the first instalment after a restructuring starts on the day the loan was rescheduled.
     */
    static LocalDate periodStart(LoanRow loan, LocalDate previous, InstalmentRow r) {
        LocalDate rescheduled = loan.restructuredOn();
        return rescheduled != null && r.dueDate().isAfter(rescheduled) && previous.isBefore(rescheduled) ? rescheduled : previous;
    }

    /** Closes a loan that owes nothing and has no principal left; interest not yet accrued is never charged. */
    boolean closeIfRepaid(LoanRow loan, LocalDate date) {
        Owed owed = owed(loan);
        if (owed.total() != 0 || owedToGuarantor(loan) != 0 || !loan.state().isServiced()) {
            return false;
        }
        for (InstalmentRow r : store.schedule(loan.id())) {
            if (r.interest() != r.accruedInterest()) {
                store.update(loan.id(), new InstalmentRow(r.period(), r.dueDate(), r.principal(), r.accruedInterest(), r.fee(),
                        r.accruedInterest(), r.paidPrincipal(), r.paidInterest(), r.paidFee()));
            }
        }
        store.serviced(loan.id(), loan.accruedThrough(), 0, loan.classification(), "OK", LoanState.CLOSED, date, clock.instant());
        releaseDeposit(loan, date);
        audit.record(null, "financing.loan.closed", "loan", loan.id().toString(), "{\"state\":\"" + loan.state() + "\"}",
                "{\"state\":\"CLOSED\"}");
        events.publishEvent(new LoanEvents.Closed(loan.id(), loan.merchantId(), loan.lenderId(), date, true));
        return true;
    }

    record Status(boolean overdue, boolean reclassified, boolean defaulted) {
    }

    /** Days past due, classification, reminders and minimum-payment status as of {@code date}. */
    Status assess(LoanRow loan, LocalDate date) {
        List<InstalmentRow> rows = store.schedule(loan.id());
        int dpd = 0;
        long overdueAmount = 0;
        for (InstalmentRow r : rows) {
            if (r.unpaid() > 0 && r.dueDate().isBefore(date)) {
                dpd = Math.max(dpd, (int) ChronoUnit.DAYS.between(r.dueDate(), date));
                overdueAmount += r.unpaid();
            }
            if (r.unpaid() > 0 && !r.dueDate().isBefore(date) && ChronoUnit.DAYS.between(date, r.dueDate()) <= DUE_SOON_DAYS) {
                store.remind(loan.id(), r.period(), "DUE_SOON", date);
            }
        }
        for (int boundary : OVERDUE_REMINDERS) {
            if (dpd >= boundary) {
                int period = rows.stream().filter(r -> r.unpaid() > 0 && r.dueDate().isBefore(date)).findFirst()
                        .map(InstalmentRow::period).orElse(0);
                if (store.remind(loan.id(), period, "OVERDUE_" + boundary, date)) {
                    events.publishEvent(new LoanEvents.Overdue(loan.id(), loan.merchantId(), loan.lenderId(), date, dpd,
                            overdueAmount));
                }
            }
        }
        // classification only ever moves down by days past due here; an upgrade needs the arrears cured
        LoanClass cls = LoanClass.forDaysPastDue(dpd);
        boolean reclassified = cls != loan.classification();
        if (reclassified) {
            store.classified(loan.id(), date, loan.classification(), cls, dpd);
            audit.record(null, "financing.loan.classified", "loan", loan.id().toString(),
                    "{\"class\":\"" + loan.classification() + "\"}", "{\"class\":\"" + cls + "\",\"dpd\":" + dpd + "}");
            events.publishEvent(new LoanEvents.Classified(loan.id(), loan.merchantId(), loan.lenderId(), date,
                    loan.classification(), cls, dpd));
        }
        LoanState state = loan.state();
        boolean defaulted = false;
        if (cls == LoanClass.LOSS && state == LoanState.ACTIVE) {
            state = LoanState.DEFAULTED;
            defaulted = true;
            audit.record(null, "financing.loan.defaulted", "loan", loan.id().toString(), "{\"state\":\"ACTIVE\"}",
                    "{\"state\":\"DEFAULTED\",\"dpd\":" + dpd + "}");
            events.publishEvent(new LoanEvents.Defaulted(loan.id(), loan.merchantId(), loan.lenderId(), date, dpd,
                    owed(loan).total()));
        }
        store.serviced(loan.id(), loan.accruedThrough(), dpd, cls, breach(loan, date), state, loan.closedOn(), clock.instant());
        if (defaulted) {
            applyDeposit(store.find(loan.id()).orElseThrow(), date);
        }
        if (state == LoanState.DEFAULTED) {
            claimGuarantee(store.find(loan.id()).orElseThrow(), date);
        }
        return new Status(dpd > 0, reclassified, defaulted);
    }

    /**
     * On default the security deposit pays what the loan owes, allocated like any repayment (penalty → interest →
     * fees → principal); a deposit larger than the debt repays it in full, the loan closes and the rest is released.
     * Recovery of what it did not cover continues from the seller's settlements and balance.
     */
    private void applyDeposit(LoanRow loan, LocalDate date) {
        LoanStore.DepositRow d = store.deposit(loan.id()).filter(x -> "HELD".equals(x.state())).orElse(null);
        if (d == null) {
            return;
        }
        long amount = Math.min(d.held(), owed(loan).total());
        // recorded first, so that a close the application causes releases only the rest
        store.depositSettled(loan.id(), amount, 0, "HELD", null);
        if (amount > 0) {
            LoanResult r = collect(loan, amount, "DEPOSIT", "deposit:applied", date, () -> null,
                    accounts.deposit(loan.id(), loan.currency()));
            if (!(r instanceof LoanResult.Done) && !(r instanceof LoanResult.Existing)) {
                throw new IllegalStateException("the deposit of " + loan.id() + " could not be applied: " + r);
            }
        }
        store.depositSettled(loan.id(), amount, store.deposit(loan.id()).orElseThrow().released(), "APPLIED", date);
        audit.record(null, "financing.loan.deposit.applied", "loan", loan.id().toString(), "{\"held\":" + d.held() + "}",
                "{\"applied\":" + amount + "}");
    }

    /** What the seller owes the guarantor of its loan for the claim it paid. */
    long owedToGuarantor(LoanRow loan) {
        return store.guarantee(loan.id()).map(LoanStore.GuaranteeRow::owed).orElse(0L);
    }

    /**
     * A defaulted loan's guarantee is claimed: the guarantor pays the lender its covered share of the principal still
     * owed (after the security deposit was applied), the loan records it as a repayment of principal from the
     * guarantee, and the seller now owes that part to the guarantor. A guarantor whose funds cannot pay is tried
     * again on the next run.
     */
    private void claimGuarantee(LoanRow loan, LocalDate date) {
        LoanStore.GuaranteeRow g = store.guarantee(loan.id()).filter(x -> "ACTIVE".equals(x.state())).orElse(null);
        if (g == null || loan.state() != LoanState.DEFAULTED) {
            return;
        }
        long claim = Contracts.basisPoints(owed(loan).principal(), g.coverageBps());
        if (claim > 0) {
            LoanLedger.Outcome o = ledger.claim(loan.id(), loan.lenderId(), g.guarantor(), loan.currency(), claim);
            if (o instanceof LoanLedger.Refused r) {
                if (r.result() == TransferResult.EXCEEDS_CREDITS) {
                    org.slf4j.LoggerFactory.getLogger(Servicing.class).warn(
                            "guarantee claim of {} for {} not paid: the guarantor's funds are short", claim, loan.id());
                    return;
                }
                throw new IllegalStateException("the ledger refused the guarantee claim of " + loan.id() + ": " + r);
            }
            apply(loan, new LoanLedger.Split(0, 0, 0, claim), date);
            store.insert(new LoanStore.RepaymentRow(UUID.randomUUID(), loan.id(), "guarantee:claim", "GUARANTEE", claim, 0, 0,
                    0, claim, 0, date, 0), clock.instant());
        }
        store.claimed(loan.id(), claim, date);
        audit.record(null, "financing.guarantee.claimed", "loan", loan.id().toString(), "{\"state\":\"ACTIVE\"}",
                "{\"state\":\"CLAIMED\",\"claimed\":" + claim + ",\"guarantor\":\"" + g.guarantor() + "\"}");
        if (claim > 0) {
            events.publishEvent(new LoanEvents.Repaid(loan.id(), loan.merchantId(), loan.lenderId(), date, loan.currency(), claim,
                    claim, 0, 0, 0, "GUARANTEE"));
            events.publishEvent(new LoanEvents.GuaranteeClaimed(loan.id(), loan.merchantId(), loan.lenderId(), date,
                    g.guarantor(), loan.currency(), claim));
        }
    }

    /** A loan that closes repaid gives back what is left of its security deposit to the seller's available balance. */
    private void releaseDeposit(LoanRow loan, LocalDate date) {
        LoanStore.DepositRow d = store.deposit(loan.id()).filter(x -> "HELD".equals(x.state())).orElse(null);
        if (d == null) {
            return;
        }
        long rest = d.held();
        require(ledger.releaseDeposit(loan.id(), loan.merchantId(), loan.currency(), rest), "deposit release");
        store.depositSettled(loan.id(), d.applied(), rest, "RELEASED", date);
        audit.record(null, "financing.loan.deposit.released", "loan", loan.id().toString(), "{\"held\":" + rest + "}",
                "{\"released\":" + rest + "}");
    }

    /**
     * Revenue-based financing's minimum payment per period (the "flex loan" pattern, REGULATIONS.md §6.1):
     * BREACH when the last complete period paid less than the minimum, NEAR_BREACH when the current period
     * is at least half over and behind the minimum's pace, OK otherwise.
     */
    String breach(LoanRow loan, LocalDate date) {
        if (loan.product() != Product.REVENUE_BASED || loan.minPayment() <= 0 || loan.disbursedOn() == null) {
            return "OK";
        }
        long age = ChronoUnit.DAYS.between(loan.disbursedOn(), date);
        long period = age / loan.periodDays();
        List<LoanStore.RepaymentRow> repayments = store.repayments(loan.id());
        if (period >= 1) {
            LocalDate from = loan.disbursedOn().plusDays((period - 1) * loan.periodDays());
            LocalDate to = from.plusDays(loan.periodDays());
            long paid = paidBetween(repayments, from, to);
            if (paid < loan.minPayment() && owedBefore(loan)) {
                return "BREACH";
            }
        }
        LocalDate currentFrom = loan.disbursedOn().plusDays(period * loan.periodDays());
        long elapsed = ChronoUnit.DAYS.between(currentFrom, date);
        long paid = paidBetween(repayments, currentFrom, date.plusDays(1));
        if (elapsed * 2 >= loan.periodDays()
                && Math.multiplyExact(paid, loan.periodDays()) < Math.multiplyExact(loan.minPayment(), elapsed)) {
            return "NEAR_BREACH";
        }
        return "OK";
    }

    private boolean owedBefore(LoanRow loan) {
        return owed(loan).total() > 0;
    }

    private static long paidBetween(List<LoanStore.RepaymentRow> repayments, LocalDate from, LocalDate toExclusive) {
        return repayments.stream().filter(r -> !r.paidOn().isBefore(from) && r.paidOn().isBefore(toExclusive))
                .mapToLong(LoanStore.RepaymentRow::amount).sum();
    }

    private static void require(LoanLedger.Outcome outcome, String what) {
        if (outcome instanceof LoanLedger.Refused r) {
            throw new IllegalStateException("the ledger refused the " + what + ": " + r);
        }
    }
}
