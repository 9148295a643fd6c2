package org.finbridge.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.finbridge.webhooks.TestWebhookEvents.CAPTURED;
import static org.finbridge.webhooks.TestWebhookEvents.REFUNDED;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.support.MutableClock;
import org.finbridge.webhooks.AttemptOutcome;
import org.finbridge.webhooks.DeliveryAttempt;
import org.finbridge.webhooks.DeliveryStatus;
import org.finbridge.webhooks.EndpointChange;
import org.finbridge.webhooks.EndpointResult;
import org.finbridge.webhooks.EndpointStatus;
import org.finbridge.webhooks.NewEndpoint;
import org.finbridge.webhooks.PublishResult;
import org.finbridge.webhooks.Receiver;
import org.finbridge.webhooks.DeliveryResult;
import org.finbridge.webhooks.SignatureCheck;
import org.finbridge.webhooks.Callers;
import org.finbridge.webhooks.WebhookDelivery;
import org.finbridge.webhooks.WebhookEndpointId;
import org.finbridge.webhooks.WebhookEndpoints;
import org.finbridge.webhooks.WebhookSignatureVerifier;
import org.finbridge.webhooks.WebhookTest;
import org.finbridge.webhooks.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events reach a merchant's real HTTP server signed, once, after the publisher commits; failures are
 * retried for at least 72 hours with growing delays; 410 Gone disables the endpoint. The dispatcher
 * passes are driven by the test with the clock it moves.
 */
@WebhookTest
class WebhookDeliveryTest {

    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    Receiver receiver;
    Actor merchant;

    @BeforeEach
    void setUp() {
        receiver = Receiver.start();
        merchant = Callers.merchant(clock);
        drain(); // leftovers of earlier tests in this context are sent (or failed) first
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void aPublishedEventArrivesSignedOnceAndIsMarkedDelivered() {
        Registered endpoint = register(List.of(CAPTURED));
        PublishResult published = transaction.execute(s -> webhooks.publish(merchant.partyId(), CAPTURED, "pay_1:captured",
                Map.of("paymentId", "pay_1", "amount", 1250, "currency", "EUR")));
        assertThat(published).isEqualTo(new PublishResult.Published("pay_1:captured", 1));

        assertThat(dispatcher.runOnce()).isEqualTo(1);

        assertThat(receiver.requests()).hasSize(1);
        Receiver.Request request = receiver.requests().getFirst();
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.get("id").asString()).isEqualTo("pay_1:captured");
        assertThat(body.get("type").asString()).isEqualTo(CAPTURED);
        assertThat(body.get("data").get("amount").asLong()).isEqualTo(1250);
        assertThat(request.eventId()).isEqualTo("pay_1:captured");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(new WebhookSignatureVerifier(clock).verify(request.signature(), request.body(), endpoint.secret()))
                .isEqualTo(new SignatureCheck.Valid(clock.instant().truncatedTo(ChronoUnit.SECONDS)));

        WebhookDelivery delivery = onlyDelivery(endpoint.id());
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.history()).extracting(DeliveryAttempt::outcome, DeliveryAttempt::statusCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AttemptOutcome.DELIVERED, 200));

        clock.advance(Duration.ofDays(4));
        assertThat(dispatcher.runOnce()).isZero();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void nothingIsSentBeforeThePublisherCommitsAndNothingEverWhenItRollsBack() throws Exception {
        register(List.of(CAPTURED));
        transaction.executeWithoutResult(status -> {
            webhooks.publish(merchant.partyId(), CAPTURED, "pay_2:captured", Map.of("amount", 1));
            // another node looks while the publisher's transaction is still open
            assertThat(CompletableFuture.supplyAsync(dispatcher::runOnce).join()).isZero();
        });
        assertThat(receiver.requests()).isEmpty();
        assertThat(dispatcher.runOnce()).isEqualTo(1);

        transaction.executeWithoutResult(status -> {
            webhooks.publish(merchant.partyId(), CAPTURED, "pay_3:captured", Map.of("amount", 1));
            status.setRollbackOnly();
        });
        clock.advance(Duration.ofMinutes(5));
        assertThat(dispatcher.runOnce()).isZero();
        assertThat(receiver.requests()).extracting(Receiver.Request::eventId).containsExactly("pay_2:captured");
        assertThat(jdbc.sql("select count(*) from webhook_events where event_id = 'pay_3:captured'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingDelaysForAtLeast72HoursThenTheDeliveryFails() {
        receiver.answer(503);
        Registered endpoint = register(List.of(CAPTURED));
        Instant published = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored
        webhooks.publish(merchant.partyId(), CAPTURED, "pay_4:captured", Map.of("amount", 1));

        WebhookDelivery delivery = onlyDelivery(endpoint.id());
        for (int pass = 0; pass < 100 && delivery.status() == DeliveryStatus.PENDING; pass++) {
            advanceTo(delivery.nextAttemptAt());
            assertThat(dispatcher.runOnce()).isEqualTo(1);
            delivery = onlyDelivery(endpoint.id());
        }

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        List<Instant> attempts = delivery.history().stream().map(DeliveryAttempt::attemptedAt).toList();
        assertThat(receiver.requests()).hasSize(attempts.size());
        assertThat(delivery.history()).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.HTTP_ERROR);
            assertThat(a.statusCode()).isEqualTo(503);
        });
        assertThat(Duration.between(attempts.getFirst(), attempts.getLast())).isGreaterThanOrEqualTo(Duration.ofHours(72));
        assertThat(attempts.getLast()).isEqualTo(delivery.giveUpAt());
        assertThat(Duration.between(published, delivery.giveUpAt())).isGreaterThanOrEqualTo(Duration.ofHours(72));
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)));
        }
        // exponential: 1, 2, 4, … minutes (+ up to 25 % jitter), capped at 6 hours; the last gap ends the window
        for (int i = 0; i < gaps.size() - 1; i++) {
            Duration nominal = Duration.ofMinutes(1L << Math.min(i, 20));
            nominal = nominal.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : nominal;
            assertThat(gaps.get(i)).as("gap %d", i).isBetween(nominal, nominal.plus(nominal.dividedBy(4)));
        }
        assertThat(gaps.get(1)).isGreaterThan(gaps.get(0));
        assertThat(gaps.get(5)).isGreaterThan(gaps.get(4));

        clock.advance(Duration.ofDays(7));
        assertThat(dispatcher.runOnce()).isZero();
        assertThat(receiver.requests()).hasSize(attempts.size());
    }

    @Test
    void aReceiverAnswering410DisablesTheEndpointAndCancelsWhatWasPending() {
        receiver.answer(500);
        Registered endpoint = register(List.of(CAPTURED, REFUNDED));
        webhooks.publish(merchant.partyId(), CAPTURED, "pay_5:captured", Map.of("amount", 1));
        webhooks.publish(merchant.partyId(), REFUNDED, "pay_5:refunded", Map.of("amount", 1));
        assertThat(dispatcher.runOnce()).isEqualTo(2);

        receiver.answer(410);
        WebhookDelivery captured = deliveryOf(endpoint.id(), "pay_5:captured");
        assertThat(endpoints.redeliver(merchant, endpoint.id(), captured.id())).isInstanceOf(DeliveryResult.Scheduled.class);
        assertThat(dispatcher.runOnce()).isEqualTo(1);

        var disabled = endpoints.find(merchant, endpoint.id()).orElseThrow();
        assertThat(disabled.status()).isEqualTo(EndpointStatus.DISABLED);
        assertThat(disabled.disabledReason()).contains("410");
        assertThat(deliveryOf(endpoint.id(), "pay_5:captured").status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(deliveryOf(endpoint.id(), "pay_5:captured").history().getLast().outcome()).isEqualTo(AttemptOutcome.GONE);
        assertThat(deliveryOf(endpoint.id(), "pay_5:refunded").status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(jdbc.sql("select actor from audit_trail where object_id = :id and action = 'webhooks.endpoint.disable'")
                .param("id", endpoint.id().toString()).query(String.class).list()).containsExactly("system");

        int sent = receiver.requests().size();
        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_6:captured", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_6:captured", 0));
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.runOnce()).isZero();
        assertThat(receiver.requests()).hasSize(sent);

        WebhookDelivery refunded = deliveryOf(endpoint.id(), "pay_5:refunded");
        assertThat(endpoints.redeliver(merchant, endpoint.id(), refunded.id()))
                .isInstanceOf(DeliveryResult.EndpointDisabled.class);
        receiver.answer(200);
        endpoints.enable(merchant, endpoint.id());
        assertThat(endpoints.redeliver(merchant, endpoint.id(), refunded.id())).isInstanceOf(DeliveryResult.Scheduled.class);
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        assertThat(deliveryOf(endpoint.id(), "pay_5:refunded").status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void theNextEventAfterAnEndpointChangeOnThisNodeFollowsTheChange() {
        // the recipient's endpoints are held in memory between events: every change must be seen by the next one
        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_c1:captured", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_c1:captured", 0));
        Registered endpoint = register(List.of(CAPTURED));
        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_c2:captured", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_c2:captured", 1));

        endpoints.update(merchant, endpoint.id(), new EndpointChange(null, List.of(REFUNDED), null));
        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_c3:captured", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_c3:captured", 0));
        assertThat(webhooks.publish(merchant.partyId(), REFUNDED, "pay_c3:refunded", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_c3:refunded", 1));

        endpoints.disable(merchant, endpoint.id());
        assertThat(webhooks.publish(merchant.partyId(), REFUNDED, "pay_c4:refunded", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_c4:refunded", 0));
        endpoints.enable(merchant, endpoint.id());
        assertThat(webhooks.publish(merchant.partyId(), REFUNDED, "pay_c5:refunded", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_c5:refunded", 1));

        // a change rolled back leaves the endpoints as they were, and the publisher with them
        transaction.executeWithoutResult(status -> {
            endpoints.disable(merchant, endpoint.id());
            status.setRollbackOnly();
        });
        assertThat(webhooks.publish(merchant.partyId(), REFUNDED, "pay_c6:refunded", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_c6:refunded", 1));
        // the disable cancelled the two pending before it: the two published since the enable are sent
        assertThat(dispatcher.runOnce()).isEqualTo(2);
        assertThat(receiver.requests()).extracting(Receiver.Request::eventId)
                .containsExactlyInAnyOrder("pay_c5:refunded", "pay_c6:refunded");
    }

    @Test
    void aManualRedeliveryMakesExactlyOneMoreAttempt() {
        Registered endpoint = register(List.of(CAPTURED));
        webhooks.publish(merchant.partyId(), CAPTURED, "pay_7:captured", Map.of("amount", 1));
        dispatcher.runOnce();
        WebhookDelivery delivered = deliveryOf(endpoint.id(), "pay_7:captured");
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);

        receiver.answer(500);
        assertThat(endpoints.redeliver(merchant, endpoint.id(), delivered.id())).isInstanceOf(DeliveryResult.Scheduled.class);
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        WebhookDelivery failedAgain = deliveryOf(endpoint.id(), "pay_7:captured");
        assertThat(failedAgain.status()).as("a redelivery is one attempt, not a new 72-hour window").isEqualTo(DeliveryStatus.FAILED);
        assertThat(failedAgain.deliveredAt()).isEqualTo(delivered.deliveredAt());
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.runOnce()).isZero();

        receiver.answer(204);
        endpoints.redeliver(merchant, endpoint.id(), delivered.id());
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        WebhookDelivery again = deliveryOf(endpoint.id(), "pay_7:captured");
        assertThat(again.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(again.attempts()).isEqualTo(3);
        assertThat(again.history()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3);
        assertThat(receiver.requests()).hasSize(3).extracting(Receiver.Request::body).containsOnly(receiver.requests().getFirst().body());
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'webhooks.delivery.redeliver' and object_id = :id")
                .param("id", delivered.id().toString()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void redirectsAreNeverFollowed() {
        try (Receiver elsewhere = Receiver.start()) {
            receiver.answer(302);
            receiver.redirectTo(elsewhere.url());
            Registered endpoint = register(List.of(CAPTURED));
            webhooks.publish(merchant.partyId(), CAPTURED, "pay_8:captured", Map.of("amount", 1));
            dispatcher.runOnce();
            WebhookDelivery delivery = onlyDelivery(endpoint.id());
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.history().getFirst().outcome()).isEqualTo(AttemptOutcome.REDIRECT_REFUSED);
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void anUnreachableReceiverIsRetried() {
        Registered endpoint = register(List.of(CAPTURED));
        receiver.close();
        webhooks.publish(merchant.partyId(), CAPTURED, "pay_9:captured", Map.of("amount", 1));
        dispatcher.runOnce();
        WebhookDelivery delivery = onlyDelivery(endpoint.id());
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.history().getFirst().outcome()).isEqualTo(AttemptOutcome.NETWORK_ERROR);
        assertThat(delivery.nextAttemptAt()).isAfterOrEqualTo(delivery.lastAttemptAt().plus(Duration.ofMinutes(1)));
    }

    @Test
    void aRotatedSecretSignsAlongsideTheNewOneDuringTheOverlapOnly() {
        Registered endpoint = register(List.of(CAPTURED));
        var rotated = (EndpointResult.SecretRotated) endpoints.rotateSecret(merchant, endpoint.id(), Duration.ofHours(1));
        String newSecret = rotated.secret();
        assertThat(newSecret).isNotEqualTo(endpoint.secret()).startsWith("whsec_");
        WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(clock);

        webhooks.publish(merchant.partyId(), CAPTURED, "pay_10:captured", Map.of("amount", 1));
        dispatcher.runOnce();
        Receiver.Request during = receiver.requests().getLast();
        assertThat(during.signature().split(",v1=")).hasSize(3);
        assertThat(verifier.verify(during.signature(), during.body(), endpoint.secret()).isValid()).as("old secret, overlap").isTrue();
        assertThat(verifier.verify(during.signature(), during.body(), newSecret).isValid()).as("new secret, overlap").isTrue();

        clock.advance(Duration.ofHours(1));
        webhooks.publish(merchant.partyId(), CAPTURED, "pay_11:captured", Map.of("amount", 1));
        dispatcher.runOnce();
        Receiver.Request after = receiver.requests().getLast();
        assertThat(after.eventId()).isEqualTo("pay_11:captured");
        assertThat(after.signature().split(",v1=")).hasSize(2);
        assertThat(verifier.verify(after.signature(), after.body(), endpoint.secret()))
                .as("old secret after the overlap").isInstanceOf(SignatureCheck.NoMatchingSignature.class);
        assertThat(verifier.verify(after.signature(), after.body(), newSecret).isValid()).isTrue();
    }

    @Test
    void twoNodesOnOneDatabaseNeverSendTheSameAttempt(@Autowired DeliveryRows rows, @Autowired Sender sender,
                                                      @Autowired AttemptRecorder recorder,
                                                      @Autowired WebhookProperties properties) throws Exception {
        Registered endpoint = register(List.of(CAPTURED));
        for (int i = 0; i < 40; i++) {
            webhooks.publish(merchant.partyId(), CAPTURED, "pay_storm_" + i, Map.of("n", i));
        }
        Dispatcher otherNode = new Dispatcher(rows, sender, recorder, clock, properties);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> awaitThen(start, dispatcher));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> awaitThen(start, otherNode));
        start.countDown();

        assertThat(first.get() + second.get()).isEqualTo(40);
        assertThat(receiver.requests()).hasSize(40);
        assertThat(receiver.requests().stream().map(Receiver.Request::eventId).distinct()).hasSize(40);
        assertThat(endpoints.deliveries(merchant, endpoint.id(), null, null, 100).orElseThrow())
                .hasSize(40).allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
                    assertThat(d.attempts()).isEqualTo(1);
                });
    }

    @Test
    void republishingAnEventIsRecognisedAndAReusedIdIsNamed() {
        Registered endpoint = register(List.of(CAPTURED));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("amount", 10);
        data.put("currency", "EUR");
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("currency", "EUR");
        reordered.put("amount", 10);
        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_12:captured", data))
                .isInstanceOf(PublishResult.Published.class);
        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_12:captured", reordered))
                .isEqualTo(new PublishResult.AlreadyPublished("pay_12:captured"));
        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_12:captured", Map.of("amount", 11, "currency", "EUR")))
                .isEqualTo(new PublishResult.EventIdReused("pay_12:captured"));
        assertThat(webhooks.publish(merchant.partyId(), REFUNDED, "pay_12:captured", data))
                .isEqualTo(new PublishResult.EventIdReused("pay_12:captured"));
        assertThat(endpoints.deliveries(merchant, endpoint.id(), null, null, 100).orElseThrow()).hasSize(1);
    }

    @Test
    void aPublisherMistakeIsAnExceptionAndWritesNothing() {
        register(List.of(CAPTURED));
        PartyId party = merchant.partyId();
        assertThatThrownBy(() -> webhooks.publish(party, "payment.teleported", "pay_13:x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.publish(party, CAPTURED, "has spaces", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.publish(party, CAPTURED, "pay_13:captured", "just a string"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.publish(party, CAPTURED, "pay_13:captured", Map.of("blob", "x".repeat(70_000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from webhook_events where recipient_id = :party")
                .param("party", party.value()).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyEnabledEndpointsSubscribedToTheTypeReceiveIt() {
        Registered captures = register(List.of(CAPTURED));
        Registered everything = register(List.of("*"));
        Registered refunds = register(List.of(REFUNDED));
        Registered disabled = register(List.of(CAPTURED));
        endpoints.disable(merchant, disabled.id());
        Actor otherMerchant = Callers.merchant(clock);

        assertThat(webhooks.publish(merchant.partyId(), CAPTURED, "pay_14:captured", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_14:captured", 2));
        assertThat(webhooks.publish(otherMerchant.partyId(), CAPTURED, "pay_14:captured", Map.of("amount", 1)))
                .isEqualTo(new PublishResult.Published("pay_14:captured", 0));
        dispatcher.runOnce();
        assertThat(receiver.requests()).hasSize(2);
        assertThat(endpoints.deliveries(merchant, captures.id(), null, null, 10).orElseThrow()).hasSize(1);
        assertThat(endpoints.deliveries(merchant, everything.id(), null, null, 10).orElseThrow()).hasSize(1);
        assertThat(endpoints.deliveries(merchant, refunds.id(), null, null, 10).orElseThrow()).isEmpty();
        assertThat(endpoints.deliveries(merchant, disabled.id(), null, null, 10).orElseThrow()).isEmpty();
    }

    @Test
    void aPingReachesTheEndpointSignedWhateverItSubscribedToAndIsTriedOnce() {
        Registered endpoint = register(List.of(REFUNDED));
        var ping = (DeliveryResult.Scheduled) endpoints.ping(merchant, endpoint.id());
        assertThat(ping.delivery().eventType()).isEqualTo(WebhookEndpoints.PING);
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        Receiver.Request request = receiver.requests().getLast();
        assertThat(request.body()).contains("\"type\":\"webhook.ping\"", endpoint.id().toString());
        assertThat(new WebhookSignatureVerifier(clock).verify(request.signature(), request.body(), endpoint.secret()).isValid())
                .isTrue();
        assertThat(deliveryOf(endpoint.id(), ping.delivery().eventId()).status()).isEqualTo(DeliveryStatus.DELIVERED);

        receiver.answer(500);
        var failing = (DeliveryResult.Scheduled) endpoints.ping(merchant, endpoint.id());
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        assertThat(deliveryOf(endpoint.id(), failing.delivery().eventId()).status()).isEqualTo(DeliveryStatus.FAILED);
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.runOnce()).isZero();
    }

    record Registered(WebhookEndpointId id, String secret) {
    }

    private Registered register(List<String> types) {
        var created = (EndpointResult.Created) endpoints.create(merchant, new NewEndpoint(receiver.url(), types, null));
        return new Registered(created.endpoint().id(), created.secret());
    }

    private WebhookDelivery onlyDelivery(WebhookEndpointId endpoint) {
        List<WebhookDelivery> all = endpoints.deliveries(merchant, endpoint, null, null, 100).orElseThrow();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private WebhookDelivery deliveryOf(WebhookEndpointId endpoint, String eventId) {
        return endpoints.deliveries(merchant, endpoint, null, null, 100).orElseThrow().stream()
                .filter(d -> d.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    private void advanceTo(Instant instant) {
        Duration ahead = Duration.between(clock.instant(), instant);
        if (ahead.isPositive()) {
            clock.advance(ahead);
        }
    }

    private static int awaitThen(CountDownLatch start, Dispatcher dispatcher) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dispatcher.runOnce();
    }

    /** Earlier tests' pending deliveries are finished off so that each test counts only its own passes. */
    private void drain() {
        jdbc.sql("update webhook_deliveries set status = 'CANCELLED', next_attempt_at = null where status = 'PENDING'").update();
    }
}
