package org.finbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.finbridge.party.IdentifierKind;
import org.finbridge.party.Identifiers;
import org.finbridge.party.Validation;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge validate <kind> <value>} prints {@code valid} or {@code invalid: <reason>};
 * {@code bin/finbridge validate <kind> --file <file>} checks one value per line and prints
 * {@code <value>,valid} or {@code <value>,invalid,<reason>} for each. Exit status 0 when everything is
 * valid, 1 when anything is not, 2 for a usage error.
 */
public final class ValidateCommand implements Command {

    private static final String KINDS =
            Arrays.stream(IdentifierKind.values()).map(IdentifierKind::cliName).collect(Collectors.joining("|"));
    private static final String USAGE = "usage: bin/finbridge validate <" + KINDS + "> <value>\n"
            + "       bin/finbridge validate <" + KINDS + "> --file <file>";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Clock clock;

    /**
     * Resident ids carry a birth date that must not lie in the future. The date that matters is the
     * date in China, where the ids are issued, whatever the zone of the machine running the command.
     */
    public ValidateCommand() {
        this(Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    ValidateCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check identifiers: validate <" + KINDS + "> <value> | --file <file>";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        if (args.size() < 2) {
            return usageError(err, args.isEmpty() ? "missing kind and value" : "missing value");
        }
        Optional<IdentifierKind> kind = IdentifierKind.ofCliName(args.get(0));
        if (kind.isEmpty()) {
            return usageError(err, "unknown kind '" + args.get(0) + "', expected one of " + KINDS.replace('|', ' '));
        }
        if (args.get(1).equals("--file")) {
            if (args.size() != 3) {
                return usageError(err, "--file takes exactly one file");
            }
            return validateFile(kind.get(), Path.of(args.get(2)), out, err);
        }
        // an IBAN pasted in its printed form arrives as several words
        return validateOne(kind.get(), String.join(" ", args.subList(1, args.size())), out);
    }

    private int validateOne(IdentifierKind kind, String value, PrintStream out) {
        Validation result = Identifiers.validate(kind, value, LocalDate.now(clock));
        switch (result) {
            case Validation.Valid valid -> out.println("valid");
            case Validation.Invalid invalid -> out.println("invalid: " + invalid.reason());
        }
        return result.isValid() ? 0 : 1;
    }

    private int validateFile(IdentifierKind kind, Path file, PrintStream out, PrintStream err) {
        LocalDate today = LocalDate.now(clock);
        boolean allValid = true;
        // a strict decoder: a file in another encoding is a usage error, not a column of odd failures
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()))) {
            boolean first = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (first && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
                first = false;
                String value = line.strip();
                if (value.isEmpty()) {
                    continue;
                }
                Validation result = Identifiers.validate(kind, value, today);
                switch (result) {
                    case Validation.Valid valid -> out.println(csvField(value) + ",valid");
                    case Validation.Invalid invalid ->
                            out.println(csvField(value) + ",invalid," + invalid.reason().replace(',', ';'));
                }
                allValid &= result.isValid();
            }
        } catch (NoSuchFileException e) {
            return usageError(err, "no such file: " + file);
        } catch (CharacterCodingException e) {
            return usageError(err, file + " is not UTF-8 text");
        } catch (IOException e) {
            return usageError(err, "cannot read " + file + ": " + e.getMessage());
        }
        return allValid ? 0 : 1;
    }

    /** The value as read; quoted as RFC 4180 asks only when it would otherwise break the columns. */
    private static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static int usageError(PrintStream err, String message) {
        err.println("bin/finbridge validate: " + message);
        err.println(USAGE);
        return 2;
    }
}
