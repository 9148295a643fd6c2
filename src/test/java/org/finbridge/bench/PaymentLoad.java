package org.finbridge.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;

/**
 * The requests of the API benchmark: the bare endpoint, and the payment a merchant's checkout sends —
 * create, confirm and capture in one call ({@code confirm: true}, automatic capture) with an
 * Idempotency-Key, which runs the risk hook, routing to the zero-latency simulated card acquirer, the
 * ledger hold and its post.
 */
final class PaymentLoad {

    static final String BARE_PATH = "/bench/bare";
    static final String PAYMENTS_PATH = "/api/v1/payments";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String apiKey;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    PaymentLoad(int port, String apiKey) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    /** A merchant with a payments key, made through the real registration and key services. */
    static String merchantKey(Parties parties, ApiKeys keys) {
        Registration r = parties.register(new NewParty(PartyKind.MERCHANT, "DE", "Benchmark merchant " + UUID.randomUUID(),
                null, "bench@merchant.test", null, Map.of()));
        if (!(r instanceof Registration.Registered registered)) {
            throw new IllegalStateException("could not register the benchmark merchant: " + r);
        }
        PartyId merchant = registered.party().id();
        if (keys.issue(merchant, EnumSet.of(ApiScope.PAYMENTS_READ, ApiScope.PAYMENTS_WRITE), "api benchmark", "bench")
                instanceof ApiKeyResult.Issued issued) {
            return issued.secret();
        }
        throw new IllegalStateException("could not issue the benchmark key");
    }

    /** The bare endpoint: HTTP and JSON only, no key to check, with a body like a payment's. */
    HttpRequest bare(long i) {
        String body = """
                {"amount":%d,"currency":"EUR","orderReference":"bare-%s-%d"}""".formatted(amount(i), run, i);
        return HttpRequest.newBuilder(URI.create(base + BARE_PATH)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Authorize and capture payment {@code i} of a series; the same {@code (series, i)} is the same request. */
    HttpRequest authorizeAndCapture(String series, long i) {
        String body = """
                {"amount":%d,"currency":"EUR","orderReference":"order-%s-%s-%d","buyer":{"country":"DE"},
                 "method":{"type":"CARD","card":{"number":"4242424242424242","expMonth":12,"expYear":2099,"cvc":"123"}},
                 "captureMethod":"AUTOMATIC","confirm":true}""".formatted(amount(i), run, series, i);
        return HttpRequest.newBuilder(URI.create(base + PAYMENTS_PATH)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", run + "-" + series + "-" + i)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long amount(long i) {
        return 1_000 + (i * 7919) % 90_000;
    }

    static boolean created(int status) {
        return status == 201;
    }

    static boolean ok(int status) {
        return status == 200;
    }
}
