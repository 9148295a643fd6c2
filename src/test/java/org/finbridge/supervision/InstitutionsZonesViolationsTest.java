package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentState;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.finbridge.trade.OrderReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Licences, pilot zones as data, the platform tax report and violation cases (issue 9 §3). */
@ApplicationTest
@RecordApplicationEvents
class InstitutionsZonesViolationsTest {

    @Autowired
    PaymentInstitutions institutions;

    @Autowired
    PilotZones zones;

    @Autowired
    FxCollections collections;

    @Autowired
    PlatformTaxReports taxReports;

    @Autowired
    Violations violations;

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

    @Autowired
    ApplicationEvents recorded;

    @BeforeEach
    void fixingOfToday() {
        FxTestRates.publishToday(rates, clock);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aPaymentInstitutionCarriesOnlyWhatItsLicenceCovers() {
        PartyId pi = new PartyId(UUID.randomUUID());
        LocalDate from = today().minusDays(10);
        institutions.register(new Licence(pi, "Z" + UUID.randomUUID().toString().substring(0, 12), Set.of("CROSS_BORDER_FX"),
                Set.of("CN-44", "CN-31"), from, from.plusDays(20), Money.ofMajor("50000", "USD")));
        assertThat(institutions.check(pi, "CROSS_BORDER_FX", "CN-44", Money.ofMajor("50000", "USD"), today()))
                .isInstanceOf(InstitutionCheck.Permitted.class);
        assertThat(institutions.check(pi, "CROSS_BORDER_FX", "CN-44", Money.ofMajor("50000.01", "USD"), today()))
                .isEqualTo(new InstitutionCheck.OverLimit(Money.ofMajor("50000", "USD")));
        assertThat(institutions.check(pi, "PREPAID_CARD", "CN-44", Money.ofMajor("1", "USD"), today()))
                .isEqualTo(new InstitutionCheck.OutsideScope("PREPAID_CARD"));
        assertThat(institutions.check(pi, "CROSS_BORDER_FX", "CN-11", Money.ofMajor("1", "USD"), today()))
                .isEqualTo(new InstitutionCheck.OutsideRegions("CN-11"));
        assertThat(institutions.check(pi, "CROSS_BORDER_FX", "CN-44", Money.ofMajor("1", "USD"), from.plusDays(20)))
                .isInstanceOf(InstitutionCheck.Permitted.class);
        assertThat(institutions.check(pi, "CROSS_BORDER_FX", "CN-44", Money.ofMajor("1", "USD"), from.plusDays(21)))
                .isInstanceOf(InstitutionCheck.LicenceNotValid.class);
        assertThat(institutions.check(new PartyId(UUID.randomUUID()), "CROSS_BORDER_FX", "CN-44", Money.ofMajor("1", "USD"), today()))
                .isInstanceOf(InstitutionCheck.NotRegistered.class);
        assertThatThrownBy(() -> new Licence(pi, "L", Set.of(), Set.of("CN"), from, from, Money.ofMajor("1", "USD")))
                .hasMessageContaining("scope");
    }

    @Test
    void aPilotZonesPolicyChangesTheRulesItsParticipantsGetWithoutCode() {
        PartyId merchant = new PartyId(UUID.randomUUID());
        OrderReference order = new OrderReference(new PartyId(UUID.randomUUID()), "Z-1");
        Money sixtyThousand = Money.ofMajor("60000", "USD");
        assertThat(collections.receive(merchant, order, "p-" + UUID.randomUUID(), sixtyThousand).holdReason())
                .contains("over the single-transaction cap of 50000.00 USD");
        String code = "ZONE-" + UUID.randomUUID().toString().substring(0, 8);
        PilotZone zone = zones.define(new PilotZone(code, "Hangzhou CBEC comprehensive pilot zone",
                Set.of("VAT_EXEMPTION_WITHOUT_INVOICE"), Map.of("cn_fx.pilot_single_txn_cap_usd", "100000"), Set.of(merchant),
                today(), null, 0));
        assertThat(zone.version()).isEqualTo(1);
        assertThat(zones.capabilities(merchant, today())).containsExactly("VAT_EXEMPTION_WITHOUT_INVOICE");
        assertThat(zones.rule("cn_fx.pilot_single_txn_cap_usd", merchant, today())).isEqualByComparingTo("100000");
        assertThat(collections.receive(merchant, order, "p-" + UUID.randomUUID(), sixtyThousand).holdReason())
                .doesNotContain("single-transaction cap");
        // not yet started the day before, and a participant leaving the cohort gets the rule book's cap again
        assertThat(zones.rule("cn_fx.pilot_single_txn_cap_usd", merchant, today().minusDays(1))).isEqualByComparingTo("50000");
        PilotZone changed = zones.define(new PilotZone(code, zone.name(), zone.capabilities(), zone.limits(), Set.of(),
                zone.startsOn(), today().plusDays(365), 0));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(collections.receive(merchant, order, "p-" + UUID.randomUUID(), sixtyThousand).holdReason())
                .contains("single-transaction cap");
        assertThat(new PilotZone(code, "x", Set.of(), Map.of(), Set.of(merchant), today(), today().plusDays(1), 1)
                .activeOn(today().plusDays(1))).isFalse();
        assertThatThrownBy(() -> zones.define(new PilotZone(code, "x", Set.of(), Map.of("cn_fx.pilot_single_txn_cap_usd", "lots"),
                Set.of(), today(), null, 0))).hasMessageContaining("must be a number");
        assertThat(zones.find(code).orElseThrow().version()).isEqualTo(2);
    }

    void publish(PaymentEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
    }

    @Test
    void thePlatformTaxReportListsEachSellersIdentityAndIncomeOfTheQuarter() {
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        PaymentId payment = new PaymentId(UUID.randomUUID());
        publish(new PaymentEvent("payment.captured", payment, merchant, 1, PaymentState.CAPTURED, 12_000, "EUR", "o1", clock.instant()));
        publish(new PaymentEvent("payment.captured", new PaymentId(UUID.randomUUID()), merchant, 1, PaymentState.CAPTURED, 3_000, "EUR",
                "o2", clock.instant()));
        publish(new PaymentEvent("payment.refunded", payment, merchant, 2, PaymentState.PARTIALLY_REFUNDED, 2_000, "EUR", "o1",
                clock.instant()));
        LocalDate d = today();
        String quarter = d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
        String csv = taxReports.quarterly(quarter);
        assertThat(csv).startsWith("merchant_id,legal_name,country,identifiers,currency,gross_income,refunds,net_income,payments\n");
        assertThat(csv.lines().filter(l -> l.startsWith(merchant.toString()))).singleElement().asString()
                .endsWith(",EUR,150.00,20.00,130.00,2");
        assertThatThrownBy(() -> taxReports.quarterly("2026-Q5")).hasMessageContaining("2026-Q3");
    }

    @Test
    void aRegulatorFilesInvestigatesDecidesAndClosesACase() {
        PartyId regulator = new PartyId(UUID.randomUUID());
        PartyId other = new PartyId(UUID.randomUUID());
        PartyId subject = new PartyId(UUID.randomUUID());
        Violation filed = violations.file(regulator, subject, "CN_FX_AUTHENTICITY", "collections without logistics records");
        assertThat(filed.state()).isEqualTo(Violation.State.INVESTIGATING);
        assertThat(violations.find(filed.id(), other)).isEmpty();
        assertThat(violations.decide(filed.id(), other, new ViolationDecision(ViolationDecision.Kind.FINE, Money.ofMajor("30000", "CNY"),
                null, null))).isInstanceOf(ViolationResult.NotFound.class);
        assertThat(violations.remediate(filed.id(), regulator, "early")).isEqualTo(
                new ViolationResult.IllegalTransition(Violation.State.INVESTIGATING, Violation.State.REMEDIATING));
        ViolationDecision fine = new ViolationDecision(ViolationDecision.Kind.FINE, Money.ofMajor("30000", "CNY"), "SAFE penalty", null);
        Violation decided = ((ViolationResult.Moved) violations.decide(filed.id(), regulator, fine)).violation();
        assertThat(decided.decision()).isEqualTo(fine);
        assertThat(recorded.stream(ViolationDecided.class).filter(e -> e.violationId().equals(filed.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.subject()).isEqualTo(subject);
                    assertThat(e.decision()).isEqualTo(fine);
                });
        assertThat(violations.remediate(filed.id(), regulator, "logistics data now linked")).isInstanceOf(ViolationResult.Moved.class);
        Violation closed = ((ViolationResult.Moved) violations.close(filed.id(), regulator, "remedied")).violation();
        assertThat(closed.state()).isEqualTo(Violation.State.CLOSED);
        assertThat(closed.remediation()).isEqualTo("logistics data now linked");
        assertThat(violations.close(filed.id(), regulator, "again")).isInstanceOf(ViolationResult.IllegalTransition.class);
        assertThatThrownBy(() -> new ViolationDecision(ViolationDecision.Kind.SUSPENSION, null, null, null)).hasMessageContaining("end date");
        assertThatThrownBy(() -> violations.file(regulator, subject, "bad code", "x")).hasMessageContaining("rule code");
    }

    @Test
    void aSellerPassingTheRegistrationThresholdOpensACaseAnyRegulatorMayTakeUp() {
        PartyId merchant = new PartyId(UUID.randomUUID());
        publish(new PaymentEvent("payment.captured", new PaymentId(UUID.randomUUID()), merchant, 1, PaymentState.CAPTURED,
                Money.ofMajor("200000.01", "USD").minorUnits(), "USD", "big", clock.instant()));
        PartyId first = new PartyId(UUID.randomUUID());
        PartyId second = new PartyId(UUID.randomUUID());
        Violation detected = violations.visibleTo(second, Violation.State.OPEN).stream().filter(v -> v.subject().equals(merchant))
                .findFirst().orElseThrow();
        assertThat(detected.source()).isEqualTo(Violation.Source.RULE);
        assertThat(detected.ruleCode()).isEqualTo("CN_FX_RECEIPTS_OVER_REGISTRATION_THRESHOLD");
        assertThat(violations.investigate(detected.id(), first)).isInstanceOf(ViolationResult.Moved.class);
        assertThat(violations.find(detected.id(), second)).isEmpty();
        Violation dismissed = ((ViolationResult.Moved) violations.close(detected.id(), first, "registered with SAFE in time")).violation();
        assertThat(dismissed.state()).isEqualTo(Violation.State.CLOSED);
        assertThat(dismissed.decision()).isNull();
    }
}
