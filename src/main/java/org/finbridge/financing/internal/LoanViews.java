package org.finbridge.financing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.finbridge.financing.Guarantee;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.ScheduleTerms;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every service of a loan shares: the loan as its parties see it (contract, schedule, what is owed, its deposit,
 * guarantee and supplier payment), the business date, and the ledger accounts opened before a change's transaction.
 */
@Component
class LoanViews {

    private final LoanStore store;
    private final Servicing servicing;
    private final FinancingAccounts accounts;
    private final Clock clock;
    private final ZoneId zone;

    LoanViews(LoanStore store, Servicing servicing, FinancingAccounts accounts, Clock clock,
              @Value("${finbridge.financing.zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.servicing = servicing;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The ISO 4217 code named, or empty where it names none: a read then answers nothing rather than an error. */
    static Optional<String> currencyCode(String currency) {
        try {
            return Optional.of(CurrencyCode.of(currency).code());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    Loan view(LoanRow l) {
        List<Loan.Line> lines;
        Loan.Outstanding outstanding;
        if (l.disbursedOn() == null) {
            lines = Contracts.of(terms(l, today())).rows().stream().map(r -> new Loan.Line(r.period(), r.dueDate(), r.principal(),
                    r.interest(), r.fee(), 0, 0, 0)).toList();
            outstanding = new Loan.Outstanding(0, 0, 0, 0);
        } else {
            lines = store.schedule(l.id()).stream().map(r -> new Loan.Line(r.period(), r.dueDate(), r.principal(), r.interest(),
                    r.fee(), r.paidPrincipal(), r.paidInterest(), r.paidFee())).toList();
            // an unwound loan owes nothing: its advance went back to the lender (its schedule stays as the record)
            Servicing.Owed o = l.state() == org.finbridge.financing.LoanState.CANCELLED ? new Servicing.Owed(0, 0, 0, 0)
                    : servicing.owed(l);
            outstanding = new Loan.Outstanding(o.principal(), o.interest(), o.fees(), o.penalty());
        }
        return new Loan(l.id(), l.programmeId(), l.merchantId(), l.lenderId(), l.reference(), l.product(), l.currency(),
                l.principal(), l.annualRate(), l.months(), l.method(), l.dayCount(), l.upfrontFee(), l.fixedFee(),
                l.holdbackBps(), l.minPayment(), l.periodDays(), l.apr(), l.effectiveRate(), l.grade(), l.state(),
                l.decision(), l.disbursedOn(), l.daysPastDue(), l.classification(), l.breachStatus(), outstanding, lines,
                store.deposit(l.id()).map(LoanViews::deposit).orElse(null),
                store.guarantee(l.id()).map(g -> guarantee(l, g)).orElse(null),
                store.supplierPayment(l.id()).map(p -> new Loan.SupplierPayment(p.bankAccountId(), p.invoiceReference(),
                        p.payoutId() == null ? null : p.payoutId().toString(), p.paidOn())).orElse(null));
    }

    static Loan.Deposit deposit(LoanStore.DepositRow d) {
        return new Loan.Deposit(d.reference(), d.amount(), d.applied(), d.released(), d.held(), d.state(), d.lodgedOn(),
                d.settledOn());
    }

    long covered(LoanRow l) {
        LoanStore.GuaranteeRow g = store.guarantee(l.id()).orElseThrow();
        if (!"ACTIVE".equals(g.state())) {
            return 0;
        }
        long principal = switch (l.state()) {
            case APPLIED, REFERRED, APPROVED -> l.principal();
            case ACTIVE, DEFAULTED -> servicing.owed(l).principal();
            case DECLINED, CLOSED, CANCELLED -> 0;
        };
        return Contracts.basisPoints(principal, g.coverageBps());
    }

    Guarantee guarantee(LoanRow l, LoanStore.GuaranteeRow g) {
        return new Guarantee(l.id(), g.guarantor(), l.merchantId(), l.lenderId(), l.currency(), g.coverageBps(), g.fee(),
                covered(l), g.claimed(), g.recovered(), g.state(), g.claimedOn());
    }

    Contracts.Terms terms(LoanRow l, LocalDate start) {
        BigDecimal r = l.product().amortizes() ? l.annualRate() : BigDecimal.ZERO;
        return new Contracts.Terms(l.product(), new ScheduleTerms(Money.ofMinor(l.principal(), l.currency()), r, l.months(),
                l.method(), l.dayCount(), start), l.upfrontFee(), l.fixedFee());
    }

    /** Opens the loan's ledger accounts outside any transaction (see {@link FinancingAccounts#openFor}). */
    void prepare(LoanId id) {
        store.find(id).ifPresent(l -> accounts.openFor(l.id(), l.merchantId(), l.lenderId(), l.currency()));
        store.find(id).ifPresent(l -> store.guarantee(id).ifPresent(g -> accounts.openForGuarantor(id, g.guarantor(), l.currency())));
    }
}
