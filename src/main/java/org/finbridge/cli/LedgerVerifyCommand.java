package org.finbridge.cli;

import java.io.PrintStream;
import java.util.List;
import org.finbridge.ledger.LedgerInvariants;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge ledger verify}: runs the ledger's invariant sweep on the configured database (for
 * example after restoring a backup, or before an upgrade) and exits 0 when no money was lost, created or
 * doubled, 1 with every broken rule otherwise.
 */
public final class LedgerVerifyCommand implements Command {

    @Override
    public String name() {
        return "ledger verify";
    }

    @Override
    public String summary() {
        return "run the ledger's invariant sweep; exit 1 with every broken rule";
    }

    @Override
    public boolean needsApplication() {
        return true;
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("takes no arguments, got " + String.join(" ", args));
        }
        LedgerInvariants.Report report = context.getBean(LedgerInvariants.class).sweep();
        report.violations().forEach(v -> out.println("violation: " + v.rule() + ": " + v.detail()));
        out.println(report);
        out.println("RESULT status=" + (report.isClean() ? "clean" : "violated") + " accounts=" + report.accounts()
                + " transfers=" + report.transfers() + " violations=" + report.violations().size());
        return report.isClean() ? 0 : 1;
    }
}
