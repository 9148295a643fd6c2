package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import java.util.Set;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A payment institution's licence limits, at and around each threshold, on the application's clock: one
 * payment exactly at the single-transaction limit is within it, a cent more is a breach; a day's volume exactly
 * at the daily limit is within it, more is a breach, and the next Beijing day starts from zero.
 */
@ApplicationTest
class InstitutionLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentInstitutions institutions;

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    String pay(Api merchant, long amount) {
        return RegulatorJourneyTest.pay(merchant, amount, "EUR", "FR");
    }

    List<String> breaches(PartyId institution, String kind) {
        return jdbc.sql("select reference from supervision_quota_breaches where subject = ? and kind = ? order by detected_at")
                .params(institution.toString(), kind).query(String.class).list();
    }

    @Test
    void paymentsAtTheLimitsAreWithinThemAndBeyondThemAreBreaches() {
        TestActors.Credentials seller = actors.party(PartyKind.MERCHANT);
        Api merchant = seller.api(port);
        String probe = pay(merchant, 500);
        String connector = jdbc.sql("select connector from supervision_payments where merchant_id = ?")
                .param(seller.partyId().value()).query(String.class).single();
        assertThat(probe).startsWith("pay_");
        assertThat(connector).isNotBlank();
        PartyId institution = actors.party(PartyKind.PAYMENT_INSTITUTION).partyId();
        LocalDate day = today();
        institutions.register(new Licence(institution, "LIM-" + UUID.randomUUID().toString().substring(0, 8), Set.of("ONLINE_PAYMENT"),
                Set.of("CN"), day, day.plusDays(1), Money.ofMajor("100", "EUR"), Money.ofMajor("300", "EUR"), Set.of(connector)));

        pay(merchant, 10_000);
        assertThat(breaches(institution, "INSTITUTION_SINGLE_TXN_LIMIT")).isEmpty();
        String aCentOver = pay(merchant, 10_001);
        assertThat(breaches(institution, "INSTITUTION_SINGLE_TXN_LIMIT")).containsExactly(aCentOver);
        pay(merchant, 9_999);
        assertThat(breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT")).as("EUR 300.00 exactly").isEmpty();
        pay(merchant, 100);
        assertThat(breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT")).containsExactly(day.toString());
        assertThat(jdbc.sql("select amount_minor from supervision_quota_breaches where subject = ? and kind = 'INSTITUTION_DAILY_VOLUME_LIMIT'")
                .param(institution.toString()).query(Long.class).single()).isEqualTo(30_100);
        // more the same day: still one breach of the day, one case
        pay(merchant, 100);
        assertThat(breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from supervision_violations where subject_id = ? and rule_code = 'CN_PI_OVER_LICENCE_LIMIT'")
                .param(institution.value()).query(Long.class).single()).isEqualTo(1);

        // the next Beijing day starts from zero
        clock.advance(Duration.ofDays(1));
        pay(merchant, 10_000);
        pay(merchant, 10_000);
        pay(merchant, 10_000);
        assertThat(breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT")).containsExactly(day.toString());
        assertThat(jdbc.sql("select count(*) from supervision_payments where institution_id = ? and captured_on = ?")
                .params(institution.value(), day.plusDays(1)).query(Long.class).single()).isEqualTo(3);
    }

    @Autowired
    org.finbridge.fx.ReferenceRates rates;

    @Test
    void aLicenceInDollarsJudgesEuroPaymentsAtTheirUsdEquivalentOfTheDay() {
        org.finbridge.fx.FxTestRates.publishToday(rates, clock); // EUR 1 = USD 1.0892
        TestActors.Credentials seller = actors.party(PartyKind.MERCHANT);
        Api merchant = seller.api(port);
        pay(merchant, 500);
        String connector = jdbc.sql("select connector from supervision_payments where merchant_id = ?")
                .param(seller.partyId().value()).query(String.class).single();
        PartyId institution = actors.party(PartyKind.PAYMENT_INSTITUTION).partyId();
        institutions.register(new Licence(institution, "USD-" + UUID.randomUUID().toString().substring(0, 8), Set.of("ONLINE_PAYMENT"),
                Set.of("CN"), today(), today(), Money.ofMajor("100", "USD"), null, Set.of(connector)));
        // the connector changed hands: its payments are this institution's only
        assertThat(institutions.operating(connector, today()).map(Licence::institution)).contains(institution);
        assertThat(institutions.all()).filteredOn(l -> l.connectors().contains(connector)).hasSize(1);
        pay(merchant, 9_181); // USD 99.999… → 100.00: at the limit
        assertThat(breaches(institution, "INSTITUTION_SINGLE_TXN_LIMIT")).isEmpty();
        String over = pay(merchant, 9_182); // USD 100.01
        assertThat(breaches(institution, "INSTITUTION_SINGLE_TXN_LIMIT")).containsExactly(over);
        assertThat(jdbc.sql("select currency || ' ' || amount_minor || '/' || limit_minor from supervision_quota_breaches where reference = ?")
                .param(over).query(String.class).single()).isEqualTo("USD 10001/10000");
        assertThat(breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT")).as("no daily cap").isEmpty();
    }

    /** A seller, and an institution licensed for today (EUR 100 a payment and a day) to operate the seller's connector. */
    private record Licensed(Api merchant, PartyId institution) {
    }

    private Licensed licensedForToday(String numberPrefix) {
        TestActors.Credentials seller = actors.party(PartyKind.MERCHANT);
        Api merchant = seller.api(port);
        pay(merchant, 500); // before the licence: attributed to nobody; it tells the seller's connector
        String connector = jdbc.sql("select connector from supervision_payments where merchant_id = ?")
                .param(seller.partyId().value()).query(String.class).single();
        PartyId institution = actors.party(PartyKind.PAYMENT_INSTITUTION).partyId();
        institutions.register(new Licence(institution, numberPrefix + UUID.randomUUID().toString().substring(0, 8),
                Set.of("ONLINE_PAYMENT"), Set.of("CN"), today(), today(), Money.ofMajor("100", "EUR"), Money.ofMajor("100", "EUR"),
                Set.of(connector)));
        return new Licensed(merchant, institution);
    }

    @Test
    void concurrentPaymentsOverTheDailyLimitRecordOneBreachAndOneCaseAndEveryPaymentGoesThrough() throws Exception {
        Licensed l = licensedForToday("CON-");
        Api merchant = l.merchant();
        PartyId institution = l.institution();
        pay(merchant, 10_000); // the day at its limit: every payment after it takes the day over
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> paid = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                paid.add(pool.submit(() -> pay(merchant, 1_000)));
            }
            for (java.util.concurrent.Future<String> f : paid) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).startsWith("pay_");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT")).containsExactly(today().toString());
        assertThat(jdbc.sql("select count(*) from supervision_violations where subject_id = ? and rule_code = 'CN_PI_OVER_LICENCE_LIMIT'")
                .param(institution.value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from supervision_payments where institution_id = ?").param(institution.value())
                .query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void paymentsThatCrossTheDailyLimitTogetherAreReportedOnceAndTheDayIsCountedExactly() throws Exception {
        Licensed l = licensedForToday("TOG-");
        Api merchant = l.merchant();
        PartyId institution = l.institution();
        // six payments of EUR 20 at once from an empty day: EUR 120, over the limit, though a payment that does not
        // see the others' uncommitted captures finds the day within it
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> paid = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                paid.add(pool.submit(() -> {
                    start.await();
                    return pay(merchant, 2_000);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<String> f : paid) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).startsWith("pay_");
            }
        } finally {
            pool.shutdownNow();
        }
        // reported by a payment that saw the day over, or else by the background pass once it folded the day
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT").size() == 1
                        && jdbc.sql("select count(*) from supervision_institution_volume_deltas where institution_id = ?")
                        .param(institution.value()).query(Long.class).single() == 0);
        assertThat(breaches(institution, "INSTITUTION_DAILY_VOLUME_LIMIT")).containsExactly(today().toString());
        assertThat(jdbc.sql("select count(*) from supervision_violations where subject_id = ? and rule_code = 'CN_PI_OVER_LICENCE_LIMIT'")
                .param(institution.value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select currency || ' ' || captured_minor from supervision_institution_volumes where institution_id = ?")
                .param(institution.value()).query(String.class).list()).containsExactly("EUR 12000");
    }

    @Test
    void aLicenceRefusesLimitsThatCannotHold() {
        PartyId pi = new PartyId(UUID.randomUUID());
        LocalDate from = LocalDate.of(2026, 1, 1);
        Money single = Money.ofMajor("100", "EUR");
        assertThatThrownBy(() -> new Licence(pi, "L-1", Set.of("ONLINE_PAYMENT"), Set.of("CN"), from, from, single,
                Money.ofMajor("99.99", "EUR"), Set.of())).hasMessageContaining("daily volume limit");
        assertThatThrownBy(() -> new Licence(pi, "L-1", Set.of("ONLINE_PAYMENT"), Set.of("CN"), from, from, single,
                Money.ofMajor("1000", "USD"), Set.of())).hasMessageContaining("currency");
        assertThatThrownBy(() -> new Licence(pi, "L-1", Set.of("ONLINE_PAYMENT"), Set.of("CN"), from, from, single, null,
                Set.of("no spaces allowed"))).hasMessageContaining("connector");
        Licence exact = new Licence(pi, "L-1", Set.of("ONLINE_PAYMENT"), Set.of("CN"), from, from, single, single, Set.of("sim-card"));
        assertThat(exact.connectors()).containsExactly("sim-card");
        assertThat(new Licence(pi, "L-2", Set.of("ONLINE_PAYMENT"), Set.of("CN"), from, from, single).dailyVolumeLimit()).isNull();
    }
}
