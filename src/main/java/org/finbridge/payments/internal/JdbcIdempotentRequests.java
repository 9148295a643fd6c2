package org.finbridge.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.finbridge.payments.IdempotentRequests;
import org.finbridge.platform.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys in the {@code idempotency_keys} table. Claiming a key is an INSERT: the primary key
 * (client, key) lets exactly one request on any node win; the others read the row and answer the
 * stored response, 409 while it is in flight, or 422 when their request differs. A request is the same
 * when its method, path and body content are: the body's JSON is fingerprinted with a keyed HMAC, so
 * the table never holds the request (which may carry a card number).
 */
@Component
class JdbcIdempotentRequests implements IdempotentRequests {

    private static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PaymentsProperties properties;
    private final JsonMapper json;
    private final SecretKeySpec fingerprintKey;

    JdbcIdempotentRequests(JdbcClient jdbc, Clock clock, PaymentsProperties properties, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        this.fingerprintKey = new SecretKeySpec(properties.fingerprintSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private record Stored(String fingerprint, String status, UUID claim, Instant lockedUntil, Integer responseStatus,
                          String contentType, String location, String body, Instant createdAt) {
    }

    @Override
    public ResponseEntity<byte[]> execute(String clientId, String key, boolean keyRequired, String operation,
                                          Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null || key.isEmpty()) {
            return keyRequired ? problem(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED",
                    "this request moves money: send an " + HEADER + " header") : serialize(action.get());
        }
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return problem(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID",
                    "an " + HEADER + " is 1 to 255 visible ASCII characters");
        }
        String fingerprint = fingerprint(operation, request);
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        // claimed in one round trip when the key is new (the usual case); the claim's insert checks for the
        // key first, so a replay, a reuse or a request in flight writes nothing, and is then read
        Stored s = null;
        if (!claim(clientId, key, fingerprint, claim, now)) {
            s = find(clientId, key).orElse(null);
            if (s == null) {
                // released between our insert and our read: in use a moment ago, the client retries
                return inUse();
            }
        }
        if (s != null) {
            if (!s.fingerprint().equals(fingerprint)) {
                return problem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                        "this " + HEADER + " was used for another request");
            }
            if ("COMPLETED".equals(s.status())) {
                return replay(s);
            }
            if (s.lockedUntil().isAfter(now) || !takeOver(clientId, key, s.claim(), claim, now)) {
                return inUse();
            }
        }
        ResponseEntity<byte[]> response;
        try {
            // the key's generation: the same for a retry that takes it over, another once it was purged and reused
            Instant generation = s == null ? now : s.createdAt();
            response = serialize(RequestKeys.runAs(clientId, key, generation, s == null, action));
        } catch (RuntimeException e) {
            endLease(clientId, key, claim);
            throw e;
        }
        int status = response.getStatusCode().value();
        if (status >= 500) {
            endLease(clientId, key, claim);
        } else if (status == 409 || status == 429) {
            release(clientId, key, claim);
        } else {
            store(clientId, key, claim, response);
        }
        return response;
    }

    @Override
    public int purgeExpired() {
        return jdbc.sql("delete from idempotency_keys where created_at < :before and locked_until < :now")
                .param("before", PaymentStore.at(clock.instant().minus(properties.idempotencyRetention())))
                .param("now", PaymentStore.at(clock.instant())).update();
    }

    /** Claims a new key: false when the key is there already (also when a concurrent first request took it). */
    private boolean claim(String clientId, String key, String fingerprint, UUID claim, Instant now) {
        try {
            return jdbc.sql("""
                    insert into idempotency_keys (client_id, idem_key, fingerprint, status, claim, locked_until, created_at)
                    select :client, :key, :fp, 'IN_FLIGHT', :claim, :until, :now
                    where not exists (select 1 from idempotency_keys where client_id = :client and idem_key = :key)""")
                    .param("client", clientId).param("key", key).param("fp", fingerprint).param("claim", claim)
                    .param("until", PaymentStore.at(now.plus(properties.idempotencyLease())))
                    .param("now", PaymentStore.at(now)).update() == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** A request whose node died holds its key only until its lease ends; then a retry may run it again. */
    private boolean takeOver(String clientId, String key, UUID old, UUID claim, Instant now) {
        return jdbc.sql("""
                update idempotency_keys set claim = :claim, locked_until = :until
                where client_id = :client and idem_key = :key and claim = :old and status = 'IN_FLIGHT'""")
                .param("claim", claim).param("until", PaymentStore.at(now.plus(properties.idempotencyLease())))
                .param("client", clientId).param("key", key).param("old", old).update() == 1;
    }

    private void store(String clientId, String key, UUID claim, ResponseEntity<byte[]> r) {
        MediaType type = r.getHeaders().getContentType();
        String location = r.getHeaders().getFirst(HttpHeaders.LOCATION);
        jdbc.sql("""
                update idempotency_keys set status = 'COMPLETED', response_status = :status, response_content_type = :type,
                    response_location = :location, response_body = :body, completed_at = :now
                where client_id = :client and idem_key = :key and claim = :claim""")
                .param("status", r.getStatusCode().value()).param("type", type == null ? null : type.toString())
                .param("location", location)
                .param("body", r.getBody() == null ? null : new String(r.getBody(), StandardCharsets.UTF_8))
                .param("now", PaymentStore.at(clock.instant())).param("client", clientId).param("key", key)
                .param("claim", claim).update();
    }

    /**
     * A server error may come after the action committed its work (a payment authorized, then the answer
     * failed on an exhausted connection pool). Deleting the key would let the retry claim it afresh, as a
     * first attempt of a new generation that cannot see that work, and charge the buyer twice. So the key
     * stays in flight with its lease ended: the retry takes it over as a later attempt of the same
     * generation, finds what was committed under the key and answers with it, or runs the request if
     * nothing was.
     */
    private void endLease(String clientId, String key, UUID claim) {
        jdbc.sql("update idempotency_keys set locked_until = :now where client_id = :client and idem_key = :key and claim = :claim")
                .param("now", PaymentStore.at(clock.instant())).param("client", clientId).param("key", key)
                .param("claim", claim).update();
    }

    /** A 409 or 429 ran nothing: the key is free again, for this request or another. */
    private void release(String clientId, String key, UUID claim) {
        jdbc.sql("delete from idempotency_keys where client_id = :client and idem_key = :key and claim = :claim")
                .param("client", clientId).param("key", key).param("claim", claim).update();
    }

    private Optional<Stored> find(String clientId, String key) {
        return jdbc.sql("""
                select fingerprint, status, claim, locked_until, response_status, response_content_type,
                    response_location, response_body, created_at
                from idempotency_keys where client_id = :client and idem_key = :key""")
                .param("client", clientId).param("key", key)
                .query((rs, n) -> {
                    int status = rs.getInt(5);
                    Integer responseStatus = rs.wasNull() ? null : status;
                    return new Stored(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), responseStatus,
                            rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, java.time.OffsetDateTime.class).toInstant());
                }).optional();
    }

    private static ResponseEntity<byte[]> replay(Stored s) {
        var builder = ResponseEntity.status(s.responseStatus()).header(REPLAYED_HEADER, "true");
        if (s.contentType() != null) {
            builder.contentType(MediaType.parseMediaType(s.contentType()));
        }
        if (s.location() != null) {
            builder.header(HttpHeaders.LOCATION, s.location());
        }
        return builder.body(s.body() == null ? null : s.body().getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> inUse() {
        return problem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                "a request with this " + HEADER + " is still being processed: retry shortly");
    }

    /** The response as JSON bytes, written once: the first answer and every replay are the same bytes. */
    private ResponseEntity<byte[]> serialize(ResponseEntity<?> r) {
        Object body = r.getBody();
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : json.writeValueAsBytes(body);
        MediaType type = r.getHeaders().getContentType();
        if (type == null && body != null) {
            type = body instanceof ProblemDetail ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(r.getHeaders());
        if (type != null) {
            headers.setContentType(type);
        }
        return new ResponseEntity<>(bytes, headers, r.getStatusCode());
    }

    private ResponseEntity<byte[]> problem(HttpStatus status, String code, String detail) {
        return serialize(Problems.response(status, code, detail));
    }

    private String fingerprint(String operation, Object request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            mac.update(operation.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            if (request != null) {
                mac.update(json.writeValueAsBytes(request));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
