package org.finbridge.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.finbridge.audit.AuditVerifier;
import org.finbridge.audit.Verification;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge audit verify}: recomputes the whole audit chain on the configured database and
 * exits 0 when it is intact, 1 at the first record where it breaks. It also reports the records
 * staged but not chained yet (how many, how old), and exits 1 when one of them was altered.
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
        Verification verification = context.getBean(AuditVerifier.class).verify();
        Verification.Backlog backlog = verification.backlog();
        String staged = "";
        if (backlog.records() > 0) {
            out.println(staged(backlog, context.getBeanProvider(Clock.class).getIfAvailable()));
            staged = " staged=" + backlog.records() + " staged_altered=" + backlog.altered();
        }
        return switch (verification) {
            case Verification.Intact intact -> {
                out.println("intact: " + intact.records() + " records, last hash " + intact.lastHash());
                if (backlog.altered() > 0) {
                    // the chain holds, but a record waiting to join it was changed: that is tampering too
                    out.println("RESULT status=staged_altered records=" + intact.records() + staged);
                    yield 1;
                }
                out.println("RESULT status=intact records=" + intact.records() + staged);
                yield 0;
            }
            case Verification.Broken broken -> {
                out.println("broken at sequence " + broken.firstBadSequence() + ": " + broken.reason());
                out.println("RESULT status=broken first_bad_sequence=" + broken.firstBadSequence() + staged);
                yield 1;
            }
        };
    }

    private static String staged(Verification.Backlog backlog, Clock clock) {
        StringBuilder line = new StringBuilder("staged: ").append(backlog.records())
                .append(" records not chained yet");
        if (backlog.oldestRecordedAt() != null) {
            line.append(", oldest recorded ").append(backlog.oldestRecordedAt());
            if (clock != null) {
                Duration age = Duration.between(backlog.oldestRecordedAt(), clock.instant());
                line.append(" (").append(Math.max(0, age.toMillis())).append(" ms ago)");
            }
        }
        if (backlog.altered() > 0) {
            line.append("; ").append(backlog.altered()).append(" altered, the first is staged record ")
                    .append(backlog.firstAlteredId());
        }
        return line.toString();
    }
}
