package org.finbridge.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.ConsentScope;
import org.finbridge.party.Consents;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentState;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class ContributionsTest {

    @Autowired
    Contributions contributions;
    @Autowired
    Consents consents;
    @Autowired
    TestActors actors;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    NewContribution record(PartyId provider, PartyId subject, ContributionCategory category, String source,
                           Instant notified, Map<String, String> attributes) {
        return new NewContribution(provider, null, subject, category, source, 3, null,
                clock.instant().minus(Duration.ofDays(2)), null, notified, attributes);
    }

    @Test
    void aRecordIsHeldWithItsProvenanceAndAResendChangesNothing() {
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        ContributionResult first = contributions.submit(record(marketplace, merchant, ContributionCategory.STORE_RATING,
                "rating-2026-11", null, Map.of("store", "S-1")));
        assertThat(first).isInstanceOf(ContributionResult.Accepted.class);
        Contribution held = ((ContributionResult.Accepted) first).contribution();
        assertThat(held.provider()).isEqualTo(marketplace.toString());
        assertThat(held.sourceRecord()).isEqualTo("rating-2026-11");
        assertThat(held.receivedAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(held.negative()).isFalse();

        ContributionResult again = contributions.submit(record(marketplace, merchant, ContributionCategory.STORE_RATING,
                "rating-2026-11", null, Map.of()));
        assertThat(again).isEqualTo(new ContributionResult.Accepted(held, true));
        assertThat(contributions.about(merchant)).hasSize(1);
    }

    @Test
    void prohibitedDataIsRefusedAtIntakeAndNothingIsStored() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        for (Map<String, String> attributes : java.util.List.of(Map.of("owner_religion", "x"), Map.of("bloodType", "A"),
                Map.of("note", "fingerprint on file"), Map.of("Genetic_marker", "x"), Map.of("病史", "无"),
                Map.of("owner_medical_history", "none"), Map.of("disease", "n/a"))) {
            ContributionResult result = contributions.submit(record(lender, merchant, ContributionCategory.REPAYMENT_ON_TIME,
                    "loan-1", null, attributes));
            assertThat(result).as(attributes.toString()).isInstanceOf(ContributionResult.Prohibited.class);
        }
        // words that merely resemble a prohibited term are not refused
        assertThat(contributions.submit(record(lender, merchant, ContributionCategory.REPAYMENT_ON_TIME, "loan-2", null,
                Map.of("general_ledger", "ok", "bloodline_free_text", "x"))))
                .isInstanceOf(ContributionResult.Prohibited.class);
        assertThat(contributions.submit(record(lender, merchant, ContributionCategory.REPAYMENT_ON_TIME, "loan-2", null,
                Map.of("general_ledger", "ok", "generation", "2"))))
                .isInstanceOf(ContributionResult.Accepted.class);
        assertThat(contributions.about(merchant)).extracting(Contribution::sourceRecord).doesNotContain("loan-1");
    }

    @Test
    void incomeDepositsAndTaxNeedTheSubjectsExplicitConsent() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        assertThat(contributions.submit(record(lender, merchant, ContributionCategory.TAX, "tax-2025", null, null)))
                .isInstanceOf(ContributionResult.ConsentRequired.class);
        assertThat(contributions.about(merchant)).isEmpty();
        consents.grant(merchant, lender, ConsentScope.INCOME_AND_TAX, ConsentPurpose.LOAN_APPLICATION,
                clock.instant().plus(Duration.ofDays(90)));
        assertThat(contributions.submit(record(lender, merchant, ContributionCategory.TAX, "tax-2025", null, null)))
                .isInstanceOf(ContributionResult.Accepted.class);
    }

    @Test
    void negativeInformationNeedsAPriorNoticeWhichTheRegistryRecords() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        assertThat(contributions.submit(record(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE, "loan-9", null, null)))
                .isInstanceOf(ContributionResult.NoticeRequired.class);
        assertThat(contributions.submit(record(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE, "loan-9",
                clock.instant().plus(Duration.ofDays(1)), null))).isInstanceOf(ContributionResult.NoticeRequired.class);
        Instant notified = clock.instant().minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        ContributionResult result = contributions.submit(record(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE,
                "loan-9", notified, null));
        assertThat(result).isInstanceOf(ContributionResult.Accepted.class);
        assertThat(((ContributionResult.Accepted) result).contribution().subjectNotifiedAt()).isEqualTo(notified);
        assertThat(jdbc.sql("select count(*) from credit_notices where subject_id = :s").param("s", merchant.value())
                .query(Long.class).single()).isEqualTo(1);
        // public by law: an administrative penalty needs no notice
        assertThat(contributions.submit(record(lender, merchant, ContributionCategory.ADMINISTRATIVE_PENALTY, "pen-1", null, null)))
                .isInstanceOf(ContributionResult.Accepted.class);
    }

    @Test
    void badInputIsRefusedWithTheField() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        assertThat(contributions.submit(new NewContribution(lender, null, merchant, ContributionCategory.SALE, "s-1", -1,
                null, clock.instant(), null, null, null))).isEqualTo(new ContributionResult.InvalidField("amount",
                "must be a number, not negative"));
        assertThat(contributions.submit(new NewContribution(lender, null, merchant, ContributionCategory.SALE, "s-1", 1,
                null, clock.instant().plus(Duration.ofHours(1)), null, null, null)))
                .isInstanceOf(ContributionResult.InvalidField.class);
        assertThat(contributions.submit(new NewContribution(lender, null, PartyId.next(clock), ContributionCategory.SALE,
                "s-1", 1, null, clock.instant(), null, null, null))).isInstanceOf(ContributionResult.NotFound.class);
        assertThat(contributions.about(merchant)).isEmpty();
    }

    @Test
    void thePlatformsPaymentEventsBecomeContributionsOnce() {
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        PaymentId payment = PaymentId.next(clock);
        // (refunds and lost disputes: a capture published here would start settlement's tracking of a payment
        // that does not exist)
        PaymentEvent refunded = new PaymentEvent("payment.refunded", payment, merchant, 2, PaymentState.REFUNDED, 12_345,
                "USD", "order-1", clock.instant());
        events.publishEvent(refunded);
        events.publishEvent(refunded);
        events.publishEvent(new PaymentEvent("dispute.lost", payment, merchant, 5, PaymentState.REFUNDED, 12_345,
                "USD", "order-1", clock.instant()));
        assertThat(contributions.about(merchant)).extracting(Contribution::category)
                .containsExactlyInAnyOrder(ContributionCategory.REFUND, ContributionCategory.CHARGEBACK);
        Contribution sale = contributions.about(merchant).stream()
                .filter(c -> c.category() == ContributionCategory.REFUND).findFirst().orElseThrow();
        assertThat(sale.amount()).isEqualTo(123.45);
        assertThat(sale.provider()).isEqualTo("finbridge.payments");
        assertThat(sale.sourceRecord()).isEqualTo(payment + "#2");
        // the platform gives the notice of its own negative information itself
        assertThat(contributions.about(merchant).stream().filter(c -> c.category() == ContributionCategory.CHARGEBACK)
                .findFirst().orElseThrow().subjectNotifiedAt()).isNotNull();
    }
}
