package org.finbridge.platform;

import java.util.Optional;

/**
 * Who the current request acts as, for the audit log: set by authentication for the duration of the
 * request, read by every module that writes audit records (each names the actor and its role).
 * Requests run one per thread (virtual threads), so a thread-local is the request scope here.
 */
public final class Acting {

    /** @param name e.g. {@code key:fbk_ab12cd34ef56} or {@code user:ana@example.com}; @param role the role acted in */
    public record As(String name, String role) {
    }

    private static final ThreadLocal<As> CURRENT = new ThreadLocal<>();

    private Acting() {
    }

    public static Optional<As> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} as {@code as}, restoring whatever was current before. */
    public static void run(As as, ThrowingRunnable work) throws Exception {
        As before = CURRENT.get();
        CURRENT.set(as);
        try {
            work.run();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
