package org.finbridge.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Dispatches {@code bin/finbridge <command> [args]} to a {@link Command}. Commands are found with
 * {@link ServiceLoader} (listed in {@code META-INF/services/org.finbridge.cli.Command}), so a command
 * that needs no database is found without starting Spring.
 */
public final class Cli {

    private Cli() {
    }

    /**
     * True when the arguments are a command line rather than server options: the first argument is a
     * word, not a {@code --property=value}. An unknown word is answered with the usage, never by
     * starting the server.
     */
    public static boolean handles(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** Runs the command named by the arguments and answers its exit status. */
    public static int run(String[] args, Class<?> application) {
        return run(args, application, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    /** Runs a command with its output and errors going to the given streams. */
    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        Optional<Match> match = find(args);
        if (match.isEmpty()) {
            if (!(args[0].equals("help") || args[0].equals("commands"))) {
                err.println("bin/finbridge: unknown command '" + String.join(" ", args) + "'");
            }
            usage(out);
            return args.length > 0 && (args[0].equals("help") || args[0].equals("commands")) ? 0 : 2;
        }
        Command command = match.get().command();
        List<String> rest = match.get().rest();
        try {
            if (!command.needsApplication()) {
                return command.run(rest, null, out, err);
            }
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off", "logging.level.root=WARN",
                            "spring.main.log-startup-info=false", "finbridge.scheduling.enabled=false",
                            // a one-off command leaves events that wait for delivery to the server nodes
                            "spring.modulith.events.republish-outstanding-events-on-restart=false",
                            "finbridge.events.resubmit.enabled=false")
                    .properties(command.properties().toArray(String[]::new))
                    .run(springArguments(rest))) {
                return command.run(withoutSpringArguments(rest), context, out, err);
            }
        } catch (IllegalArgumentException e) {
            err.println("bin/finbridge " + command.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("bin/finbridge " + command.name() + " failed: " + e);
            return 1;
        }
    }

    record Match(Command command, List<String> rest) {
    }

    static Optional<Match> find(String[] args) {
        List<Command> commands = commands();
        // the longest name that the arguments start with: "audit verify" before "audit"
        return commands.stream()
                .sorted(Comparator.comparingInt((Command c) -> c.name().split(" ").length).reversed())
                .filter(c -> startsWith(args, c.name().split(" ")))
                .findFirst()
                .map(c -> new Match(c, List.of(args).subList(c.name().split(" ").length, args.length)));
    }

    private static boolean startsWith(String[] args, String[] words) {
        return args.length >= words.length && Arrays.equals(Arrays.copyOf(args, words.length), words);
    }

    static List<Command> commands() {
        List<Command> all = new ArrayList<>();
        ServiceLoader.load(Command.class).forEach(all::add);
        return all;
    }

    private static void usage(PrintStream out) {
        out.println("usage: bin/finbridge <command> [arguments]");
        out.println();
        out.println("  run                       start the platform (web server, embedded database by default)");
        out.println("  test                      run the test suite (mvn verify)");
        commands().stream().sorted(Comparator.comparing(Command::name))
                .forEach(c -> out.printf("  %-25s %s%n", c.name(), c.summary()));
    }

    private static String[] springArguments(List<String> args) {
        return args.stream().filter(a -> a.startsWith("--spring.") || a.startsWith("--finbridge.")).toArray(String[]::new);
    }

    private static List<String> withoutSpringArguments(List<String> args) {
        return args.stream().filter(a -> !(a.startsWith("--spring.") || a.startsWith("--finbridge."))).toList();
    }
}
