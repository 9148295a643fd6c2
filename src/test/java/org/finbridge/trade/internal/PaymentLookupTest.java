package org.finbridge.trade.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.PaymentLookup;
import org.finbridge.trade.TradeRecord;
import org.finbridge.trade.TradeRecords;
import org.finbridge.trade.TradeWorld;
import org.finbridge.trade.internal.matching.TradeRecordMatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Until the payments module provides a {@link PaymentLookup}, records know only pushed payments; once one
 * is there, what it answers is matched like any payment.
 */
@ApplicationTest
class PaymentLookupTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    TradeRecords records;

    @Autowired
    OrderStore orders;

    @Autowired
    ShipmentStore shipments;

    @Autowired
    DeclarationStore declarations;

    @Autowired
    TradePaymentStore pushed;

    @Autowired
    RecordCheckStore checks;

    @Autowired
    TradeRecordMatcher matcher;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void withoutAPaymentsModuleNoPaymentIsKnownAndWithOneItsPaymentIsMatched() {
        TradeWorld world = new TradeWorld(actors, port, clock.instant());
        String number = TradeWorld.newOrderNumber();
        assertThat(world.asMarketplace().post("/api/v1/trade/orders", world.order(number)).status()).isEqualTo(201);
        OrderReference reference = new OrderReference(world.marketplace.partyId(), number);
        assertThat(records.of(reference).payments()).isEmpty();

        PaymentLookup payments = new PaymentLookup() {
            @Override
            public Optional<PaidAmount> paidFor(PartyId merchant, String orderReference) {
                return merchant.equals(world.merchant.partyId()) && orderReference.equals(number)
                        ? Optional.of(new PaidAmount("pi_123", CurrencyCode.of("EUR"), 12_000, world.ordered.plus(Duration.ofMinutes(1)),
                        "payments"))
                        : Optional.empty();
            }
        };
        var provider = new StaticListableBeanFactory(Map.of("payments", payments)).getBeanProvider(PaymentLookup.class);
        TradeRecord record = new TradeRecordService(orders, shipments, declarations, pushed, provider, checks, matcher, events, clock)
                .of(reference);
        assertThat(record.payments()).extracting(PaidAmount::paymentReference).containsExactly("pi_123");
        assertThat(record.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.AMOUNT);
            assertThat(m.reason()).isEqualTo("the payment pi_123 EUR 120.00 differs from the order total EUR 100.00 by more than 1.00 %");
        });
    }
}
