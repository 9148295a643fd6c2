package org.finbridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.money.Money;
import org.finbridge.supervision.CbecImportTax;
import org.finbridge.supervision.CbecOrder;
import org.finbridge.supervision.CbecQuote;
import org.finbridge.supervision.CheckoutOrder;
import org.finbridge.supervision.CheckoutQuote;
import org.finbridge.supervision.CheckoutTax;
import org.finbridge.supervision.RuleBook;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge tax quote} quotes the import tax of one order, without a database.
 * <ul>
 * <li>China retail import ({@code --destination CN}): {@code --price --freight --insurance --currency CNY
 * --vat-rate --consumption-tax-rate --annual-used [--indivisible] [--tariff-rate]} prints the treatment
 * ({@code cbec-preferential}, {@code cbec-full-single-item}, {@code general-trade}) and the taxes, ending with
 * {@code RESULT treatment=<t> tax=<amount> annual_after=<amount>}.</li>
 * <li>EU member state, GB, US: {@code --price --currency [--item-categories N] [--ioss] [--excise]
 * [--origin CC] [--duty-rate]}, ending with {@code RESULT treatment=<t> tax=<amount> collected_at_checkout=<bool>}.</li>
 * </ul>
 * {@code --date YYYY-MM-DD} quotes under the rules in force that day (default: today in Beijing);
 * {@code --rules <file>} reads another rule book. Exit status 0 with a quote, 2 for bad input.
 */
public final class TaxQuoteCommand implements Command {

    private static final String USAGE = "usage: bin/finbridge tax quote --destination CN --price <amount> --freight <amount> "
            + "--insurance <amount> --currency CNY --vat-rate <decimal> --consumption-tax-rate <decimal> --annual-used <amount> "
            + "[--indivisible] [--tariff-rate <decimal>] [--date YYYY-MM-DD] [--rules <file>]\n"
            + "       bin/finbridge tax quote --destination <DE|FR|…|GB|US> --price <amount> --currency <EUR|GBP|USD> "
            + "[--item-categories <n>] [--ioss] [--excise] [--origin <CC>] [--duty-rate <decimal>] [--date YYYY-MM-DD]";
    private static final Set<String> VALUED = Set.of("--destination", "--price", "--freight", "--insurance", "--currency",
            "--vat-rate", "--consumption-tax-rate", "--annual-used", "--tariff-rate", "--date", "--rules", "--item-categories",
            "--origin", "--duty-rate");
    private static final Set<String> FLAGS = Set.of("--indivisible", "--ioss", "--excise");

    private final Clock clock;

    public TaxQuoteCommand() {
        this(Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    TaxQuoteCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "tax quote";
    }

    @Override
    public String summary() {
        return "quote import tax: --destination CN --price … --vat-rate … --annual-used … (or EU/GB/US checkout tax)";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (FLAGS.contains(a)) {
                options.put(a, "true");
            } else if (VALUED.contains(a) && i + 1 < args.size()) {
                options.put(a, args.get(++i));
            } else {
                return usage(err, "unexpected argument '" + a + "'");
            }
        }
        try {
            String destination = required(options, "--destination");
            LocalDate date = options.containsKey("--date") ? LocalDate.parse(options.get("--date")) : LocalDate.now(clock);
            RuleBook rules = options.containsKey("--rules")
                    ? RuleBook.parse(Files.readString(Path.of(options.get("--rules")), StandardCharsets.UTF_8))
                    : RuleBook.defaults();
            if (destination.equalsIgnoreCase("CN")) {
                return china(options, rules, date, out);
            }
            return checkout(destination, options, rules, date, out);
        } catch (DateTimeParseException e) {
            return usage(err, "--date must be YYYY-MM-DD");
        } catch (IOException e) {
            return usage(err, "cannot read the rule book: " + e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return usage(err, e.getMessage());
        }
    }

    private static int china(Map<String, String> o, RuleBook rules, LocalDate date, PrintStream out) {
        String currency = required(o, "--currency");
        if (!currency.equals("CNY")) {
            throw new IllegalArgumentException("China retail import amounts are in CNY, not " + currency);
        }
        CbecOrder order = new CbecOrder(money(o, "--price", currency, true), money(o, "--freight", currency, false),
                money(o, "--insurance", currency, false), decimal(o, "--vat-rate", true),
                decimal(o, "--consumption-tax-rate", false), decimal(o, "--tariff-rate", false), o.containsKey("--indivisible"));
        Money used = money(o, "--annual-used", currency, true);
        CbecQuote q = new CbecImportTax(rules).quote(order, used, date);
        out.println("treatment        " + q.treatment().code());
        out.println("rules of         " + q.rulesDate());
        out.println("dutiable value   " + amount(q.dutiableValue()) + " CNY");
        out.println("tariff           " + amount(q.tariff()));
        out.println("consumption tax  " + amount(q.consumptionTax()));
        out.println("import VAT       " + amount(q.vat()));
        out.println("tax              " + amount(q.tax()));
        out.println("annual total     " + amount(q.annualBefore()) + " -> " + amount(q.annualAfter())
                + (q.overAnnualLimit() ? " (annual limit would be exceeded: general trade)" : ""));
        out.println("RESULT treatment=" + q.treatment().code() + " tax=" + amount(q.tax()) + " annual_after=" + amount(q.annualAfter()));
        return 0;
    }

    private static int checkout(String destination, Map<String, String> o, RuleBook rules, LocalDate date, PrintStream out) {
        String currency = required(o, "--currency");
        int categories;
        try {
            categories = Integer.parseInt(o.getOrDefault("--item-categories", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--item-categories must be a whole number");
        }
        CheckoutOrder order = new CheckoutOrder(destination, money(o, "--price", currency, true), categories,
                o.containsKey("--ioss"), o.containsKey("--excise"), o.get("--origin"), decimal(o, "--duty-rate", false));
        CheckoutQuote q = new CheckoutTax(rules).quote(order, date);
        out.println("treatment        " + q.treatment());
        out.println("rules of         " + q.rulesDate());
        out.println("VAT              " + amount(q.vat()) + " " + currency);
        out.println("duty             " + amount(q.duty()) + " " + currency);
        out.println("collected        " + (q.collectedAtCheckout() ? "at checkout" : "at import"));
        out.println("RESULT treatment=" + q.treatment() + " tax=" + amount(q.total()) + " collected_at_checkout="
                + q.collectedAtCheckout());
        return 0;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v.strip();
    }

    private static Money money(Map<String, String> o, String name, String currency, boolean needed) {
        String v = needed ? required(o, name) : o.getOrDefault(name, "0");
        try {
            return Money.ofMajor(v.replace(",", ""), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an amount such as 3000 or 12.50, not '" + v + "'");
        }
    }

    private static BigDecimal decimal(Map<String, String> o, String name, boolean needed) {
        String v = needed ? required(o, name) : o.getOrDefault(name, "0");
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a decimal such as 0.13, not '" + v + "'");
        }
    }

    static String amount(Money m) {
        return m.toMajor().toPlainString();
    }

    private static int usage(PrintStream err, String message) {
        err.println("bin/finbridge tax quote: " + message);
        err.println(USAGE);
        return 2;
    }
}
