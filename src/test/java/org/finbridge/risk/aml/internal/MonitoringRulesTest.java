package org.finbridge.risk.aml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.risk.aml.ReportType;
import org.finbridge.risk.aml.internal.AmlTransaction.Direction;
import org.finbridge.risk.aml.internal.AmlTransaction.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every monitoring rule at and around its thresholds, on a fixed clock (no Spring): one below, one at,
 * one above where the rule has a line.
 */
class MonitoringRulesTest {

    static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z"); // 12:00 in Shanghai, a Tuesday
    static final PartyId CUSTOMER = new PartyId(UUID.fromString("0190aaaa-0000-7000-8000-000000000001"));
    static final AtomicInteger SEQ = new AtomicInteger();

    /** A transaction of {@code cnyFen} in CNY (its USD equivalent at 7.2). */
    static AmlTransaction cny(Direction d, Kind k, long cnyFen, Instant at, String counterparty, String cpCountry) {
        return new AmlTransaction("t" + SEQ.incrementAndGet(), CUSTOMER, false, "CN", d, k, false,
                Money.ofMinor(cnyFen, "CNY"), cnyFen, cnyFen * 10 / 72, counterparty, cpCountry, "o" + SEQ.get(), "src", at);
    }

    static AmlTransaction credit(long cnyFen, Instant at) {
        return cny(Direction.CREDIT, Kind.PAYMENT, cnyFen, at, "ext:b" + SEQ.get(), "CN");
    }

    static AmlTransaction usd(Direction d, boolean person, String cpCountry, long usdCents, Instant at) {
        return new AmlTransaction("t" + SEQ.incrementAndGet(), CUSTOMER, person, "CN", d, Kind.PAYMENT, false,
                Money.ofMinor(usdCents, "USD"), usdCents * 72 / 10, usdCents, "ext:x", cpCountry, "o" + SEQ.get(), "src", at);
    }

    static Activity activity(List<AmlTransaction> transactions) {
        return activity(transactions, null, false, "CN");
    }

    static Activity activity(List<AmlTransaction> transactions, Instant previous, boolean person, String country) {
        return new Activity(CUSTOMER, person, country, transactions, previous, Set.of(), List.of(), NOW);
    }

    @Nested
    class LargeValueCompanyTransfers0502 {
        final LargeValueRule rule = new LargeValueRule(LargeValueThreshold.ENTITY_TRANSFER);

        @Test
        void aDaysRenminbiReceiptsFromTwoMillionAreReportedOneFenLessIsNot() {
            assertThat(rule.evaluate(activity(List.of(credit(1_999_999_99L, NOW))))).isEmpty();
            List<Finding> at = rule.evaluate(activity(List.of(credit(1_000_000_00L, NOW), credit(1_000_000_00L, NOW.plusSeconds(60)))));
            assertThat(at).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo(ReportType.LTR);
                assertThat(f.featureCode()).isEqualTo("0502");
                assertThat(f.windowKey()).isEqualTo("2026-03-10:CREDIT");
                assertThat(f.transactionRefs()).hasSize(2);
            });
        }

        @Test
        void foreignCurrencyCountsAtItsUsdEquivalentAgainstUsd200000() {
            assertThat(rule.evaluate(activity(List.of(usd(Direction.CREDIT, false, "US", 199_999_99L, NOW))))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(usd(Direction.CREDIT, false, "US", 200_000_00L, NOW))))).hasSize(1);
        }

        @Test
        void receiptsAndPaymentsAreOneSidedAndDaysAreChinasCalendarDays() {
            // one side each below the line: nothing
            assertThat(rule.evaluate(activity(List.of(credit(1_500_000_00L, NOW),
                    cny(Direction.DEBIT, Kind.PAYOUT, 1_500_000_00L, NOW, "bank:1", "CN"))))).isEmpty();
            // 15:59 and 16:01 UTC are two days in Shanghai
            Instant late = Instant.parse("2026-03-10T15:59:00Z");
            assertThat(rule.evaluate(activity(List.of(credit(1_000_000_00L, late), credit(1_000_000_00L, late.plusSeconds(120))))))
                    .isEmpty();
        }
    }

    @Nested
    class LargeValuePersons0503And0504AndCash0501 {
        @Test
        void aPersonsCrossBorderPaymentFromUsd10000() {
            LargeValueRule rule = new LargeValueRule(LargeValueThreshold.PERSON_CROSS_BORDER);
            assertThat(rule.evaluate(activity(List.of(usd(Direction.DEBIT, true, "US", 9_999_99L, NOW)), null, true, "CN"))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(usd(Direction.DEBIT, true, "US", 10_000_00L, NOW)), null, true, "CN")))
                    .singleElement().extracting(Finding::featureCode).isEqualTo("0504");
            // the same amount domestic is 0503's, whose USD line is 100,000
            assertThat(rule.evaluate(activity(List.of(usd(Direction.DEBIT, true, "CN", 10_000_00L, NOW)), null, true, "CN"))).isEmpty();
        }

        @Test
        void aPersonsDomesticTransfersFromCny500000() {
            LargeValueRule rule = new LargeValueRule(LargeValueThreshold.PERSON_DOMESTIC);
            AmlTransaction below = new AmlTransaction("p1", CUSTOMER, true, "CN", Direction.DEBIT, Kind.PAYMENT, false,
                    Money.ofMinor(499_999_99L, "CNY"), 499_999_99L, null, "pty_x", "CN", null, "src", NOW);
            AmlTransaction at = new AmlTransaction("p2", CUSTOMER, true, "CN", Direction.DEBIT, Kind.PAYMENT, false,
                    Money.ofMinor(500_000_00L, "CNY"), 500_000_00L, null, "pty_x", "CN", null, "src", NOW);
            assertThat(rule.evaluate(activity(List.of(below), null, true, "CN"))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(at), null, true, "CN"))).singleElement()
                    .extracting(Finding::featureCode).isEqualTo("0503");
        }

        @Test
        void cashFromCny50000() {
            LargeValueRule rule = new LargeValueRule(LargeValueThreshold.CASH);
            AmlTransaction below = new AmlTransaction("c1", CUSTOMER, false, "CN", Direction.CREDIT, Kind.PAYMENT, true,
                    Money.ofMinor(49_999_99L, "CNY"), 49_999_99L, null, "ext:b", "CN", null, "src", NOW);
            AmlTransaction at = new AmlTransaction("c2", CUSTOMER, false, "CN", Direction.CREDIT, Kind.PAYMENT, true,
                    Money.ofMinor(50_000_00L, "CNY"), 50_000_00L, null, "ext:b", "CN", null, "src", NOW);
            assertThat(rule.evaluate(activity(List.of(below)))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(at)))).singleElement().extracting(Finding::featureCode).isEqualTo("0501");
            // cash is never counted towards the transfer codes
            assertThat(new LargeValueRule(LargeValueThreshold.ENTITY_TRANSFER).evaluate(activity(List.of(at)))).isEmpty();
        }
    }

    @Nested
    class Structuring {
        final StructuringRule rule = new StructuringRule(1_000, 3, Duration.ofDays(7));

        @Test
        void threeReceiptsJustUnderTheLineWithinAWeekAreStructuring() {
            // company threshold CNY 2,000,000: the band is [1,800,000, 2,000,000)
            List<AmlTransaction> three = List.of(credit(1_800_000_00L, NOW.minus(Duration.ofDays(6))),
                    credit(1_900_000_00L, NOW.minus(Duration.ofDays(3))), credit(1_999_999_99L, NOW));
            assertThat(rule.evaluate(activity(three))).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo(ReportType.STR);
                assertThat(f.transactionRefs()).hasSize(3);
            });
        }

        @Test
        void belowTheBandAtTheLineOrSpreadOverMoreThanAWeekIsNot() {
            assertThat(rule.evaluate(activity(List.of(credit(1_799_999_99L, NOW.minus(Duration.ofDays(2))),
                    credit(1_900_000_00L, NOW.minus(Duration.ofDays(1))), credit(1_900_000_00L, NOW))))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(credit(2_000_000_00L, NOW.minus(Duration.ofDays(2))),
                    credit(1_900_000_00L, NOW.minus(Duration.ofDays(1))), credit(1_900_000_00L, NOW))))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(credit(1_900_000_00L, NOW.minus(Duration.ofDays(7))),
                    credit(1_900_000_00L, NOW.minus(Duration.ofDays(1))), credit(1_900_000_00L, NOW))))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(credit(1_900_000_00L, NOW.minus(Duration.ofDays(1))),
                    credit(1_900_000_00L, NOW))))).isEmpty();
        }
    }

    @Nested
    class RapidInAndOut {
        final RapidInAndOutRule rule = new RapidInAndOutRule(Duration.ofHours(48), 100_000_00L, 9_000);

        @Test
        void ninetyPercentOutWithin48HoursOfCny100000InFires() {
            assertThat(rule.evaluate(activity(List.of(credit(100_000_00L, NOW.minus(Duration.ofHours(47))),
                    cny(Direction.DEBIT, Kind.PAYOUT, 90_000_00L, NOW, "bank:1", "CN"))))).hasSize(1);
        }

        @Test
        void lessOutLessInOrLaterIsQuiet() {
            assertThat(rule.evaluate(activity(List.of(credit(100_000_00L, NOW.minus(Duration.ofHours(47))),
                    cny(Direction.DEBIT, Kind.PAYOUT, 89_999_99L, NOW, "bank:1", "CN"))))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(credit(99_999_99L, NOW.minus(Duration.ofHours(47))),
                    cny(Direction.DEBIT, Kind.PAYOUT, 99_999_99L, NOW, "bank:1", "CN"))))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(credit(100_000_00L, NOW.minus(Duration.ofHours(49))),
                    cny(Direction.DEBIT, Kind.PAYOUT, 100_000_00L, NOW, "bank:1", "CN"))))).isEmpty();
        }
    }

    @Nested
    class FanInAndFanOut {
        final FanRule fanIn = new FanRule(Direction.CREDIT, Duration.ofHours(24), 10, 200_000_00L, 10_000_00L);
        final FanRule fanOut = new FanRule(Direction.DEBIT, Duration.ofHours(24), 10, 200_000_00L, 10_000_00L);

        List<AmlTransaction> from(int counterparties, long each, Direction d) {
            List<AmlTransaction> list = new ArrayList<>();
            for (int i = 0; i < counterparties; i++) {
                list.add(cny(d, d == Direction.CREDIT ? Kind.PAYMENT : Kind.PAYOUT, each, NOW.minus(Duration.ofHours(i)),
                        "pty_" + i, "CN"));
            }
            return list;
        }

        @Test
        void tenPayersOfCny20000EachWithinADayIsFanIn() {
            assertThat(fanIn.evaluate(activity(from(10, 20_000_00L, Direction.CREDIT)))).singleElement()
                    .extracting(Finding::ruleName).isEqualTo("fan-in");
            assertThat(fanOut.evaluate(activity(from(10, 20_000_00L, Direction.DEBIT)))).singleElement()
                    .extracting(Finding::ruleName).isEqualTo("fan-out");
        }

        @Test
        void ninePayersOrSmallTicketsAreCommerce() {
            assertThat(fanIn.evaluate(activity(from(9, 30_000_00L, Direction.CREDIT)))).isEmpty();
            assertThat(fanIn.evaluate(activity(from(10, 19_999_99L, Direction.CREDIT)))).isEmpty();
            // many small buyers: total reached, average far below
            assertThat(fanIn.evaluate(activity(from(400, 5_000_00L, Direction.CREDIT)))).isEmpty();
        }
    }

    @Nested
    class DormantAccount {
        final DormantAccountRule rule = new DormantAccountRule(Duration.ofDays(180), Duration.ofDays(7), 50_000_00L);

        @Test
        void cny50000AfterHalfAYearOfSilenceFires() {
            assertThat(rule.evaluate(activity(List.of(credit(50_000_00L, NOW)), NOW.minus(Duration.ofDays(180)), false, "CN")))
                    .hasSize(1);
        }

        @Test
        void aShorterSilenceASmallerSumOrANewCustomerDoNot() {
            assertThat(rule.evaluate(activity(List.of(credit(50_000_00L, NOW)), NOW.minus(Duration.ofDays(179)), false, "CN"))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(credit(49_999_99L, NOW)), NOW.minus(Duration.ofDays(200)), false, "CN"))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(credit(90_000_00L, NOW)), null, false, "CN"))).isEmpty();
        }
    }

    @Nested
    class HighRiskJurisdiction {
        final HighRiskJurisdictionRule rule = new HighRiskJurisdictionRule(1_000_00L);

        @Test
        void callForActionAtAnyAmountGreyListFromUsd1000() {
            assertThat(rule.evaluate(activity(List.of(usd(Direction.CREDIT, false, "IR", 1L, NOW))))).hasSize(1);
            assertThat(rule.evaluate(activity(List.of(usd(Direction.CREDIT, false, "VN", 999_99L, NOW))))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(usd(Direction.CREDIT, false, "VN", 1_000_00L, NOW))))).singleElement()
                    .extracting(Finding::windowKey).isEqualTo("2026-03-10:VN");
            assertThat(rule.evaluate(activity(List.of(usd(Direction.CREDIT, false, "DE", 900_000_00L, NOW))))).isEmpty();
            // removed from the grey list in October 2025
            assertThat(rule.evaluate(activity(List.of(usd(Direction.CREDIT, false, "ZA", 5_000_00L, NOW))))).isEmpty();
        }
    }

    @Nested
    class Brushing {
        final BrushingRule rule = new BrushingRule(Duration.ofDays(60), Duration.ofDays(30), 5, 2_000);

        Activity merchant(int paid, int delivered, Duration age) {
            List<AmlTransaction> list = new ArrayList<>();
            List<String> shipped = new ArrayList<>();
            for (int i = 0; i < paid; i++) {
                AmlTransaction t = credit(10_000L, NOW.minus(age));
                list.add(t);
                if (i < delivered) {
                    shipped.add(t.orderReference());
                }
            }
            return new Activity(CUSTOMER, false, "CN", list, null, Set.copyOf(shipped), List.of(), NOW);
        }

        @Test
        void fiveOfTwentyFivePaidOrdersNeverDeliveredIsBrushing() {
            assertThat(rule.evaluate(merchant(25, 20, Duration.ofDays(31)))).singleElement()
                    .extracting(Finding::windowKey).isEqualTo("2026-03");
        }

        @Test
        void fourUnshippedALowShareOrTooRecentIsNot() {
            assertThat(rule.evaluate(merchant(20, 16, Duration.ofDays(31)))).isEmpty();
            assertThat(rule.evaluate(merchant(26, 21, Duration.ofDays(31)))).isEmpty(); // 5 of 26 < 20 %
            assertThat(rule.evaluate(merchant(25, 0, Duration.ofDays(29)))).isEmpty(); // still in the delivery grace
        }
    }

    @Nested
    class RefundAbuse {
        final RefundAbuseRule rule = new RefundAbuseRule(Duration.ofDays(30), 5, 3_000);

        Activity refunds(int count, long each, long received) {
            List<AmlTransaction> list = new ArrayList<>(List.of(credit(received, NOW.minus(Duration.ofDays(10)))));
            for (int i = 0; i < count; i++) {
                list.add(cny(Direction.DEBIT, Kind.REFUND, each, NOW.minus(Duration.ofDays(5)), "ext:b", "CN"));
            }
            return activity(list);
        }

        @Test
        void fiveRefundsOfThirtyPercentOfReceiptsFire() {
            assertThat(refunds(5, 6_000_00L, 100_000_00L)).satisfies(a -> assertThat(rule.evaluate(a)).hasSize(1));
        }

        @Test
        void fourRefundsOrLessThanThirtyPercentDoNot() {
            assertThat(rule.evaluate(refunds(4, 10_000_00L, 100_000_00L))).isEmpty();
            assertThat(rule.evaluate(refunds(5, 5_999_99L, 100_000_00L))).isEmpty();
        }
    }

    @Nested
    class Invoicing {
        final InvoicingRule rule = new InvoicingRule(5_000);

        List<Finding> compare(long paid, long declared) {
            return rule.evaluate(new Activity(CUSTOMER, false, "CN", List.of(), null, Set.of(),
                    List.of(new Activity.TradeComparison("ORD-1", paid, declared, "CNY " + paid, "CNY " + declared)), NOW));
        }

        @Test
        void paidHalfAgainOrHalfTheDeclaredValueIsOverOrUnderInvoicing() {
            assertThat(compare(150_00L, 100_00L)).singleElement().extracting(Finding::summary).asString().startsWith("over-invoicing");
            assertThat(compare(50_00L, 100_00L)).singleElement().extracting(Finding::summary).asString().startsWith("under-invoicing");
        }

        @Test
        void withinTheToleranceOrWithoutARateNothing() {
            assertThat(compare(149_99L, 100_00L)).isEmpty();
            assertThat(compare(50_01L, 100_00L)).isEmpty();
            assertThat(rule.evaluate(new Activity(CUSTOMER, false, "CN", List.of(), null, Set.of(),
                    List.of(new Activity.TradeComparison("ORD-2", null, 100_00L, "XAU 1", "CNY 100")), NOW))).isEmpty();
        }
    }

    @Nested
    class SplitOrders {
        final SplitOrdersRule rule = new SplitOrdersRule("CN", 5_000_00L, 2);

        AmlTransaction importPayment(long fen, String seller, Instant at) {
            return new AmlTransaction("s" + SEQ.incrementAndGet(), CUSTOMER, true, "CN", Direction.DEBIT, Kind.PAYMENT, false,
                    Money.ofMinor(fen, "CNY"), fen, null, seller, "JP", null, "src", at);
        }

        @Test
        void twoPaymentsToOneSellerInADayEachWithinTheLimitTogetherAboveItFire() {
            assertThat(rule.evaluate(activity(List.of(importPayment(5_000_00L, "pty_s", NOW),
                    importPayment(1L, "pty_s", NOW.plusSeconds(60))), null, true, "CN"))).hasSize(1);
        }

        @Test
        void togetherWithinTheLimitOneAboveItOrTwoSellersDoNot() {
            assertThat(rule.evaluate(activity(List.of(importPayment(2_500_00L, "pty_s", NOW),
                    importPayment(2_500_00L, "pty_s", NOW.plusSeconds(60))), null, true, "CN"))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(importPayment(5_000_01L, "pty_s", NOW),
                    importPayment(3_000_00L, "pty_s", NOW.plusSeconds(60))), null, true, "CN"))).isEmpty();
            assertThat(rule.evaluate(activity(List.of(importPayment(4_000_00L, "pty_s", NOW),
                    importPayment(4_000_00L, "pty_t", NOW.plusSeconds(60))), null, true, "CN"))).isEmpty();
            // a company buying is not a retail import
            assertThat(rule.evaluate(activity(List.of(importPayment(4_000_00L, "pty_s", NOW),
                    importPayment(4_000_00L, "pty_s", NOW.plusSeconds(60))), null, false, "CN"))).isEmpty();
        }
    }

    @Nested
    class CircularFlow {
        final CircularFlowRule rule = new CircularFlowRule(Duration.ofDays(30), 10_000_00L, 4);
        final PartyId storeA = new PartyId(UUID.fromString("0190aaaa-0000-7000-8000-00000000000a"));
        final PartyId buyerA = new PartyId(UUID.fromString("0190aaaa-0000-7000-8000-0000000000aa"));
        final PartyId storeB = new PartyId(UUID.fromString("0190aaaa-0000-7000-8000-00000000000b"));
        final PartyId buyerB = new PartyId(UUID.fromString("0190aaaa-0000-7000-8000-0000000000bb"));
        /** Each store's buyer account shares its e-mail: the same people. */
        final CircularFlowRule.Relatedness related = p -> p.equals(buyerA) ? storeA : p.equals(buyerB) ? storeB : p;

        @Test
        void moneyGoingFromOneStoresPeopleToAnotherAndBackIsCircular() {
            List<CircularFlowRule.Edge> edges = List.of(new CircularFlowRule.Edge(buyerA, storeB, 10_000_00L, "e1", NOW.minus(Duration.ofDays(3))),
                    new CircularFlowRule.Edge(buyerB, storeA, 10_000_00L, "e2", NOW.minus(Duration.ofDays(1))));
            assertThat(rule.evaluate(edges, related, NOW)).singleElement().satisfies(f -> {
                assertThat(f.transactionRefs()).containsExactlyInAnyOrder("e1", "e2");
                assertThat(f.party()).isIn(storeA, storeB);
            });
        }

        @Test
        void oneWayUnrelatedSmallOrOldFlowsAreNot() {
            assertThat(rule.evaluate(List.of(new CircularFlowRule.Edge(buyerA, storeB, 50_000_00L, "e1", NOW)), related, NOW)).isEmpty();
            assertThat(rule.evaluate(List.of(new CircularFlowRule.Edge(buyerA, storeB, 10_000_00L, "e1", NOW),
                    new CircularFlowRule.Edge(buyerB, storeA, 10_000_00L, "e2", NOW)), p -> p, NOW)).isEmpty();
            assertThat(rule.evaluate(List.of(new CircularFlowRule.Edge(buyerA, storeB, 9_999_99L, "e1", NOW),
                    new CircularFlowRule.Edge(buyerB, storeA, 10_000_00L, "e2", NOW)), related, NOW)).isEmpty();
            assertThat(rule.evaluate(List.of(new CircularFlowRule.Edge(buyerA, storeB, 10_000_00L, "e1", NOW.minus(Duration.ofDays(31))),
                    new CircularFlowRule.Edge(buyerB, storeA, 10_000_00L, "e2", NOW)), related, NOW)).isEmpty();
        }
    }
}
