package org.finbridge.cli;

import java.io.PrintStream;
import java.util.List;
import org.finbridge.party.OperatorBootstrap;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge operator bootstrap --email <address> [--country <ISO 3166 alpha-2>]}: creates the
 * operator party (once), a first console administrator and an all-scope API key, and prints their
 * secrets this once.
 */
public final class OperatorBootstrapCommand implements Command {

    @Override
    public String name() {
        return "operator bootstrap";
    }

    @Override
    public String summary() {
        return "create the operator party, a first administrator and an API key (--email, --country)";
    }

    @Override
    public boolean needsApplication() {
        return true;
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        String email = option(args, "--email");
        String country = option(args, "--country");
        if (email == null) {
            throw new IllegalArgumentException("usage: operator bootstrap --email <address> [--country <code>]");
        }
        return switch (context.getBean(OperatorBootstrap.class).bootstrap(email, country == null ? "CN" : country)) {
            case OperatorBootstrap.Result.Bootstrapped b -> {
                out.println("operator party   " + b.operator());
                out.println("administrator    " + b.administrator().email() + " (" + b.administrator().id() + ")");
                out.println("password         " + b.password());
                out.println("api key          " + b.keySecret());
                out.println();
                out.println("Shown once. Enrol an authenticator: POST /console/totp-enrolment, then log in at "
                        + "POST /console/session. Use the key as 'Authorization: Bearer <key>'.");
                yield 0;
            }
            case OperatorBootstrap.Result.Refused r -> {
                err.println("refused: " + r.reason());
                yield 1;
            }
        };
    }

    private static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(name + "=")) {
                return args.get(i).substring(name.length() + 1);
            }
        }
        return null;
    }
}
