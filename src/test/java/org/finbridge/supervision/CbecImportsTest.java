package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Buyers' annual CBEC quota tracked by identity document, on H2 and PostgreSQL (regulations notes §1.1). */
@ApplicationTest
class CbecImportsTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    CbecImports imports;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    final PartyId marketplace = new PartyId(UUID.randomUUID());

    static IdentityDocument someone() {
        return new IdentityDocument("CN_RESIDENT_ID", "CN", "1101051949" + String.format("%08d", (long) (Math.random() * 1e8)));
    }

    static CbecOrder order(String price) {
        return new CbecOrder(Money.ofMajor(price, "CNY"), null, null, new BigDecimal("0.13"), BigDecimal.ZERO, null, false);
    }

    CbecImportRecord declare(IdentityDocument buyer, String price) {
        CbecImportResult r = imports.declare(new CbecDeclaration(marketplace, "O-" + UUID.randomUUID(), buyer, order(price)));
        return ((CbecImportResult.Recorded) r).record();
    }

    int year() {
        return LocalDate.ofInstant(clock.instant(), BEIJING).getYear();
    }

    @Test
    void ordersCountTowardTheBuyersYearUntilTheLimitThenBecomeGeneralTrade() {
        IdentityDocument buyer = someone();
        CbecImportRecord first = declare(buyer, "3000");
        assertThat(first.quote().treatment()).isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
        assertThat(first.quote().tax()).isEqualTo(Money.ofMajor("273.00", "CNY"));
        for (int i = 0; i < 4; i++) {
            declare(buyer, "5000");
        }
        assertThat(imports.annualUsed(buyer, year())).isEqualTo(Money.ofMajor("23000", "CNY"));
        assertThat(declare(buyer, "3000").quote().annualAfter()).isEqualTo(Money.ofMajor("26000", "CNY"));
        CbecImportRecord over = declare(buyer, "0.01");
        assertThat(over.quote().treatment()).isEqualTo(CbecTreatment.GENERAL_TRADE);
        assertThat(over.quote().overAnnualLimit()).isTrue();
        assertThat(imports.annualUsed(buyer, year())).isEqualTo(Money.ofMajor("26000", "CNY"));
        assertThat(imports.annualLimitBreaches(year())).extracting(CbecImportRecord::id).contains(over.id());
        // another person's year is untouched
        assertThat(imports.annualUsed(someone(), year())).isEqualTo(Money.ofMajor("0", "CNY"));
    }

    @Test
    void theDocumentIsTrackedByItsKeyedHashNeverStoredRaw() {
        IdentityDocument buyer = someone();
        CbecImportRecord r = declare(buyer, "100");
        assertThat(r.buyerHash()).hasSize(64).isEqualTo(imports.buyerHash(new IdentityDocument("cn_resident_id", "cn",
                buyer.number().substring(0, 6) + " " + buyer.number().substring(6))));
        long raw = jdbc.sql("select count(*) from supervision_cbec_orders where buyer_hash like ?")
                .param("%" + buyer.number() + "%").query(Long.class).single();
        long audited = jdbc.sql("select count(*) from audit_trail where after_summary like ?").param("%" + buyer.number() + "%")
                .query(Long.class).single();
        assertThat(raw + audited).isZero();
        assertThat(buyer.toString()).doesNotContain(buyer.number());
    }

    @Test
    void declaringTheSameOrderAgainIsIdempotentAndOtherContentIsRefused() {
        IdentityDocument buyer = someone();
        CbecDeclaration d = new CbecDeclaration(marketplace, "SAME-" + UUID.randomUUID(), buyer, order("1000"));
        CbecImportRecord first = ((CbecImportResult.Recorded) imports.declare(d)).record();
        assertThat(imports.declare(d)).isEqualTo(new CbecImportResult.AlreadyRecorded(first));
        assertThat(imports.declare(new CbecDeclaration(marketplace, d.orderNumber(), buyer, order("1001"))))
                .isInstanceOf(CbecImportResult.ConflictingResubmission.class);
        assertThat(imports.annualUsed(buyer, year())).isEqualTo(Money.ofMajor("1000", "CNY"));
    }

    @Test
    void aReturnWithinTheWindowRestoresTheQuotaAndOneAfterItDoesNot() {
        IdentityDocument buyer = someone();
        CbecImportRecord kept = declare(buyer, "5000");
        CbecImportRecord returned = declare(buyer, "4000");
        assertThat(imports.annualUsed(buyer, year())).isEqualTo(Money.ofMajor("9000", "CNY"));
        CbecReturnResult r = imports.returnOrder(marketplace, returned.orderNumber());
        assertThat(r).isInstanceOf(CbecReturnResult.Returned.class);
        assertThat(imports.annualUsed(buyer, year())).isEqualTo(Money.ofMajor("5000", "CNY"));
        assertThat(imports.returnOrder(marketplace, returned.orderNumber())).isInstanceOf(CbecReturnResult.AlreadyReturned.class);
        assertThat(imports.returnOrder(marketplace, "NO-SUCH")).isInstanceOf(CbecReturnResult.NotFound.class);
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertThat(imports.returnOrder(marketplace, kept.orderNumber())).isInstanceOf(CbecReturnResult.ReturnWindowClosed.class);
        assertThat(imports.find(kept.id()).orElseThrow().state()).isEqualTo(CbecImportRecord.State.RECORDED);
    }

    @Test
    void concurrentOrdersOfOneBuyerNeverTakeTheYearOverTheLimit() throws Exception {
        IdentityDocument buyer = someone();
        int orders = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<CbecImportResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < orders; i++) {
                results.add(pool.submit(() -> imports.declare(new CbecDeclaration(marketplace, "C-" + UUID.randomUUID(), buyer,
                        order("2000")))));
            }
            int preferential = 0;
            for (Future<CbecImportResult> f : results) {
                CbecImportRecord r = ((CbecImportResult.Recorded) f.get()).record();
                preferential += r.quote().treatment() == CbecTreatment.CBEC_PREFERENTIAL ? 1 : 0;
            }
            // 13 × 2,000 = 26,000: exactly 13 fit, the other 11 are general trade
            assertThat(preferential).isEqualTo(13);
        } finally {
            pool.shutdownNow();
        }
        assertThat(imports.annualUsed(buyer, year())).isEqualTo(Money.ofMajor("26000", "CNY"));
        long counted = jdbc.sql("select coalesce(sum(counted_minor), 0) from supervision_cbec_orders where buyer_hash = ?")
                .param(imports.buyerHash(buyer)).query(Long.class).single();
        assertThat(counted).isEqualTo(2_600_000L);
    }

    @Test
    void theYearTurnsAtMidnightInBeijingAndAReturnRestoresTheYearItCountedIn() {
        IdentityDocument buyer = someone();
        ZonedDateTime newYear = ZonedDateTime.of(LocalDate.ofInstant(clock.instant(), BEIJING).getYear() + 1, 1, 1, 0, 0, 0, 0, BEIJING);
        clock.advance(Duration.between(clock.instant(), newYear.toInstant().minusSeconds(1)));
        int oldYear = year();
        CbecImportRecord december = declare(buyer, "5000");
        declare(buyer, "5000");
        declare(buyer, "5000");
        declare(buyer, "5000");
        declare(buyer, "5000");
        assertThat(december.quotaYear()).isEqualTo(oldYear);
        assertThat(imports.annualUsed(buyer, oldYear)).isEqualTo(Money.ofMajor("25000", "CNY"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(year()).isEqualTo(oldYear + 1);
        // a fresh year: 5,000 fits again although last year's 25,000 + 5,000 would not
        CbecImportRecord january = declare(buyer, "5000");
        assertThat(january.quotaYear()).isEqualTo(oldYear + 1);
        assertThat(january.quote().treatment()).isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
        assertThat(january.quote().annualBefore()).isEqualTo(Money.ofMajor("0", "CNY"));
        imports.returnOrder(marketplace, december.orderNumber());
        assertThat(imports.annualUsed(buyer, oldYear)).isEqualTo(Money.ofMajor("20000", "CNY"));
        assertThat(imports.annualUsed(buyer, oldYear + 1)).isEqualTo(Money.ofMajor("5000", "CNY"));
    }
}
