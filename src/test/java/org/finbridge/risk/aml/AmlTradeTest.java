package org.finbridge.risk.aml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.finbridge.trade.DeclarationResult;
import org.finbridge.trade.Declarations;
import org.finbridge.trade.EventResult;
import org.finbridge.trade.NewDeclaration;
import org.finbridge.trade.NewLogisticsEvent;
import org.finbridge.trade.NewOrder;
import org.finbridge.trade.NewPayment;
import org.finbridge.trade.NewShipment;
import org.finbridge.trade.OrderResult;
import org.finbridge.trade.Orders;
import org.finbridge.trade.PaymentResult;
import org.finbridge.trade.ShipmentResult;
import org.finbridge.trade.Shipments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trade events feed AML monitoring: an order paid far above or below the customs value its merchant
 * declared raises an over/under-invoicing alert when the trade record mismatches; a delivered shipment is
 * the evidence the brushing rule looks for. Documents go through the trade module's public API.
 */
@ApplicationTest
class AmlTradeTest {

    private static final AtomicInteger DECLARATIONS = new AtomicInteger(500_000);

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    ReferenceRates rates;

    @Autowired
    Orders orders;

    @Autowired
    Declarations declarations;

    @Autowired
    Shipments shipments;

    @Autowired
    AmlMonitoring monitoring;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void ratesForToday() {
        FxTestRates.publishToday(rates, clock);
    }

    static Actor as(PartyId party, PartyKind kind) {
        return new Actor("aml-trade", "key:aml-trade", Actor.Channel.API_KEY, party, kind, null, Set.of(ApiScope.TRADE_SUBMIT));
    }

    /** An order of EUR 100 for the merchant, paid {@code paid} and declared at {@code declared} (EUR minor units). */
    private String order(PartyId marketplace, PartyId merchant, long paid, long declared) {
        String number = "AML-" + UUID.randomUUID().toString().substring(0, 12);
        String at = clock.instant().minus(Duration.ofHours(2)).toString();
        Actor market = as(marketplace, PartyKind.MARKETPLACE);
        var order = ((OrderResult.Recorded) orders.submit(new NewOrder(null, number, merchant.toString(), null, "buyer-1", "EUR",
                10_000L, at, List.of(new NewOrder.Item("392690", "phone case", 10L, 1_000L))), market)).order();
        assertThat(orders.recordPayment(order.id(), new NewPayment("PAY-" + number, "EUR", paid, at), market))
                .isInstanceOf(PaymentResult.Recorded.class);
        assertThat(declarations.submit(new NewDeclaration("5316202600" + String.format("%08d", DECLARATIONS.incrementAndGet()),
                "9610", "EXPORT", null, marketplace.toString(), number, null, null, "EUR", declared, at,
                List.of(new NewDeclaration.Line("392690", "phone case", 10L, declared))), as(merchant, PartyKind.MERCHANT)))
                .isInstanceOf(DeclarationResult.Recorded.class);
        return number;
    }

    private List<Alert> alertsOf(PartyId merchant) {
        monitoring.evaluatePending(); // what the background runs after each commit
        return monitoring.alerts(null, 500).stream().filter(a -> a.partyId().equals(merchant)).toList();
    }

    @Test
    void anOrderPaidFarAboveItsDeclaredCustomsValueRaisesAnOverInvoicingAlert() {
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        String number = order(marketplace, merchant, 10_000L, 4_000L);
        assertThat(alertsOf(merchant)).singleElement().satisfies(a -> {
            assertThat(a.ruleName()).isEqualTo("ecommerce-invoicing-mismatch");
            assertThat(a.windowKey()).isEqualTo("order:" + number);
            assertThat(a.summary()).startsWith("over-invoicing").contains("100.00 EUR", "40.00 EUR");
            assertThat(a.status()).isEqualTo(AlertStatus.IN_CASE);
        });
        // within the tolerance (the trade module still flags the difference, AML does not)
        PartyId honest = actors.party(PartyKind.MERCHANT).partyId();
        order(marketplace, honest, 10_000L, 9_000L);
        assertThat(alertsOf(honest)).isEmpty();
        // a second pass raises nothing again
        monitoring.run();
        assertThat(alertsOf(merchant)).hasSize(1);
    }

    @Test
    void aDeliveredShipmentIsRecordedOnceForItsMerchantsOrder() {
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        PartyId carrier = actors.party(PartyKind.LOGISTICS_PROVIDER).partyId();
        String number = order(marketplace, merchant, 10_000L, 10_000L);
        Actor logistics = as(carrier, PartyKind.LOGISTICS_PROVIDER);
        var shipment = ((ShipmentResult.Recorded) shipments.submit(new NewShipment(null, "SF",
                "SF" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), marketplace.toString(), number), logistics))
                .shipment();
        String at = clock.instant().minus(Duration.ofHours(1)).toString();
        assertThat(shipments.addEvent(shipment.id(), new NewLogisticsEvent(null, null, "PICKED_UP", at, "CN", "Shenzhen"), logistics))
                .isInstanceOf(EventResult.Recorded.class);
        String delivered = clock.instant().minus(Duration.ofMinutes(1)).toString();
        shipments.addEvent(shipment.id(), new NewLogisticsEvent(null, null, "DELIVERED", delivered, "DE", "Berlin"), logistics);
        shipments.addEvent(shipment.id(), new NewLogisticsEvent(null, null, "DELIVERED", delivered, "DE", "Berlin"), logistics);
        assertThat(jdbc.sql("select count(*) from aml_trade_facts where merchant_id = :m and order_number = :o"
                + " and delivered_at is not null").param("m", merchant.value()).param("o", number).query(Long.class).single())
                .isEqualTo(1);
        assertThat(alertsOf(merchant)).isEmpty();
    }
}
