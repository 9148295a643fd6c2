package org.finbridge.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Another module's listener hears {@link ShipmentDelivered} and {@link TradeRecordMismatched} through
 * Spring Modulith's event publication registry: after the documents commit, once per delivery and once
 * per new set of mismatches, and never for an import that committed nothing.
 */
@ApplicationTest
@Import(TradeEventsTest.Listener.class)
class TradeEventsTest {

    /**
     * Stands for settlement or risk: a transactional module listener, as they would declare it (proxied,
     * so the test reads what it heard through methods).
     */
    @TestComponent
    static class Listener {
        private final List<ShipmentDelivered> delivered = new CopyOnWriteArrayList<>();
        private final List<TradeRecordMismatched> mismatched = new CopyOnWriteArrayList<>();

        List<ShipmentDelivered> delivered() {
            return delivered;
        }

        List<TradeRecordMismatched> mismatched() {
            return mismatched;
        }

        @ApplicationModuleListener
        void on(ShipmentDelivered event) {
            delivered.add(event);
        }

        @ApplicationModuleListener
        void on(TradeRecordMismatched event) {
            mismatched.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    Listener listener;

    @Autowired
    JdbcClient jdbc;

    TradeWorld world;

    @BeforeEach
    void setUp() {
        world = new TradeWorld(actors, port, clock.instant());
    }

    private List<ShipmentDelivered> deliveredOf(String waybill) {
        return listener.delivered().stream().filter(e -> e.waybill().equals(waybill)).toList();
    }

    private List<TradeRecordMismatched> mismatchedOf(String recordId) {
        return listener.mismatched().stream().filter(e -> e.recordId().toString().equals(recordId)).toList();
    }

    private void allPublicationsCompleted() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from event_publication where completion_date is null and event_type like 'org.finbridge.trade.%'")
                .query(Long.class).single()).isZero());
    }

    @Test
    void aDeliveryIsHeardOnceEvenWhenTheCarrierResendsIt() {
        String number = TradeWorld.newOrderNumber();
        String waybill = TradeWorld.newWaybill();
        Api logistics = world.asLogistics();
        String shipment = logistics.post("/api/v1/trade/shipments", world.shipment(number, waybill)).body().get("id").asString();
        String events = "/api/v1/trade/shipments/" + shipment + "/events";
        logistics.post(events, world.event("PICKED_UP", world.ordered.plus(Duration.ofHours(2)), "CN", "Shenzhen"));
        var delivery = world.event("DELIVERED", world.ordered.plus(Duration.ofDays(4)), "DE", "Berlin");
        assertThat(logistics.post(events, delivery).status()).isEqualTo(201);
        assertThat(logistics.post(events, delivery).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveredOf(waybill).isEmpty());
        allPublicationsCompleted();
        ShipmentDelivered heard = deliveredOf(waybill).getFirst();
        assertThat(deliveredOf(waybill)).hasSize(1);
        assertThat(heard.shipmentId().toString()).isEqualTo(shipment);
        assertThat(heard.order()).isEqualTo(new OrderReference(world.marketplace.partyId(), number));
        assertThat(heard.logisticsProvider()).isEqualTo(world.logistics.partyId());
        assertThat(heard.deliveredAt()).isEqualTo(world.ordered.plus(Duration.ofDays(4)));
    }

    @Test
    void aMismatchIsHeardOncePerNewSetOfMismatches() {
        String number = TradeWorld.newOrderNumber();
        String recordId = world.asMarketplace().post("/api/v1/trade/orders", world.order(number)).body().get("recordId").asString();
        Map<String, Object> declaration = world.declaration(number, null);
        declaration.put("merchantId", null);
        declaration.put("lines", List.of(Map.of("hsCode", "9503000090", "description", "toy", "quantity", 3, "valueMinorUnits", 10_000)));
        assertThat(world.asMerchant().post("/api/v1/trade/declarations", declaration).status()).isEqualTo(201);
        assertThat(world.asMerchant().post("/api/v1/trade/declarations", declaration).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !mismatchedOf(recordId).isEmpty());
        TradeRecordMismatched first = mismatchedOf(recordId).getFirst();
        assertThat(first.merchant()).isEqualTo(world.merchant.partyId());
        assertThat(first.mismatches()).extracting(Mismatch::kind).containsExactly(MismatchKind.HS_CODES);

        // a payment that disagrees too: the set of mismatches changes, and is heard again
        String orderId = world.asMarketplace().get("/api/v1/trade/records/" + recordId).body().get("order").get("id").asString();
        assertThat(world.asMarketplace().post("/api/v1/trade/orders/" + orderId + "/payment", world.payment(20_000)).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> mismatchedOf(recordId).size() == 2);
        assertThat(mismatchedOf(recordId).get(1).mismatches()).extracting(Mismatch::kind)
                .containsExactly(MismatchKind.AMOUNT, MismatchKind.HS_CODES);
        allPublicationsCompleted();
        assertThat(mismatchedOf(recordId)).hasSize(2);
    }

    @Test
    void deliveriesInAnImportAreHeardAndARefusedImportIsNotHeard() {
        String number = TradeWorld.newOrderNumber();
        String committed = TradeWorld.newWaybill();
        String refused = TradeWorld.newWaybill();
        for (String waybill : List.of(committed, refused)) {
            world.asLogistics().post("/api/v1/trade/shipments", world.shipment(number, waybill));
        }
        String header = "carrier,waybill,type,occurred_at,country,place\n";
        String pickup = ",PICKED_UP," + world.ordered.plus(Duration.ofHours(1)) + ",CN,Shenzhen\n";
        String delivery = ",DELIVERED," + world.ordered.plus(Duration.ofDays(2)) + ",DE,Berlin\n";
        Api.Response ok = world.asLogistics().postRaw("/api/v1/trade/imports?kind=SHIPMENT_EVENTS",
                header + "SF," + committed + pickup + "SF," + committed + delivery, "text/csv");
        assertThat(ok.status()).isEqualTo(200);
        Api.Response no = world.asLogistics().postRaw("/api/v1/trade/imports?kind=SHIPMENT_EVENTS&onInvalidRows=REFUSE_FILE",
                header + "SF," + refused + pickup + "SF," + refused + delivery + "SF,UNKNOWN1" + delivery, "text/csv");
        assertThat(no.status()).isEqualTo(422);

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredOf(committed).size() == 1);
        allPublicationsCompleted();
        assertThat(deliveredOf(refused)).isEmpty();
    }
}
