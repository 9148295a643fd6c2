package org.finbridge.payments.internal;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The idempotency key of the request this thread is running, set by {@link JdbcIdempotentRequests} around
 * the request's action. The payment or step the action starts carries it, so that when a retry takes the
 * key over from a request whose node died after committing work (its lease ran out), the retry finds that
 * work and answers with it instead of charging the buyer again (Stripe's idempotency contract: one effect
 * per key, whichever node runs it).
 */
final class RequestKeys {

    private record Running(String key, boolean firstAttempt) {
    }

    private static final ThreadLocal<Running> CURRENT = new ThreadLocal<>();

    private RequestKeys() {
    }

    /** The running request's key as "<client> <key> <generation>", or null outside an idempotent request. */
    static String current() {
        Running r = CURRENT.get();
        return r == null ? null : r.key();
    }

    /**
     * Whether the running request claimed its key just now, with no earlier attempt: then no payment or
     * step can carry its key yet, and looking for one would be a round trip for nothing.
     */
    static boolean firstAttempt() {
        Running r = CURRENT.get();
        return r != null && r.firstAttempt();
    }

    /**
     * @param generation when the key was first claimed: a key purged after its retention and used again is
     *                   another request, and must not find the first one's payment
     * @param firstAttempt the key was claimed by this request, not taken over from one whose node died
     */
    static <T> T runAs(String clientId, String key, Instant generation, boolean firstAttempt, Supplier<T> action) {
        Running outer = CURRENT.get();
        CURRENT.set(new Running(clientId + " " + key + " " + generation.toEpochMilli(), firstAttempt));
        try {
            return action.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
