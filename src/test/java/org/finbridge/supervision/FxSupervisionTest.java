package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentState;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.TradeWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** FX quotas, sellers' registration bands, authenticity holds and BOP declarations (regulations notes §2). */
@ApplicationTest
class FxSupervisionTest {

    @LocalServerPort
    int port;

    @Autowired
    IndividualFxQuotas quotas;

    @Autowired
    MerchantReceipts receipts;

    @Autowired
    FxCollections collections;

    @Autowired
    BopDeclarations bop;

    @Autowired
    MutableClock clock;

    @Autowired
    ReferenceRates rates;

    @Autowired
    TestActors actors;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void fixingOfToday() {
        FxTestRates.publishToday(rates, clock);
    }

    static IdentityDocument person() {
        return new IdentityDocument("CN_RESIDENT_ID", "CN", UUID.randomUUID().toString().substring(0, 18));
    }

    static Money usd(String amount) {
        return Money.ofMajor(amount, "USD");
    }

    int year() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).getYear();
    }

    @Test
    void anIndividualMayConvertUpToFiftyThousandDollarsAYearEachWayThenNeedsEvidence() {
        IdentityDocument p = person();
        assertThat(quotas.use("r-" + UUID.randomUUID(), p, FxDirection.SETTLEMENT, usd("30000"), false))
                .isInstanceOf(FxQuotaResult.Counted.class);
        FxQuotaResult atQuota = quotas.use("r-" + UUID.randomUUID(), p, FxDirection.SETTLEMENT, usd("20000"), false);
        assertThat(((FxQuotaResult.Counted) atQuota).usedAfter()).isEqualTo(usd("50000"));
        FxQuotaResult refused = quotas.use("r-" + UUID.randomUUID(), p, FxDirection.SETTLEMENT, usd("0.01"), false);
        assertThat(refused).isEqualTo(new FxQuotaResult.EvidenceRequired(usd("0.01"), usd("0")));
        assertThat(quotas.used(p, FxDirection.SETTLEMENT, year())).isEqualTo(usd("50000"));
        // purchase is tracked apart
        assertThat(quotas.use("r-" + UUID.randomUUID(), p, FxDirection.PURCHASE, usd("50000"), false)).isInstanceOf(FxQuotaResult.Counted.class);
        // with documentary evidence it goes ahead, and the regulator sees it
        FxQuotaResult evidenced = quotas.use("r-" + UUID.randomUUID(), p, FxDirection.SETTLEMENT, usd("100"), true);
        assertThat(((FxQuotaResult.Counted) evidenced).overQuotaWithEvidence()).isTrue();
        assertThat(quotas.used(p, FxDirection.SETTLEMENT, year())).isEqualTo(usd("50100"));
    }

    @Test
    void otherCurrenciesCountAtTheirUsdEquivalentAndAReferenceCountsOnce() {
        IdentityDocument p = person();
        String reference = "r-" + UUID.randomUUID();
        // CNY 7,838 = EUR 1,000 = USD 1,089.20 at the test fixing
        FxQuotaResult r = quotas.use(reference, p, FxDirection.PURCHASE, Money.ofMajor("7838", "CNY"), false);
        assertThat(((FxQuotaResult.Counted) r).usdEquivalent()).isEqualTo(usd("1089.20"));
        assertThat(quotas.use(reference, p, FxDirection.PURCHASE, Money.ofMajor("7838", "CNY"), false))
                .isEqualTo(new FxQuotaResult.AlreadyCounted(reference));
        assertThat(quotas.used(p, FxDirection.PURCHASE, year())).isEqualTo(usd("1089.20"));
        assertThatThrownBy(() -> quotas.use("r-x", p, FxDirection.PURCHASE, usd("0"), false)).hasMessageContaining("positive");
    }

    @Test
    void concurrentConversionsOfOnePersonNeverPassTheQuotaWithoutEvidence() throws Exception {
        IdentityDocument p = person();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<FxQuotaResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> quotas.use("r-" + UUID.randomUUID(), p, FxDirection.SETTLEMENT, usd("6000"), false)));
            }
            int counted = 0;
            for (Future<FxQuotaResult> f : results) {
                counted += f.get() instanceof FxQuotaResult.Counted ? 1 : 0;
            }
            assertThat(counted).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(quotas.used(p, FxDirection.SETTLEMENT, year())).isEqualTo(usd("48000"));
    }

    void publish(PaymentEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
    }

    PaymentEvent captured(PartyId merchant, PaymentId payment, int seq, String amount) {
        return new PaymentEvent("payment.captured", payment, merchant, seq, PaymentState.CAPTURED,
                usd(amount).minorUnits(), "USD", "order-" + payment, clock.instant());
    }

    @Test
    void aSellersReceiptsEnterTheWarningBandAt180000AndNeedRegistrationAbove200000() {
        PartyId merchant = new PartyId(UUID.randomUUID());
        PaymentId first = new PaymentId(UUID.randomUUID());
        publish(captured(merchant, first, 1, "179999.99"));
        assertThat(receipts.of(merchant, year()).band()).isEqualTo(MerchantReceipts.Band.BELOW);
        PaymentEvent cent = captured(merchant, new PaymentId(UUID.randomUUID()), 1, "0.01");
        publish(cent);
        publish(cent); // a redelivered event counts once
        assertThat(receipts.of(merchant, year())).isEqualTo(new MerchantReceipts.YearTotal(merchant, year(), usd("180000"),
                MerchantReceipts.Band.WARNING));
        PaymentId big = new PaymentId(UUID.randomUUID());
        publish(captured(merchant, big, 1, "20000"));
        assertThat(receipts.of(merchant, year()).band()).isEqualTo(MerchantReceipts.Band.WARNING);
        publish(captured(merchant, new PaymentId(UUID.randomUUID()), 1, "0.01"));
        assertThat(receipts.of(merchant, year()).band()).isEqualTo(MerchantReceipts.Band.REGISTRATION_REQUIRED);
        assertThat(receipts.flagged(year())).extracting(MerchantReceipts.YearTotal::merchant).contains(merchant);
        // a refund takes the seller back under the threshold
        publish(new PaymentEvent("payment.refunded", big, merchant, 2, PaymentState.CAPTURED, usd("1000").minorUnits(), "USD",
                "order-" + big, clock.instant()));
        assertThat(receipts.of(merchant, year())).isEqualTo(new MerchantReceipts.YearTotal(merchant, year(), usd("199000.01"),
                MerchantReceipts.Band.WARNING));
    }

    @Test
    void aCollectionWithoutAMatchingTradeRecordIsHeldUntilReviewed() {
        PartyId merchant = actors.party(org.finbridge.party.PartyKind.MERCHANT).partyId();
        OrderReference nowhere = new OrderReference(new PartyId(UUID.randomUUID()), "NO-ORDER");
        FxCollection held = collections.receive(merchant, nowhere, "pay-" + UUID.randomUUID(), usd("100"));
        assertThat(held.state()).isEqualTo(FxCollection.State.HELD);
        assertThat(held.holdReason()).contains("no order").contains("no logistics record");
        assertThat(held.convertible()).isFalse();
        assertThat(collections.held()).extracting(FxCollection::id).contains(held.id());
        FxCollection released = collections.review(held.id(), true, "invoice and waybill checked").orElseThrow();
        assertThat(released.state()).isEqualTo(FxCollection.State.RELEASED);
        assertThat(released.convertible()).isTrue();
        // a decided collection is not decided again
        assertThat(collections.review(held.id(), false, "again").orElseThrow().state()).isEqualTo(FxCollection.State.RELEASED);
    }

    @Test
    void aCollectionLinkedToAMatchingRecordIsClearedDeclaredAndHeldWhenTheRecordLaterDisagrees() {
        TradeWorld world = new TradeWorld(actors, port, clock.instant());
        String number = TradeWorld.newOrderNumber();
        String waybill = TradeWorld.newWaybill();
        String orderId = world.asMarketplace().post("/api/v1/trade/orders", world.order(number)).body().get("id").asString();
        assertThat(world.asMarketplace().post("/api/v1/trade/orders/" + orderId + "/payment", world.payment(10_000)).status()).isLessThan(300);
        assertThat(world.asLogistics().post("/api/v1/trade/shipments", world.shipment(number, waybill)).status()).isLessThan(300);
        OrderReference order = new OrderReference(world.marketplace.partyId(), number);
        PaymentId payment = new PaymentId(UUID.randomUUID());
        FxCollection cleared = collections.receive(world.merchant.partyId(), order, payment.toString(), Money.ofMajor("100", "EUR"));
        assertThat(cleared.state()).as(cleared.holdReason()).isEqualTo(FxCollection.State.CLEARED);
        assertThat(cleared.bopCode()).isEqualTo("122030");
        // another seller cannot collect on this order
        FxCollection foreign = collections.receive(actors.party(org.finbridge.party.PartyKind.MERCHANT).partyId(), order,
                "pay-" + UUID.randomUUID(), Money.ofMajor("100", "EUR"));
        assertThat(foreign.holdReason()).contains("another seller");

        // the refund of that payment is declared as a refund, marked 退, under the receipt's code
        publish(new PaymentEvent("payment.refunded", payment, world.merchant.partyId(), 3, PaymentState.CAPTURED, 2_500, "EUR",
                number, clock.instant()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        List<BopDeclaration> declared = bop.between(today, today).stream().filter(d -> d.merchant().equals(world.merchant.partyId())).toList();
        assertThat(declared).extracting(BopDeclaration::refund).containsExactly(false, true);
        assertThat(declared.get(0).postscript()).startsWith("122030 ").contains(number);
        assertThat(declared.get(1).transactionCode()).isEqualTo("122030");
        assertThat(declared.get(1).postscript()).startsWith("退 122030");
        assertThat(declared.get(1).amount()).isEqualTo(Money.ofMajor("25", "EUR"));
        String file = bop.export(today, today);
        assertThat(file).startsWith("declaration_id,declared_on,merchant_id,direction,transaction_code");
        assertThat(file).contains("," + world.merchant.partyId() + ",REFUND,122030,EUR,25.00,");

        // the trade module reports that the record's documents now disagree: the cleared collection is held
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new org.finbridge.trade.TradeRecordMismatched(
                order.recordId(), order, world.merchant.partyId(), List.of(new org.finbridge.trade.Mismatch(
                        org.finbridge.trade.MismatchKind.AMOUNT, "declared EUR 200.00, ordered EUR 100.00")))));
        FxCollection after = collections.find(cleared.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(FxCollection.State.HELD);
        assertThat(after.holdReason()).contains("AMOUNT");
    }

    @Test
    void goodsDeclaredAsGeneralTradeAreDeclaredUnder121010() {
        TradeWorld world = new TradeWorld(actors, port, clock.instant());
        String number = TradeWorld.newOrderNumber();
        String waybill = TradeWorld.newWaybill();
        world.asMarketplace().post("/api/v1/trade/orders", world.order(number));
        world.asLogistics().post("/api/v1/trade/shipments", world.shipment(number, waybill));
        Map<String, Object> declaration = new java.util.LinkedHashMap<>(world.declaration(number, waybill));
        declaration.put("customsMode", "0110");
        assertThat(world.asMerchant().post("/api/v1/trade/declarations", declaration).status()).isLessThan(300);
        FxCollection c = collections.receive(world.merchant.partyId(), new OrderReference(world.marketplace.partyId(), number),
                "pay-" + UUID.randomUUID(), Money.ofMajor("100", "EUR"));
        assertThat(c.bopCode()).isEqualTo("121010");
        assertThat(c.holdReason()).contains("no payment record");
        // the regulator's view by customs mode counts it under general trade
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        assertThat(views.flows(today, today, RegulatorViews.GroupBy.CUSTOMS_MODE))
                .anySatisfy(f -> {
                    assertThat(f.group()).isEqualTo("GENERAL_TRADE");
                    assertThat(f.currency()).isEqualTo("EUR");
                    assertThat(f.capturedMinor()).isGreaterThanOrEqualTo(10_000);
                });
    }

    @org.springframework.beans.factory.annotation.Autowired
    RegulatorViews views;
}
