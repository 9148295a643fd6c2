package org.finbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.finbridge.risk.sanctions.InvalidListException;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.LoadedList;
import org.finbridge.risk.sanctions.SanctionsFiles;
import org.finbridge.risk.sanctions.ScreeningHit;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.ScreeningResult;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge sanctions screen --list <file> --format <ofac|un|csv> --names <file>} reads the list
 * file (no database), screens each line of the names file (UTF-8, one name per line) and prints one CSV
 * line per name: {@code query,list_entry_id,matched_name,score} for the best hit, or the query followed
 * by empty fields when nothing reaches the threshold. Options: {@code --alt} / {@code --add} for OFAC's
 * alias and address files, {@code --threshold} (default 0.88). Exit status 0 when every name was
 * screened, 2 for a usage error or a list or names file that cannot be read.
 */
public final class SanctionsScreenCommand implements Command {

    private static final String USAGE = "usage: bin/finbridge sanctions screen --list <file> --format <ofac|un|csv> "
            + "--names <file> [--alt <alt.csv>] [--add <add.csv>] [--threshold 0.88]";
    private static final Set<String> OPTIONS = Set.of("--list", "--format", "--names", "--alt", "--add", "--threshold");

    @Override
    public String name() {
        return "sanctions screen";
    }

    @Override
    public String summary() {
        return "screen names against a list file: --list <file> --format <ofac|un|csv> --names <file>";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!OPTIONS.contains(args.get(i)) || i + 1 >= args.size()) {
                return usage(err, "unexpected argument '" + args.get(i) + "'");
            }
            options.put(args.get(i), args.get(i + 1));
        }
        for (String required : List.of("--list", "--format", "--names")) {
            if (!options.containsKey(required)) {
                return usage(err, "missing " + required);
            }
        }
        Optional<ListFormat> format = ListFormat.parse(options.get("--format"));
        if (format.isEmpty()) {
            return usage(err, "unknown format '" + options.get("--format") + "', expected ofac, un or csv");
        }
        BigDecimal threshold;
        try {
            threshold = new BigDecimal(options.getOrDefault("--threshold", SanctionsFiles.DEFAULT_THRESHOLD.toPlainString()));
        } catch (NumberFormatException e) {
            return usage(err, "--threshold must be a number such as 0.88");
        }
        if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            return usage(err, "--threshold must be in (0, 1]");
        }
        LoadedList list;
        try {
            list = SanctionsFiles.load(format.get(), read(options.get("--list")), readOptional(options.get("--alt")),
                    readOptional(options.get("--add")), threshold);
        } catch (NoSuchFileException e) {
            return usage(err, "no such file: " + e.getFile());
        } catch (IOException e) {
            return usage(err, "cannot read a list file: " + e.getMessage());
        } catch (InvalidListException e) {
            return usage(err, "the list cannot be read: " + e.getMessage());
        }
        err.println("list: " + list.entryCount() + " entries, " + list.names().size() + " names"
                + (list.skipped().isEmpty() ? "" : "; skipped " + String.join("; ", list.skipped())));
        return screenNames(list, Path.of(options.get("--names")), out, err);
    }

    private static int screenNames(LoadedList list, Path names, PrintStream out, PrintStream err) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(names),
                StandardCharsets.UTF_8.newDecoder()))) {
            boolean first = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                first = false;
                String query = line.strip();
                if (query.isEmpty()) {
                    continue;
                }
                out.println(line(query, list.screen(ScreeningQuery.of(query))));
            }
        } catch (NoSuchFileException e) {
            return usage(err, "no such file: " + names);
        } catch (CharacterCodingException e) {
            return usage(err, names + " is not UTF-8 text");
        } catch (IOException e) {
            return usage(err, "cannot read " + names + ": " + e.getMessage());
        }
        return 0;
    }

    static String line(String query, ScreeningResult result) {
        if (result instanceof ScreeningResult.Screened s && !s.hits().isEmpty()) {
            ScreeningHit best = s.hits().getFirst();
            return csv(query) + "," + csv(best.entryId()) + "," + csv(best.matchedName()) + "," + best.score().toPlainString();
        }
        return csv(query) + ",,,";
    }

    /** RFC 4180: quoted when the field holds a comma, a quote or a line break. */
    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(Path.of(file));
    }

    private static byte[] readOptional(String file) throws IOException {
        return file == null ? null : read(file);
    }

    private static int usage(PrintStream err, String message) {
        err.println("bin/finbridge sanctions screen: " + message);
        err.println(USAGE);
        return 2;
    }
}
