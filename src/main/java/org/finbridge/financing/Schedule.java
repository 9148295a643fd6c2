package org.finbridge.financing;

import java.util.List;

/** A term loan's repayment schedule: the instalments in order, the last one leaving nothing owed. */
public record Schedule(ScheduleTerms terms, List<Instalment> instalments) {

    public static final String CSV_HEADER = "period,due_date,payment,principal,interest,remaining";

    public Schedule {
        instalments = List.copyOf(instalments);
    }

    public long totalPrincipal() {
        return instalments.stream().mapToLong(Instalment::principal).sum();
    }

    public long totalInterest() {
        return instalments.stream().mapToLong(Instalment::interest).sum();
    }

    public long totalPayments() {
        return instalments.stream().mapToLong(Instalment::payment).sum();
    }

    /** The schedule as CSV, amounts in minor units, one line per instalment after the header. */
    public String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Instalment i : instalments) {
            out.append(i.period()).append(',').append(i.dueDate()).append(',').append(i.payment()).append(',')
                    .append(i.principal()).append(',').append(i.interest()).append(',').append(i.remaining()).append('\n');
        }
        return out.toString();
    }
}
