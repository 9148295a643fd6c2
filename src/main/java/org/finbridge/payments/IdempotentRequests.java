package org.finbridge.payments;

import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Stripe's Idempotency-Key semantics for any module's money-moving POST.
 *
 * <ul>
 *   <li>Keys are scoped per client (the API key or actor id): two clients may use the same key.</li>
 *   <li>Same key, same request (method, path and body content) → the stored response: same status, same
 *       body bytes, header {@code Idempotent-Replayed: true}; nothing runs again.</li>
 *   <li>Same key, another request → 422 IDEMPOTENCY_KEY_REUSED.</li>
 *   <li>While the first request is still running → 409 IDEMPOTENCY_KEY_IN_USE.</li>
 *   <li>Responses are kept at least 24 hours ({@code finbridge.idempotency.retention}), then purged.
 *       Server errors (5xx), 409 and 429 answers are not kept: they are about the moment, not the
 *       request, so a retry with the same key runs again (Stripe does the same). After a server error
 *       the key stays bound to the request (a retry must send the same one): work the failed attempt
 *       committed before it failed is found by the retry and answered, never done twice.</li>
 * </ul>
 * The keys live in one table with a unique (client, key) constraint, so several application nodes on
 * one database agree on who runs a request.
 *
 * <p>Use from a controller:
 * <pre>{@code
 * return idempotency.execute(actor.id(), key, true, "POST /api/v1/payments/" + id + "/capture", body,
 *         () -> toResponse(payments.capture(actor, id, body.amount(), body.finalCapture())));
 * }</pre>
 */
public interface IdempotentRequests {

    String HEADER = "Idempotency-Key";
    String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Runs {@code action} once for this client and key and answers its response as JSON bytes, or the
     * stored response of the first run.
     *
     * @param clientId the caller (an API key id or actor id)
     * @param key the client's key (1–255 visible ASCII characters), or null when the client sent none
     * @param keyRequired answer 400 IDEMPOTENCY_KEY_REQUIRED when the key is missing; otherwise a request
     *                    without a key simply runs
     * @param operation the method and concrete path, e.g. {@code POST /api/v1/payments/pay_…/capture}
     * @param request the parsed request body (or null): its JSON form decides "the same request"; it is
     *                only hashed (keyed HMAC), never stored, so a card number in it goes nowhere
     * @param action produces the response; its body is serialized to JSON once, here
     */
    ResponseEntity<byte[]> execute(String clientId, String key, boolean keyRequired, String operation, Object request,
                                   Supplier<ResponseEntity<?>> action);

    /** Deletes keys older than the retention; answers how many. The scheduled purge job's work. */
    int purgeExpired();
}
