package org.finbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.CreditDebit;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.StatementEntry;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge bank-statement parse <file>}: reads a camt.053 or camt.054 file (versions .02 to
 * .08) and prints one CSV line per entry,
 * {@code statement_id,account,booking_date,value_date,credit_debit,amount_minor,currency,reversal,end_to_end_id,bank_reference},
 * then {@code RESULT statements=<n> entries=<n> credits=<CUR:minor,…> debits=<CUR:minor,…>}. A file it
 * cannot read prints no CSV line at all, a reason on stderr, and exits 1 (2 for a usage error). It
 * stores nothing and needs no database.
 */
public final class BankStatementParseCommand implements Command {

    private static final String USAGE = "usage: bin/finbridge bank-statement parse <file>";

    @Override
    public String name() {
        return "bank-statement parse";
    }

    @Override
    public String summary() {
        return "print a camt.053/054 file's entries as CSV and their totals (stores nothing)";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("bin/finbridge bank-statement parse: " + (args.isEmpty() ? "missing file" : "takes one file"));
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(args.getFirst());
        ParseResult<List<BankStatement>> result;
        try (InputStream in = Files.newInputStream(file)) {
            result = BankStatements.parse(in);
        } catch (NoSuchFileException e) {
            err.println("bin/finbridge bank-statement parse: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("bin/finbridge bank-statement parse: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        return switch (result) {
            case ParseResult.Parsed<List<BankStatement>> parsed -> {
                print(parsed.value(), out);
                yield 0;
            }
            case ParseResult.Refused<List<BankStatement>> refused -> {
                err.println("bin/finbridge bank-statement parse: " + file + " refused: " + refused.refusal().message());
                yield 1;
            }
        };
    }

    /** Everything is formatted before the first line is printed, so the output is the whole file or nothing. */
    static void print(List<BankStatement> statements, PrintStream out) {
        List<String> lines = new ArrayList<>();
        Map<String, Long> credits = new TreeMap<>();
        Map<String, Long> debits = new TreeMap<>();
        int entries = 0;
        for (BankStatement s : statements) {
            for (StatementEntry e : s.entries()) {
                lines.add(csvLine(s, e));
                Map<String, Long> totals = e.creditDebit() == CreditDebit.CRDT ? credits : debits;
                totals.merge(e.amount().currency().code(), e.amount().minorUnits(), Math::addExact);
                entries++;
            }
        }
        lines.add("RESULT statements=" + statements.size() + " entries=" + entries + " credits=" + totals(credits)
                + " debits=" + totals(debits));
        lines.forEach(out::println);
    }

    private static String csvLine(BankStatement s, StatementEntry e) {
        return String.join(",", csv(s.statementId()), csv(s.account().value()),
                e.bookingDate() == null ? "" : e.bookingDate().toString(),
                e.valueDate() == null ? "" : e.valueDate().toString(),
                e.creditDebit().name(), Long.toString(e.amount().minorUnits()), e.amount().currency().code(),
                Boolean.toString(e.reversal()), csv(e.endToEndId()), csv(e.bankReference()));
    }

    /** RFC 4180: quoted only when a comma, quote or line break would otherwise break the columns. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String totals(Map<String, Long> byCurrency) {
        return byCurrency.entrySet().stream().map(t -> t.getKey() + ":" + t.getValue()).collect(Collectors.joining(","));
    }
}
