package org.finbridge.financing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.financing.Instalment;
import org.finbridge.financing.ScheduleTerms;
import org.finbridge.financing.Schedules;
import org.finbridge.financing.internal.LoanStore.InstalmentRow;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.money.Money;

/**
 * A term loan's new schedule after an approved restructuring, such that what the seller owes does not change
 * (the ledger's receivables still equal the schedule, and no money moves):
 * <ul>
 *   <li>what was paid stays on the schedule as paid instalments (due no later than the day of the change);</li>
 *   <li>the principal still owed is amortized by the contract's method and rate (REGULATIONS.md §6.2) over the
 *       instalments not yet due plus the extension, the first due a month after the change;</li>
 *   <li>interest already accrued and fees unpaid are carried into the first new instalment (recognised already,
 *       so its daily accrual starts from them); penalty interest already accrued stays owed as it is.</li>
 * </ul>
 */
final class Rescheduling {

    private Rescheduling() {
    }

    static List<InstalmentRow> of(LoanRow loan, List<InstalmentRow> rows, LocalDate on, int extendMonths) {
        List<InstalmentRow> out = new ArrayList<>();
        long principal = 0;
        long carriedInterest = 0;
        long carriedFee = 0;
        int notYetDue = 0;
        for (InstalmentRow r : rows) {
            principal += r.principal() - r.paidPrincipal();
            carriedInterest += r.accruedInterest() - r.paidInterest();
            carriedFee += r.fee() - r.paidFee();
            if (r.dueDate().isAfter(on) && r.unpaid() > 0) {
                notYetDue++;
            }
            if (r.paidPrincipal() + r.paidInterest() + r.paidFee() > 0) {
                out.add(new InstalmentRow(out.size() + 1, r.dueDate().isAfter(on) ? on : r.dueDate(), r.paidPrincipal(),
                        r.paidInterest(), r.paidFee(), r.paidInterest(), r.paidPrincipal(), r.paidInterest(), r.paidFee()));
            }
        }
        if (principal <= 0) {
            throw new IllegalArgumentException("no principal is owed: nothing to reschedule");
        }
        int months = Math.min(ScheduleTerms.MAX_MONTHS, notYetDue + extendMonths);
        List<Instalment> fresh = Schedules.of(new ScheduleTerms(Money.ofMinor(principal, loan.currency()), loan.annualRate(), months,
                loan.method(), loan.dayCount(), on)).instalments();
        for (Instalment i : fresh) {
            boolean first = i.period() == 1;
            out.add(new InstalmentRow(out.size() + 1, i.dueDate(), i.principal(), i.interest() + (first ? carriedInterest : 0),
                    first ? carriedFee : 0, first ? carriedInterest : 0, 0, 0, 0));
        }
        return out;
    }
}
