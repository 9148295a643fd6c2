package org.finbridge.trade.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.finbridge.trade.Buyer;
import org.finbridge.trade.CustomsMode;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.DeclarationId;
import org.finbridge.trade.DeclarationLine;
import org.finbridge.trade.HsCode;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.Order;
import org.finbridge.trade.OrderId;
import org.finbridge.trade.OrderItem;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.Place;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.ShipmentId;
import org.finbridge.trade.ShipmentState;
import org.finbridge.trade.TradeDirection;
import org.finbridge.trade.TradeRecord;
import org.junit.jupiter.api.Test;

/** One scenario per matching rule: the documents agree, or each disagreement is named with its reason. */
class TradeRecordMatcherTest {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final CurrencyCode USD = CurrencyCode.of("USD");
    static final Instant ORDERED = Instant.parse("2026-03-01T10:00:00Z");
    static final PartyId MARKETPLACE = new PartyId(UUID.randomUUID());
    static final PartyId MERCHANT = new PartyId(UUID.randomUUID());
    static final PartyId OTHER_MERCHANT = new PartyId(UUID.randomUUID());
    static final OrderReference REF = new OrderReference(MARKETPLACE, "A-1001");

    final TradeRecordMatcher matcher = new TradeRecordMatcher(100);

    // two phone cases at 25.00 and one charger at 50.00: EUR 100.00
    static Order order() {
        return new Order(new OrderId(UUID.randomUUID()), REF, MERCHANT, new Buyer(null, "buyer-7"), EUR, 100_00, ORDERED,
                List.of(new OrderItem(HsCode.parse("392690"), "phone case", 2, 25_00),
                        new OrderItem(HsCode.parse("850440"), "charger", 1, 50_00)), ORDERED);
    }

    static Declaration declaration(PartyId merchant, CurrencyCode currency, long value, Instant at, List<DeclarationLine> lines,
                                   String waybill) {
        return new Declaration(new DeclarationId(UUID.randomUUID()), "531620261000012345", CustomsMode.ECOMMERCE_DIRECT,
                TradeDirection.EXPORT, merchant, REF, waybill == null ? null : "SF", waybill, currency, value, at, lines,
                merchant, at);
    }

    static List<DeclarationLine> declaredLines() {
        return List.of(new DeclarationLine(HsCode.parse("3926909090"), "phone case", 2, 50_00),
                new DeclarationLine(HsCode.parse("8504401400"), "charger", 1, 50_00));
    }

    static Declaration matchingDeclaration() {
        return declaration(MERCHANT, EUR, 100_00, ORDERED.plusSeconds(3600), declaredLines(), "SF1234567890");
    }

    static PaidAmount paid(CurrencyCode currency, long amount) {
        return new PaidAmount("pay-1", currency, amount, ORDERED.plusSeconds(60), "marketplace");
    }

    static Shipment shipment(String waybill, Instant pickedUp, Instant delivered) {
        List<LogisticsEvent> events = new java.util.ArrayList<>();
        events.add(new LogisticsEvent(LogisticsEventType.PICKED_UP, pickedUp, new Place("CN", "Shenzhen"), pickedUp));
        if (delivered != null) {
            events.add(new LogisticsEvent(LogisticsEventType.DELIVERED, delivered, new Place("DE", "Berlin"), delivered));
        }
        return new Shipment(new ShipmentId(UUID.randomUUID()), new PartyId(UUID.randomUUID()), "SF", waybill, REF,
                delivered == null ? ShipmentState.PICKED_UP : ShipmentState.DELIVERED, events, pickedUp);
    }

    static TradeRecord record(Order order, List<PaidAmount> paid, List<Shipment> shipments, List<Declaration> declarations) {
        return new TradeRecord(REF.recordId(), REF, order, paid, shipments, declarations, List.of());
    }

    List<Mismatch> match(TradeRecord r) {
        return matcher.match(r);
    }

    @Test
    void allFourDocumentsAgreeAndTheRecordIsMatched() {
        TradeRecord r = matcher.matched(record(order(), List.of(paid(EUR, 100_00)),
                List.of(shipment("SF1234567890", ORDERED.plusSeconds(7200), ORDERED.plusSeconds(86_400 * 5))),
                List.of(matchingDeclaration())));
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.status()).isEqualTo(TradeRecord.Status.MATCHED);
    }

    @Test
    void anOrderAloneIsIncompleteNotMismatched() {
        TradeRecord r = matcher.matched(record(order(), List.of(), List.of(), List.of()));
        assertThat(r.status()).isEqualTo(TradeRecord.Status.INCOMPLETE);
    }

    @Test
    void aPaymentWithinTheToleranceAgrees() {
        assertThat(match(record(order(), List.of(paid(EUR, 100_99)), List.of(), List.of()))).isEmpty();
    }

    @Test
    void aPaymentBeyondTheToleranceIsAnAmountMismatch() {
        assertThat(match(record(order(), List.of(paid(EUR, 101_01)), List.of(), List.of())))
                .singleElement().satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(MismatchKind.AMOUNT);
                    assertThat(m.reason()).contains("the payment pay-1 EUR 101.01 differs from the order total EUR 100.00");
                });
    }

    @Test
    void aDeclaredValueBeyondTheToleranceIsAnAmountMismatch() {
        Declaration low = declaration(MERCHANT, EUR, 60_00, ORDERED.plusSeconds(60),
                List.of(new DeclarationLine(HsCode.parse("392690"), "phone case", 2, 10_00),
                        new DeclarationLine(HsCode.parse("850440"), "charger", 1, 40_00)), null);
        assertThat(match(record(order(), List.of(), List.of(), List.of(low)))).extracting(Mismatch::kind)
                .containsExactly(MismatchKind.AMOUNT);
    }

    @Test
    void amountsInAnotherCurrencyCannotBeComparedAndAreFlagged() {
        assertThat(match(record(order(), List.of(paid(USD, 108_00)), List.of(), List.of()))).singleElement()
                .satisfies(m -> assertThat(m.reason()).contains("is in USD").contains("not comparable without a rate"));
    }

    @Test
    void aDifferentDeclaredQuantityIsAQuantityMismatch() {
        Declaration three = declaration(MERCHANT, EUR, 100_00, ORDERED.plusSeconds(60),
                List.of(new DeclarationLine(HsCode.parse("392690"), "phone case", 3, 50_00),
                        new DeclarationLine(HsCode.parse("850440"), "charger", 1, 50_00)), null);
        assertThat(match(record(order(), List.of(), List.of(), List.of(three)))).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.QUANTITY);
            assertThat(m.reason()).isEqualTo("declared quantity 4 differs from the ordered quantity 3");
        });
    }

    @Test
    void aDeclarationForAnotherMerchantIsAPartiesMismatch() {
        Declaration other = declaration(OTHER_MERCHANT, EUR, 100_00, ORDERED.plusSeconds(60), declaredLines(), null);
        assertThat(match(record(order(), List.of(), List.of(), List.of(other)))).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.PARTIES);
            assertThat(m.reason()).contains(OTHER_MERCHANT.toString()).contains("not the order's merchant " + MERCHANT);
        });
    }

    @Test
    void otherGoodsDeclaredIsAnHsCodeMismatchComparedAtTheSubheading() {
        Declaration toys = declaration(MERCHANT, EUR, 100_00, ORDERED.plusSeconds(60),
                List.of(new DeclarationLine(HsCode.parse("9503000090"), "toy", 2, 50_00),
                        new DeclarationLine(HsCode.parse("8504401400"), "charger", 1, 50_00)), null);
        assertThat(match(record(order(), List.of(), List.of(), List.of(toys)))).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.HS_CODES);
            assertThat(m.reason()).isEqualTo("HS subheadings ordered but not declared: [392690]; declared but not ordered: [950300]");
        });
    }

    @Test
    void aDeclarationBeforeTheOrderIsATimingMismatch() {
        Declaration early = declaration(MERCHANT, EUR, 100_00, ORDERED.minusSeconds(3600), declaredLines(), null);
        assertThat(match(record(order(), List.of(), List.of(), List.of(early)))).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.TIMING);
            assertThat(m.reason()).contains("before the order");
        });
    }

    @Test
    void goodsPickedUpBeforeTheOrderOrDeliveredBeforePickupAreTimingMismatches() {
        Shipment early = shipment("SF1", ORDERED.minusSeconds(60), null);
        Shipment backwards = shipment("SF2", ORDERED.plusSeconds(86_400), ORDERED.plusSeconds(3600));
        assertThat(match(record(order(), List.of(), List.of(early, backwards), List.of())))
                .extracting(Mismatch::kind, Mismatch::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MismatchKind.TIMING, "shipment SF SF1 was picked up at "
                                + ORDERED.minusSeconds(60) + ", before the order at " + ORDERED),
                        org.assertj.core.groups.Tuple.tuple(MismatchKind.TIMING, "shipment SF SF2 was delivered at "
                                + ORDERED.plusSeconds(3600) + ", before it was picked up at " + ORDERED.plusSeconds(86_400)));
    }

    @Test
    void aDeclarationNamingAnotherWaybillIsAWaybillMismatch() {
        assertThat(match(record(order(), List.of(), List.of(shipment("SF999", ORDERED.plusSeconds(60), null)),
                List.of(matchingDeclaration())))).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(MismatchKind.WAYBILL));
    }

    @Test
    void everyDisagreementIsReportedNotJustTheFirst() {
        Declaration bad = declaration(OTHER_MERCHANT, EUR, 10_00, ORDERED.minusSeconds(60),
                List.of(new DeclarationLine(HsCode.parse("950300"), "toy", 9, 10_00)), null);
        assertThat(match(record(order(), List.of(paid(EUR, 1_00)), List.of(), List.of(bad)))).extracting(Mismatch::kind)
                .containsExactly(MismatchKind.AMOUNT, MismatchKind.AMOUNT, MismatchKind.QUANTITY, MismatchKind.PARTIES,
                        MismatchKind.HS_CODES, MismatchKind.TIMING);
    }
}
