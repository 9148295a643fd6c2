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

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestKeys() {
    }

    /** The running request's key as "<client> <key> <generation>", or null outside an idempotent request. */
    static String current() {
        return CURRENT.get();
    }

    /**
     * @param generation when the key was first claimed: a key purged after its retention and used again is
     *                   another request, and must not find the first one's payment
     */
    static <T> T runAs(String clientId, String key, Instant generation, Supplier<T> action) {
        String outer = CURRENT.get();
        CURRENT.set(clientId + " " + key + " " + generation.toEpochMilli());
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
