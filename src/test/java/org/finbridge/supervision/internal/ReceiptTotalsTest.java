package org.finbridge.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
import org.finbridge.supervision.MerchantReceipts;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sellers' annual receipts are counted without a row every payment locks: many payments of one seller at once,
 * redelivered events, and two folding passes at once still count each receipt exactly once, and a threshold the
 * payments cross together is reported once.
 */
@ApplicationTest
class ReceiptTotalsTest {

    @Autowired
    ReceiptTotals totals;

    @Autowired
    MutableClock clock;

    @Autowired
    ReferenceRates rates;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixingOfToday() {
        FxTestRates.publishToday(rates, clock);
    }

    private int year() {
        return LocalDate.now(clock.withZone(ReceiptTotals.BEIJING)).getYear();
    }

    private void publish(PaymentEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
    }

    private PaymentEvent captured(PartyId merchant, PaymentId payment, String usd) {
        return new PaymentEvent("payment.captured", payment, merchant, 1, PaymentState.CAPTURED,
                Money.ofMajor(usd, "USD").minorUnits(), "USD", "order-" + payment, clock.instant());
    }

    private long pending(PartyId merchant) {
        return jdbc.sql("select count(*) from supervision_receipt_deltas where merchant_id = ?").param(merchant.value())
                .query(Long.class).single();
    }

    private long yearRow(PartyId merchant) {
        return jdbc.sql("select usd_minor from supervision_merchant_receipts where merchant_id = ? and receipt_year = ?")
                .params(merchant.value(), year()).query(Long.class).optional().orElse(0L);
    }

    /** Folds until none of the seller's receipts is pending (the background pass may hold some for a moment). */
    private void foldAll(PartyId merchant) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pending(merchant) > 0) {
            assertThat(System.nanoTime()).as("receipts still pending after 30 s").isLessThan(deadline);
            totals.foldPending();
            Thread.sleep(20);
        }
    }

    @Test
    void concurrentPaymentsOfOneSellerCountOnceAndTheirCrossingOfTheThresholdIsReportedOnce() throws Exception {
        PartyId merchant = new PartyId(UUID.randomUUID());
        // 40 captures of USD 5,000.01 from eight threads at once, then each delivered again (at least once delivery):
        // USD 200,000.40 in all, over the threshold, while no single payment comes near it
        List<PaymentEvent> captures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            captures.add(captured(merchant, new PaymentId(UUID.randomUUID()), "5000.01"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int wave = 0; wave < 2; wave++) {
            List<PaymentEvent> deliveries = new ArrayList<>(captures);
            java.util.Collections.shuffle(deliveries, new java.util.Random(wave));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (PaymentEvent e : deliveries) {
                done.add(pool.submit(() -> {
                    start.await();
                    publish(e);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        pool.shutdown();
        Money expected = Money.ofMajor("200000.40", "USD");
        // exact before any fold: the year row plus what is pending
        assertThat(totals.of(merchant, year())).isEqualTo(new MerchantReceipts.YearTotal(merchant, year(), expected,
                MerchantReceipts.Band.REGISTRATION_REQUIRED));
        assertThat(totals.flagged(year())).extracting(MerchantReceipts.YearTotal::merchant).contains(merchant);

        foldAll(merchant);
        assertThat(yearRow(merchant)).isEqualTo(expected.minorUnits());
        assertThat(jdbc.sql("select band from supervision_merchant_receipts where merchant_id = ? and receipt_year = ?")
                .params(merchant.value(), year()).query(String.class).single()).isEqualTo("REGISTRATION_REQUIRED");
        assertThat(totals.of(merchant, year()).receiptsUsd()).isEqualTo(expected);
        // one case, and each band's breach once, however many payments and passes saw the crossing
        assertThat(jdbc.sql("select count(*) from supervision_violations where detection_ref = ?")
                .param("receipts-registration:" + merchant + ":" + year()).query(Long.class).single()).isEqualTo(1);
        // (the warning band is reported when a payment saw the total inside it: likely, not certain, with eight at once)
        java.util.Map<String, Long> breaches = new java.util.HashMap<>();
        jdbc.sql("select kind, count(*) from supervision_quota_breaches where subject = ? and quota_year = ? group by kind")
                .params(merchant.toString(), year()).query(rs -> {
                    breaches.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(breaches).containsEntry(Breaches.MERCHANT_REGISTRATION_REQUIRED, 1L);
        assertThat(breaches.keySet()).isSubsetOf(Breaches.MERCHANT_REGISTRATION_REQUIRED, Breaches.MERCHANT_WARNING_BAND);
        assertThat(breaches.values()).containsOnly(1L);
    }

    @Test
    void twoPassesFoldingAtOnceCountEveryReceiptOnce() throws Exception {
        PartyId merchant = new PartyId(UUID.randomUUID());
        int receipts = ReceiptTotals.BATCH * 2 + 37;
        for (int i = 0; i < receipts; i++) {
            publish(captured(merchant, new PaymentId(UUID.randomUUID()), "1.00"));
        }
        // a refund takes one back
        PaymentId refunded = new PaymentId(UUID.randomUUID());
        publish(captured(merchant, refunded, "10.00"));
        publish(new PaymentEvent("payment.refunded", refunded, merchant, 2, PaymentState.CAPTURED,
                Money.ofMajor("4.00", "USD").minorUnits(), "USD", "order-" + refunded, clock.instant()));
        long expected = Money.ofMajor(String.valueOf(receipts + 6), "USD").minorUnits();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> folds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            folds.add(pool.submit(() -> {
                start.await();
                return totals.foldPending();
            }));
        }
        start.countDown();
        for (Future<Integer> f : folds) {
            f.get();
        }
        pool.shutdown();
        foldAll(merchant);
        assertThat(yearRow(merchant)).isEqualTo(expected);
        assertThat(totals.of(merchant, year()).receiptsUsd().minorUnits()).isEqualTo(expected);
        assertThat(totals.of(merchant, year()).band()).isEqualTo(MerchantReceipts.Band.BELOW);
    }
}
