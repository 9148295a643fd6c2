package org.finbridge.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.finbridge.credit.internal.CreditJobs;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.ConsentScope;
import org.finbridge.party.Consents;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class ReportsTest {

    @Autowired
    CreditReports reports;
    @Autowired
    Contributions contributions;
    @Autowired
    Consents consents;
    @Autowired
    CreditJobs jobs;
    @Autowired
    TestActors actors;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Contribution add(PartyId provider, PartyId subject, ContributionCategory category, String source, double amount,
                     Instant ends) {
        Instant at = clock.instant().minus(Duration.ofDays(30));
        ContributionResult r = contributions.submit(new NewContribution(provider, null, subject, category, source, amount,
                null, at, ends, category.negative() ? at : null, null));
        return ((ContributionResult.Accepted) r).contribution();
    }

    @Test
    void aReportGoesOnlyToAGranteeWithConsentForThePurposeAndEveryIssueIsLogged() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId other = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        add(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE, "loan-1", 40, null);
        add(lender, merchant, ContributionCategory.SALE, "sale-1", 100, null);

        assertThat(reports.issue(merchant, lender, ConsentPurpose.LOAN_APPLICATION, "key:lender"))
                .isInstanceOf(ReportResult.NoConsent.class);
        consents.grant(merchant, lender, ConsentScope.CREDIT_REPORT, ConsentPurpose.LOAN_APPLICATION,
                clock.instant().plus(Duration.ofDays(30)));
        // another purpose, another grantee: no
        assertThat(reports.issue(merchant, lender, ConsentPurpose.LOAN_MONITORING, "key:lender"))
                .isInstanceOf(ReportResult.NoConsent.class);
        assertThat(reports.issue(merchant, other, ConsentPurpose.LOAN_APPLICATION, "key:other"))
                .isInstanceOf(ReportResult.NoConsent.class);
        assertThat(reports.accessLog(merchant)).isEmpty();

        ReportResult issued = reports.issue(merchant, lender, ConsentPurpose.LOAN_APPLICATION, "key:lender");
        CreditReport report = ((ReportResult.Issued) issued).report();
        assertThat(report.negativeRecords()).extracting(CreditReport.Entry::category)
                .containsExactly(ContributionCategory.REPAYMENT_OVERDUE);
        assertThat(report.repayments()).hasSize(1);
        assertThat(report.behaviour()).containsEntry("SALE", 1L);
        assertThat(reports.accessLog(merchant)).singleElement().satisfies(a -> {
            assertThat(a.grantee()).isEqualTo(lender);
            assertThat(a.actor()).isEqualTo("key:lender");
            assertThat(a.purpose()).isEqualTo("LOAN_APPLICATION");
            assertThat(a.consentId()).isNotNull();
            assertThat(a.content()).contains(report.reportId());
        });

        // after expiry, no more
        clock.advance(Duration.ofDays(31));
        assertThat(reports.issue(merchant, lender, ConsentPurpose.LOAN_APPLICATION, "key:lender"))
                .isInstanceOf(ReportResult.NoConsent.class);
        assertThat(reports.accessLog(merchant)).hasSize(1);
    }

    @Test
    void anIndividualHasTwoFreeSelfQueriesAYear() {
        PartyId buyer = actors.party(PartyKind.BUYER).partyId();
        boolean[] free = new boolean[3];
        for (int i = 0; i < 3; i++) {
            free[i] = ((ReportResult.Issued) reports.selfQuery(buyer, "user:buyer")).report().freeOfCharge();
        }
        assertThat(free).containsExactly(true, true, false);
        assertThat(reports.accessLog(buyer)).hasSize(3).allSatisfy(a -> assertThat(a.selfQuery()).isTrue());
        clock.advance(Duration.ofDays(366));
        assertThat(((ReportResult.Issued) reports.selfQuery(buyer, "user:buyer")).report().freeOfCharge()).isTrue();
        // an enterprise's self-queries are not counted
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        for (int i = 0; i < 3; i++) {
            assertThat(((ReportResult.Issued) reports.selfQuery(merchant, "user:m")).report().freeOfCharge()).isTrue();
        }
    }

    @Test
    void anObjectionMarksTheRecordIsAnsweredWithin20DaysAndRecipientsAreNotified() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        Contribution overdue = add(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE, "loan-7", 95, null);
        consents.grant(merchant, lender, ConsentScope.CREDIT_REPORT, ConsentPurpose.LOAN_APPLICATION,
                clock.instant().plus(Duration.ofDays(300)));
        reports.issue(merchant, lender, ConsentPurpose.LOAN_APPLICATION, "key:lender");

        assertThat(reports.addStatement(merchant, overdue.id(), "The instalment was paid on time to the old account."))
                .isInstanceOf(ReportResult.StatementAdded.class);
        ReportResult raised = reports.object(merchant, overdue.id(), "Paid on time; bank receipt attached.");
        Objection objection = ((ReportResult.ObjectionRecorded) raised).objection();
        assertThat(objection.dueBy()).isEqualTo(objection.raisedAt().plus(Duration.ofDays(20)));
        assertThat(reports.object(merchant, overdue.id(), "again")).isInstanceOf(ReportResult.Conflict.class);
        // another party cannot object to the merchant's record
        assertThat(reports.object(lender, overdue.id(), "x")).isInstanceOf(ReportResult.NotFound.class);

        CreditReport during = ((ReportResult.Issued) reports.issue(merchant, lender, ConsentPurpose.LOAN_APPLICATION,
                "key:lender")).report();
        assertThat(during.negativeRecords()).singleElement().satisfies(e -> {
            assertThat(e.disputed()).isTrue();
            assertThat(e.statements()).containsExactly("The instalment was paid on time to the old account.");
        });
        assertThat(during.objectionsInProgress()).extracting(Objection::id).containsExactly(objection.id());

        // the provider verifies: the record was wrong; it is corrected and the lender is told
        clock.advance(Duration.ofDays(12));
        ReportResult answered = reports.decide(objection.id(), Objection.Decision.CORRECT,
                "Lender confirmed the payment arrived on the due date.", null, "user:ops");
        Objection done = ((ReportResult.ObjectionRecorded) answered).objection();
        assertThat(done.state()).isEqualTo(Objection.State.CORRECTED);
        assertThat(done.answeredAt()).isBefore(done.dueBy());
        assertThat(jdbc.sql("select recipient_id from credit_objection_notices").query(java.util.UUID.class).list())
                .contains(lender.value());
        CreditReport after = ((ReportResult.Issued) reports.issue(merchant, lender, ConsentPurpose.LOAN_APPLICATION,
                "key:lender")).report();
        assertThat(after.negativeRecords()).isEmpty();
        assertThat(reports.decide(objection.id(), Objection.Decision.KEEP, "x", null, "user:ops"))
                .isInstanceOf(ReportResult.Conflict.class);
    }

    @Test
    void anObjectionTheProviderDoesNotVerifyIsAnsweredBeforeTheDeadline() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        Contribution complaint = add(lender, merchant, ContributionCategory.COMPLAINT, "c-1", 1, null);
        Objection objection = ((ReportResult.ObjectionRecorded) reports.object(merchant, complaint.id(), "Never happened."))
                .objection();
        clock.advance(Duration.ofDays(18));
        jobs.runDue();
        assertThat(reports.objections(merchant)).singleElement()
                .satisfies(o -> assertThat(o.state()).isEqualTo(Objection.State.OPEN));
        clock.advance(Duration.ofDays(1).plusMinutes(5));
        jobs.runDue();
        Objection answered = reports.objections(merchant).getFirst();
        assertThat(answered.state()).isEqualTo(Objection.State.UNDETERMINED);
        assertThat(answered.answeredAt()).isBefore(objection.dueBy());
        assertThat(answered.answer()).contains("did not verify");
    }

    @Test
    void negativeRecordsAreDeletedFiveYearsAfterTheEventEnds() {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        Instant ended = clock.instant().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MICROS);
        Contribution overdue = add(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE, "loan-r", 60, ended);
        Contribution unpaid = add(lender, merchant, ContributionCategory.REPAYMENT_OVERDUE, "loan-u", 60, null);
        Contribution sale = add(lender, merchant, ContributionCategory.SALE, "sale-r", 10, null);
        reports.addStatement(merchant, overdue.id(), "Repaid in full.");
        // one day short of five years after the end: kept
        Instant fiveYears = ended.atOffset(java.time.ZoneOffset.UTC).plusYears(5).toInstant();
        clock.advance(Duration.between(clock.instant(), fiveYears.minus(Duration.ofDays(1))));
        NightlyHour.reach(clock);
        jobs.runDue();
        assertThat(contributions.about(merchant)).extracting(Contribution::id).contains(overdue.id());
        clock.advance(Duration.ofDays(2));
        NightlyHour.reach(clock);
        jobs.runDue();
        assertThat(contributions.about(merchant)).extracting(Contribution::id)
                .doesNotContain(overdue.id()).contains(unpaid.id(), sale.id());
        assertThat(jdbc.sql("select count(*) from credit_statements where subject_id = :s").param("s", merchant.value())
                .query(Long.class).single()).isZero();
    }
}
