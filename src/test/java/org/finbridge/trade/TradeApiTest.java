package org.finbridge.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Orders, shipments, events, declarations and trade records over HTTP, one document at a time. */
@ApplicationTest
class TradeApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    TradeWorld world;

    @BeforeEach
    void setUp() {
        world = new TradeWorld(actors, port, clock.instant());
    }

    private long audited(String action, String objectId) {
        return jdbc.sql("select count(*) from audit_trail where action = :a and object_id = :id")
                .param("a", action).param("id", objectId).query(Long.class).single();
    }

    private static List<String> errors(Api.Response r) {
        return r.body().get("errors").valueStream().map(e -> e.get("field").asString() + ": " + e.get("message").asString())
                .toList();
    }

    @Test
    void aMarketplaceSubmitsAnOrderOnceAndAResendChangesNothing() {
        String number = TradeWorld.newOrderNumber();
        Api.Response first = world.asMarketplace().post("/api/v1/trade/orders", world.order(number));
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
        JsonNode order = first.body();
        assertThat(order.get("marketplaceId").asString()).isEqualTo(world.marketplace.partyId().toString());
        assertThat(order.get("totalMinorUnits").asLong()).isEqualTo(10_000);
        assertThat(order.get("items").get(1).get("hsCode").asString()).isEqualTo("850440");
        assertThat(audited("trade.order.submit", order.get("id").asString())).isEqualTo(1);

        Api.Response again = world.asMarketplace().post("/api/v1/trade/orders", world.order(number));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(order.get("id").asString());

        Map<String, Object> changed = new HashMap<>(world.order(number));
        changed.put("buyerReference", "someone else");
        Api.Response taken = world.asMarketplace().post("/api/v1/trade/orders", changed);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("ORDER_NUMBER_TAKEN");
        assertThat(audited("trade.order.submit", order.get("id").asString())).isEqualTo(1);
    }

    @Test
    void anInvalidOrderIsRefusedWithEveryReason() {
        Map<String, Object> bad = new HashMap<>(world.order(TradeWorld.newOrderNumber()));
        bad.put("currency", "EUX");
        bad.put("totalMinorUnits", 12_000);
        bad.put("items", List.of(Map.of("hsCode", "12345", "description", "x", "quantity", 1, "unitPriceMinorUnits", 100)));
        Api.Response r = world.asMarketplace().post("/api/v1/trade/orders", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_FIELD");
        assertThat(errors(r)).contains("currency: unknown currency EUX (ISO 4217 with minor units)",
                "items[0].hsCode: must have 6 to 10 digits");

        Map<String, Object> totals = new HashMap<>(world.order(TradeWorld.newOrderNumber()));
        totals.put("totalMinorUnits", 9_999);
        assertThat(errors(world.asMarketplace().post("/api/v1/trade/orders", totals)))
                .containsExactly("totalMinorUnits: 9999 is not the sum of the items (10000)");
    }

    @Test
    void aMarketplaceSubmitsOnlyItsOwnOrdersForRealMerchants() {
        TestActors.Credentials other = actors.party(PartyKind.MARKETPLACE);
        Map<String, Object> forOther = new HashMap<>(world.order(TradeWorld.newOrderNumber()));
        forOther.put("marketplaceId", other.partyId().toString());
        assertThat(errors(world.asMarketplace().post("/api/v1/trade/orders", forOther)))
                .containsExactly("marketplaceId: must be your own party id, or left out");

        Map<String, Object> notAMerchant = new HashMap<>(world.order(TradeWorld.newOrderNumber()));
        notAMerchant.put("merchantId", world.logistics.partyId().toString());
        assertThat(errors(world.asMarketplace().post("/api/v1/trade/orders", notAMerchant)))
                .containsExactly("merchantId: is not a merchant on the platform");
    }

    @Test
    void anOrderIsSeenByItsMarketplaceItsMerchantAndOperatorsOnly() {
        String id = world.asMarketplace().post("/api/v1/trade/orders", world.order(TradeWorld.newOrderNumber()))
                .body().get("id").asString();
        String path = "/api/v1/trade/orders/" + id;
        assertThat(world.asMarketplace().get(path).status()).isEqualTo(200);
        assertThat(world.asMerchant().get(path).status()).isEqualTo(200);
        assertThat(actors.operator().api(port).get(path).status()).isEqualTo(200);
        assertThat(actors.party(PartyKind.MARKETPLACE).api(port).get(path).status()).isEqualTo(404);
        assertThat(actors.party(PartyKind.MERCHANT).api(port).get(path).status()).isEqualTo(404);
        assertThat(world.asLogistics().get(path).status()).isEqualTo(403);
        assertThat(world.asMarketplace().get("/api/v1/trade/orders/ord_" + "0".repeat(32)).status()).isEqualTo(404);
    }

    @Test
    void logisticsEventsFollowTheShipmentsLifecycle() {
        String number = TradeWorld.newOrderNumber();
        Api logistics = world.asLogistics();
        Api.Response created = logistics.post("/api/v1/trade/shipments", world.shipment(number, TradeWorld.newWaybill()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("state").asString()).isEqualTo("AWAITING_PICKUP");
        String events = "/api/v1/trade/shipments/" + created.body().get("id").asString() + "/events";

        Api.Response early = logistics.post(events, world.event("DELIVERED", world.ordered.plus(Duration.ofDays(3)), "DE", "Berlin"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("NOT_PICKED_UP");

        var pickup = world.event("PICKED_UP", world.ordered.plus(Duration.ofHours(5)), "CN", "Shenzhen");
        assertThat(logistics.post(events, pickup).status()).isEqualTo(201);
        Api.Response resent = logistics.post(events, pickup);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().get("events").size()).isEqualTo(1);
        assertThat(logistics.post(events, world.event("EXPORT_CLEARED", world.ordered.plus(Duration.ofHours(20)), "CN", "Shenzhen port"))
                .status()).isEqualTo(201);
        Api.Response delivered = logistics.post(events, world.event("DELIVERED", world.ordered.plus(Duration.ofDays(4)), "DE", "Berlin"));
        assertThat(delivered.status()).isEqualTo(201);
        assertThat(delivered.body().get("state").asString()).isEqualTo("DELIVERED");
        assertThat(logistics.post(events, world.event("IN_TRANSIT", world.ordered.plus(Duration.ofDays(5)), "DE", "Berlin"))
                .code()).isEqualTo("SHIPMENT_ENDED");

        Api otherProvider = actors.party(PartyKind.LOGISTICS_PROVIDER).api(port);
        assertThat(otherProvider.post(events, world.event("RETURNED", world.ordered.plus(Duration.ofDays(6)), "CN", "Shenzhen"))
                .status()).isEqualTo(404);
        assertThat(otherProvider.get("/api/v1/trade/shipments/" + created.body().get("id").asString()).status()).isEqualTo(404);
        assertThat(audited("trade.shipment.event", created.body().get("id").asString())).isEqualTo(3);
    }

    @Test
    void aWaybillIsUniquePerCarrier() {
        String waybill = TradeWorld.newWaybill();
        assertThat(world.asLogistics().post("/api/v1/trade/shipments", world.shipment("A-1", waybill)).status()).isEqualTo(201);
        assertThat(world.asLogistics().post("/api/v1/trade/shipments", world.shipment("A-1", waybill)).status()).isEqualTo(200);
        assertThat(world.asLogistics().post("/api/v1/trade/shipments", world.shipment("A-2", waybill)).code())
                .isEqualTo("WAYBILL_TAKEN");
    }

    @Test
    void theFourDocumentsOfAnOrderMatchInItsTradeRecord() {
        String number = TradeWorld.newOrderNumber();
        String waybill = TradeWorld.newWaybill();
        JsonNode order = world.asMarketplace().post("/api/v1/trade/orders", world.order(number)).body();
        String record = "/api/v1/trade/records/" + order.get("recordId").asString();
        assertThat(world.asMarketplace().get(record).body().get("status").asString()).isEqualTo("INCOMPLETE");

        Api.Response paid = world.asMarketplace().post("/api/v1/trade/orders/" + order.get("id").asString() + "/payment",
                world.payment(10_000));
        assertThat(paid.status()).as(String.valueOf(paid.body())).isEqualTo(201);
        String shipment = world.asLogistics().post("/api/v1/trade/shipments", world.shipment(number, waybill)).body()
                .get("id").asString();
        world.asLogistics().post("/api/v1/trade/shipments/" + shipment + "/events",
                world.event("PICKED_UP", world.ordered.plus(Duration.ofHours(5)), "CN", "Shenzhen"));
        Api.Response declared = world.asMerchant().post("/api/v1/trade/declarations", world.declaration(number, waybill));
        assertThat(declared.status()).as(String.valueOf(declared.body())).isEqualTo(201);
        assertThat(declared.body().get("merchantId").asString()).isEqualTo(world.merchant.partyId().toString());

        JsonNode matched = world.asMerchant().get(record).body();
        assertThat(matched.get("status").asString()).as(matched.toString()).isEqualTo("MATCHED");
        assertThat(matched.get("payments").get(0).get("amountMinorUnits").asLong()).isEqualTo(10_000);
        assertThat(matched.get("shipments").get(0).get("waybill").asString()).isEqualTo(waybill);
        assertThat(matched.get("declarations").get(0).get("customsMode").asString()).isEqualTo("9610");
        assertThat(world.asMarketplace().get(record).status()).isEqualTo(200);
        assertThat(actors.party(PartyKind.MERCHANT).api(port).get(record).status()).isEqualTo(404);
        assertThat(actors.party(PartyKind.MARKETPLACE).api(port).get(record).status()).isEqualTo(404);
        assertThat(world.asLogistics().get(record).status()).isEqualTo(403);
        assertThat(world.asMarketplace().get("/api/v1/trade/records/trd_" + "0".repeat(32)).status()).isEqualTo(404);
    }

    @Test
    void aMismatchedRecordSaysWhatDisagreesAndWhy() {
        String number = TradeWorld.newOrderNumber();
        JsonNode order = world.asMarketplace().post("/api/v1/trade/orders", world.order(number)).body();
        Map<String, Object> declaration = world.declaration(number, null);
        declaration.put("declaredAt", world.ordered.minus(Duration.ofHours(1)).toString());
        declaration.put("declaredValueMinorUnits", 5_000);
        declaration.put("lines", List.of(Map.of("hsCode", "9503000090", "description", "toy", "quantity", 3, "valueMinorUnits", 5_000)));
        assertThat(world.asMerchant().post("/api/v1/trade/declarations", declaration).status()).isEqualTo(201);

        JsonNode record = world.asMerchant().get("/api/v1/trade/records/" + order.get("recordId").asString()).body();
        assertThat(record.get("status").asString()).isEqualTo("MISMATCHED");
        assertThat(record.get("mismatches").valueStream().map(m -> m.get("kind").asString()).toList())
                .containsExactly("AMOUNT", "HS_CODES", "TIMING");
        assertThat(record.get("mismatches").get(0).get("reason").asString())
                .isEqualTo("the declared value EUR 50.00 differs from the order total EUR 100.00 by more than 1.00 %");
    }

    @Test
    void aMerchantDeclaresForItselfAndAMarketplaceForItsSellers() {
        String number = TradeWorld.newOrderNumber();
        Map<String, Object> forAnother = world.declaration(number, null);
        forAnother.put("merchantId", actors.party(PartyKind.MERCHANT).partyId().toString());
        assertThat(errors(world.asMerchant().post("/api/v1/trade/declarations", forAnother)))
                .containsExactly("merchantId: must be your own party id, or left out");

        Map<String, Object> byMarketplace = world.declaration(number, null);
        byMarketplace.remove("marketplaceId");
        byMarketplace.put("merchantId", world.merchant.partyId().toString());
        Api.Response r = world.asMarketplace().post("/api/v1/trade/declarations", byMarketplace);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        String path = "/api/v1/trade/declarations/" + r.body().get("id").asString();
        assertThat(world.asMerchant().get(path).status()).isEqualTo(200);
        assertThat(actors.party(PartyKind.MERCHANT).api(port).get(path).status()).isEqualTo(404);

        Map<String, Object> importUnder9710 = world.declaration(TradeWorld.newOrderNumber(), null);
        importUnder9710.put("customsMode", "9710");
        importUnder9710.put("direction", "IMPORT");
        importUnder9710.put("declarationNumber", "12345");
        assertThat(errors(world.asMerchant().post("/api/v1/trade/declarations", importUnder9710))).containsExactly(
                "declarationNumber: China customs declaration numbers have 18 digits",
                "direction: customs mode 9710 is for exports only");
    }
}
