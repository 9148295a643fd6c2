package org.finbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.platform.events.InboundEvents;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.finbridge.support.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Module events on a real Kafka broker (a KRaft broker in this JVM), issue 11 §1: every committed
 * payment event reaches {@code finbridge.payments.v1} in its versioned envelope, including the events
 * committed while the broker could not be reached by a node that then stopped (the outbox sends them
 * when a node starts again), and a consumer that reads everything twice applies each event once.
 */
@DatabaseTest
class EventStreamTest {

    static final String TOPIC = "finbridge.payments.v1";

    /** Automatic capture reports payment.succeeded, a separate capture payment.captured. */
    static final Set<String> CAPTURES = Set.of("payment.captured", "payment.succeeded");

    static EmbeddedKafkaKraftBroker broker;
    static TestDatabase.Fresh db;

    /** Every payment event the application published in-process (its truth), by event id. */
    static final Map<String, PaymentEvent> published = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);
        broker.afterPropertiesSet();
        db = TestDatabase.freshShared("evt_streams");
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.destroy();
        }
    }

    static ConfigurableApplicationContext node(String bootstrapServers) {
        List<String> args = List.of("--finbridge.events.kafka.enabled=true", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                // an unreachable broker fails the send within seconds instead of the client's default minute
                "--spring.kafka.producer.properties.max.block.ms=2000",
                "--spring.kafka.producer.properties.request.timeout.ms=2000",
                "--spring.kafka.producer.properties.delivery.timeout.ms=4000",
                "--logging.level.org.apache.kafka=ERROR");
        ApplicationListener<ApplicationEvent> recorder = event -> {
            if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof PaymentEvent e) {
                published.put(e.eventId(), e);
            }
        };
        return TestNodes.start(db, false, args, recorder);
    }

    static List<Payment> pay(ConfigurableApplicationContext node, PartyId merchant, int count) {
        PaymentFixtures fixtures = new PaymentFixtures(node.getBean(Parties.class), node.getBean(Ledger.class),
                node.getBean(CardTokenizer.class));
        Payments payments = node.getBean(Payments.class);
        List<Payment> made = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            made.add(PaymentFixtures.done(payments.create(PaymentFixtures.merchantActor(merchant),
                    PaymentFixtures.payment(merchant, 1_000L * i, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                            CaptureMethod.AUTOMATIC, "DE"))));
        }
        return made;
    }

    @Test
    void committedEventsReachTheTopicOnceTheBrokerIsBackAndAConsumerAppliesEachOnce() throws Exception {
        // 1. a node whose broker is unreachable commits payments; their events wait in the outbox
        PartyId merchant;
        try (ServerSocket closed = new ServerSocket(0)) {
            String nowhere = "127.0.0.1:" + closed.getLocalPort();
            closed.close();
            try (ConfigurableApplicationContext a = node(nowhere)) {
                merchant = new PaymentFixtures(a.getBean(Parties.class), a.getBean(Ledger.class),
                        a.getBean(CardTokenizer.class)).merchant("DE");
                pay(a, merchant, 3);
                JdbcClient jdbc = a.getBean(JdbcClient.class);
                long waiting = waitFor(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and event_type like '%PaymentEvent' and listener_id like '%Externaliz%'").query(Long.class).single(), n -> n > 0);
                assertThat(waiting).as("payment events not yet delivered to the broker").isPositive();
            }
        }
        Set<String> beforeRestart = Set.copyOf(published.keySet());
        assertThat(beforeRestart).isNotEmpty();

        // 2. a node that reaches the broker starts on the same database, sends what waited, and carries on
        try (ConfigurableApplicationContext b = node(broker.getBrokersAsString())) {
            List<Payment> later = pay(b, merchant, 2);
            assertThat(later).allMatch(p -> p.captured() > 0);

            Map<String, JsonNode> received = consumeUntil(published.keySet());
            assertThat(received.keySet()).as("every committed payment event is on the topic")
                    .containsAll(published.keySet()).containsAll(beforeRestart);

            JsonNode sample = received.values().iterator().next();
            assertThat(sample.path("specversion").asString()).isEqualTo("1.0");
            assertThat(sample.path("source").asString()).isEqualTo("finbridge/payments");
            assertThat(sample.path("finbridgeversion").asInt()).isEqualTo(1);
            assertThat(sample.path("subject").asString()).isEqualTo(merchant.toString());
            assertThat(sample.path("data").path("paymentId").asString()).startsWith("pay_");
            assertThat(sample.path("data").path("merchantId").asString()).isEqualTo(merchant.toString());
            for (Map.Entry<String, JsonNode> e : received.entrySet()) {
                PaymentEvent truth = published.get(e.getKey());
                if (truth != null) {
                    assertThat(e.getValue().path("type").asString()).isEqualTo(truth.type());
                    assertThat(e.getValue().path("data").path("amount").asLong()).isEqualTo(truth.amount());
                }
            }

            // 3. a consumer outside the application rebuilds a read model (captured per merchant) from
            // the stream; every record is delivered twice, as after a consumer crash before its commit
            JdbcClient jdbc = b.getBean(JdbcClient.class);
            jdbc.sql("create table rm_captured (merchant varchar(100) primary key, captured bigint not null)").update();
            InboundEvents inbound = b.getBean(InboundEvents.class);
            int applied = 0;
            int skipped = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (JsonNode envelope : received.values()) {
                    boolean ran = inbound.applyOnce("rm_captured", envelope.path("id").asString(), () -> {
                        if (CAPTURES.contains(envelope.path("type").asString())) {
                            String m = envelope.path("subject").asString();
                            long amount = envelope.path("data").path("amount").asLong();
                            if (jdbc.sql("update rm_captured set captured = captured + ? where merchant = ?")
                                    .params(amount, m).update() == 0) {
                                jdbc.sql("insert into rm_captured (merchant, captured) values (?, ?)").params(m, amount).update();
                            }
                        }
                    });
                    if (ran) {
                        applied++;
                    } else {
                        skipped++;
                    }
                }
            }
            assertThat(applied).isEqualTo(received.size());
            assertThat(skipped).isEqualTo(received.size());
            long truthCaptured = published.values().stream().filter(e -> CAPTURES.contains(e.type()))
                    .mapToLong(PaymentEvent::amount).sum();
            assertThat(truthCaptured).isEqualTo(1_000 + 2_000 + 3_000 + 1_000 + 2_000);
            assertThat(jdbc.sql("select captured from rm_captured where merchant = ?").param(merchant.toString())
                    .query(Long.class).single()).isEqualTo(truthCaptured);
            assertThat(b.getBean(LedgerInvariants.class).sweep().violations()).isEmpty();
        }
    }

    static Map<String, JsonNode> consumeUntil(Set<String> expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "evt-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(TOPIC));
            while (!byId.keySet().containsAll(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = json.readTree(r.value());
                    String id = envelope.path("id").asString();
                    byId.put(id, envelope);
                    assertThat(r.key()).as("partition key").isEqualTo(envelope.path("subject").asString());
                }
            }
        }
        return byId;
    }

    static <T> T waitFor(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = read.get();
        }
        return value;
    }
}
