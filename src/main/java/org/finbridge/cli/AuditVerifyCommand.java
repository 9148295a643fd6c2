package org.finbridge.cli;

import java.io.PrintStream;
import java.util.List;
import org.finbridge.audit.AuditVerifier;
import org.finbridge.audit.Verification;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge audit verify}: recomputes the whole audit chain on the configured database and
 * exits 0 when it is intact, 1 at the first record where it breaks.
 */
public final class AuditVerifyCommand implements Command {

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String summary() {
        return "recompute the audit log's hash chain; exit 1 at the first tampered record";
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
        return switch (context.getBean(AuditVerifier.class).verify()) {
            case Verification.Intact intact -> {
                out.println("intact: " + intact.records() + " records, last hash " + intact.lastHash());
                out.println("RESULT status=intact records=" + intact.records());
                yield 0;
            }
            case Verification.Broken broken -> {
                out.println("broken at sequence " + broken.firstBadSequence() + ": " + broken.reason());
                out.println("RESULT status=broken first_bad_sequence=" + broken.firstBadSequence());
                yield 1;
            }
        };
    }
}
