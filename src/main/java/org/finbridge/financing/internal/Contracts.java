package org.finbridge.financing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.financing.AnnualCost;
import org.finbridge.financing.CashFlow;
import org.finbridge.financing.Instalment;
import org.finbridge.financing.Product;
import org.finbridge.financing.Schedule;
import org.finbridge.financing.ScheduleTerms;
import org.finbridge.financing.Schedules;
import org.finbridge.money.Allocation;
import org.finbridge.money.Money;

/**
 * A contract's schedule and its full annual cost, from its terms and the day it is disbursed.
 *
 * <p>A term loan follows its amortization method (REGULATIONS.md §6.2); its upfront fee is kept back from
 * the advance. Revenue-based financing has one line: the advance and its fixed fee, expected by the end
 * of the term; its cost is disclosed on the assumption that the total is repaid in equal monthly parts
 * over the term (the repayments really follow sales, so the disclosure says it is an estimate).
 */
final class Contracts {

    private Contracts() {
    }

    record Terms(Product product, ScheduleTerms schedule, long upfrontFee, long fixedFee) {
    }

    record Contract(List<LoanStore.InstalmentRow> rows, AnnualCost cost, long monthlyPayment) {
    }

    static long basisPoints(long amount, int bps) {
        return java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(bps))
                .divide(java.math.BigInteger.valueOf(10_000)).longValueExact();
    }

    static Contract of(Terms t) {
        ScheduleTerms s = t.schedule();
        if (t.product().amortizes()) {
            Schedule schedule = Schedules.of(s);
            List<LoanStore.InstalmentRow> rows = new ArrayList<>();
            for (Instalment i : schedule.instalments()) {
                rows.add(new LoanStore.InstalmentRow(i.period(), i.dueDate(), i.principal(), i.interest(), 0, 0, 0, 0, 0));
            }
            long monthly = schedule.instalments().stream().mapToLong(Instalment::payment).max().orElse(0);
            if (s.method() == org.finbridge.financing.AmortizationMethod.INTEREST_FIRST) {
                monthly = schedule.instalments().getFirst().payment();
            }
            return new Contract(rows, AnnualCost.ofSchedule(schedule, t.upfrontFee()), monthly);
        }
        long principal = s.principal().minorUnits();
        LocalDate due = s.start().plusMonths(s.months());
        List<LoanStore.InstalmentRow> rows = List.of(new LoanStore.InstalmentRow(1, due, principal, 0, t.fixedFee(), 0, 0, 0, 0));
        List<Money> parts = Allocation.evenly(new Money(principal + t.fixedFee(), s.principal().currency()), s.months());
        List<CashFlow> flows = new ArrayList<>();
        flows.add(new CashFlow(0, -(principal - t.upfrontFee())));
        for (int k = 0; k < parts.size(); k++) {
            flows.add(new CashFlow(k + 1, parts.get(k).minorUnits()));
        }
        return new Contract(rows, AnnualCost.of(flows, 12), parts.getFirst().minorUnits());
    }
}
