package org.finbridge.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.AnnualCost;
import org.finbridge.financing.DayCount;
import org.finbridge.financing.Schedule;
import org.finbridge.financing.ScheduleTerms;
import org.finbridge.financing.Schedules;
import org.finbridge.money.Money;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge loan schedule --principal <minor units> --currency <code> --annual-rate <decimal>
 * --months <n> --method <equal-installment|equal-principal|interest-first> --start <yyyy-mm-dd>
 * [--day-count 30/360|ACT/365|ACT/360] [--upfront-fee <minor units>]}: prints the repayment schedule as CSV
 * {@code period,due_date,payment,principal,interest,remaining} (minor units), so that anyone can check it
 * against the formulas of REGULATIONS.md §6.2, then a {@code RESULT} line with the totals and the full
 * annual cost (APR and effective rate, including the fee). Needs no database.
 */
public final class LoanScheduleCommand implements Command {

    private static final Set<String> REQUIRED = Set.of("principal", "currency", "annual-rate", "months", "method", "start");
    private static final Set<String> OPTIONAL = Set.of("day-count", "upfront-fee");

    @Override
    public String name() {
        return "loan schedule";
    }

    @Override
    public String summary() {
        return "print a loan's repayment schedule as CSV (equal-installment, equal-principal, interest-first)";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        ScheduleTerms terms;
        long fee;
        try {
            terms = new ScheduleTerms(
                    new Money(Long.parseLong(options.get("principal")), org.finbridge.money.CurrencyCode.of(options.get("currency"))),
                    new BigDecimal(options.get("annual-rate")),
                    Integer.parseInt(options.get("months")),
                    AmortizationMethod.ofCode(options.get("method")),
                    DayCount.ofCode(options.getOrDefault("day-count", "30/360")),
                    LocalDate.parse(options.get("start")));
            fee = Long.parseLong(options.getOrDefault("upfront-fee", "0"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a number or date: " + e.getMessage());
        }
        if (fee < 0 || fee >= terms.principal().minorUnits()) {
            throw new IllegalArgumentException("the upfront fee must be at least 0 and less than the principal");
        }
        Schedule schedule = Schedules.of(terms);
        out.print(schedule.csv());
        AnnualCost cost = AnnualCost.ofSchedule(schedule, fee);
        out.println("RESULT instalments=" + schedule.instalments().size() + " total_payment=" + schedule.totalPayments()
                + " total_interest=" + schedule.totalInterest() + " apr=" + cost.apr().stripTrailingZeros().toPlainString()
                + " effective_rate=" + cost.effectiveRate().stripTrailingZeros().toPlainString());
        return 0;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + a + "'\n" + usage());
            }
            String key = a.substring(2);
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "\n" + usage());
            }
            options.put(key, args.get(++i));
        }
        for (String key : REQUIRED) {
            if (!options.containsKey(key)) {
                throw new IllegalArgumentException("--" + key + " is required\n" + usage());
            }
        }
        return options;
    }

    private static String usage() {
        return "usage: loan schedule --principal <minor units> --currency <code> --annual-rate <decimal> --months <n>"
                + " --method <equal-installment|equal-principal|interest-first> --start <yyyy-mm-dd>"
                + " [--day-count 30/360|ACT/365|ACT/360] [--upfront-fee <minor units>]";
    }
}
