package org.finbridge.cli;

import java.io.PrintStream;
import java.util.List;
import org.finbridge.demo.DemoLogins;
import org.springframework.context.ApplicationContext;

/** {@code bin/finbridge demo totp <secret>}: the current authenticator code of a demo login's TOTP secret. */
public final class DemoTotpCommand implements Command {

    @Override
    public String name() {
        return "demo totp";
    }

    @Override
    public String summary() {
        return "the current code of a demo login's TOTP secret (for people without an authenticator app)";
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        if (args.size() != 1 || !args.getFirst().matches("[A-Z2-7]{16,64}")) {
            throw new IllegalArgumentException("give the base32 TOTP secret printed with the demo logins");
        }
        // a command without the application context has no injected clock: the code is for the wall-clock time
        out.println(DemoLogins.currentCode(args.getFirst(), java.time.Instant.ofEpochMilli(System.currentTimeMillis())));
        return 0;
    }
}
