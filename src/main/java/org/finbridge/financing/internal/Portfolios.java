package org.finbridge.financing.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.finbridge.financing.LoanClass;
import org.finbridge.financing.Portfolio;
import org.finbridge.party.PartyId;

/** A lender's portfolio computed from its disbursed loans (see {@link Portfolio}). */
final class Portfolios {

    static final String[] BUCKETS = {"CURRENT", "1-30", "31-60", "61-90", "91-180", "181+"};

    private Portfolios() {
    }

    static String bucket(int dpd) {
        if (dpd <= 0) {
            return BUCKETS[0];
        }
        if (dpd <= 30) {
            return BUCKETS[1];
        }
        if (dpd <= 60) {
            return BUCKETS[2];
        }
        if (dpd <= 90) {
            return BUCKETS[3];
        }
        return dpd <= 180 ? BUCKETS[4] : BUCKETS[5];
    }

    static Portfolio of(PartyId lender, String currency, List<LoanStore.LoanRow> loans, LoanStore store, Servicing servicing,
                        long funding, LocalDate today, Provisioning provisioning) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (String b : BUCKETS) {
            buckets.put(b, 0L);
        }
        Map<LoanClass, Long> byClass = new EnumMap<>(LoanClass.class);
        for (LoanClass c : LoanClass.values()) {
            byClass.put(c, 0L);
        }
        long principal = 0;
        long interest = 0;
        long fees = 0;
        long provisions = 0;
        int active = 0;
        Map<YearMonth, List<LoanStore.LoanRow>> cohorts = new TreeMap<>();
        for (LoanStore.LoanRow l : loans) {
            cohorts.computeIfAbsent(YearMonth.from(l.disbursedOn()), k -> new ArrayList<>()).add(l);
            if (!l.state().isServiced()) {
                continue;
            }
            active++;
            Servicing.Owed o = servicing.owed(l);
            principal += o.principal();
            interest += o.interest() + o.penalty();
            fees += o.fees();
            buckets.merge(bucket(l.daysPastDue()), o.principal(), Long::sum);
            byClass.merge(l.classification(), o.principal(), Long::sum);
            provisions += provisioning.target(l.classification(), o.principal());
        }
        List<Portfolio.Vintage> vintages = new ArrayList<>();
        YearMonth now = YearMonth.from(today);
        for (Map.Entry<YearMonth, List<LoanStore.LoanRow>> e : cohorts.entrySet()) {
            long disbursed = e.getValue().stream().mapToLong(LoanStore.LoanRow::principal).sum();
            int months = (int) ChronoUnit.MONTHS.between(e.getKey(), now);
            long[] repaidByMonth = new long[months + 1];
            long outstanding = 0;
            long npl = 0;
            for (LoanStore.LoanRow l : e.getValue()) {
                for (LoanStore.RepaymentRow r : store.repayments(l.id())) {
                    int m = (int) Math.min(months, Math.max(0, ChronoUnit.MONTHS.between(e.getKey(), YearMonth.from(r.paidOn()))));
                    repaidByMonth[m] += r.principal();
                }
                if (l.state().isServiced()) {
                    long o = servicing.owed(l).principal();
                    outstanding += o;
                    npl += l.classification().nonPerforming() ? o : 0;
                }
            }
            List<Integer> curve = new ArrayList<>();
            long cumulative = 0;
            for (long r : repaidByMonth) {
                cumulative += r;
                curve.add((int) (cumulative * 10_000 / disbursed));
            }
            vintages.add(new Portfolio.Vintage(e.getKey().toString(), e.getValue().size(), disbursed, outstanding, curve,
                    (int) (npl * 10_000 / disbursed)));
        }
        return new Portfolio(lender, currency, funding, active, principal, interest, fees, buckets, byClass, provisions, vintages);
    }
}
