package org.finbridge.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.finbridge.credit.internal.CreditJobs;
import org.finbridge.credit.internal.MerchantScoring;
import org.finbridge.credit.internal.CreditModelRegistry;
import org.finbridge.credit.internal.SyntheticMerchants;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class DishonestyListTest {

    @Autowired
    DishonestyCases cases;
    @Autowired
    DishonestyList list;
    @Autowired
    PublicGrades grades;
    @Autowired
    Parties parties;
    @Autowired
    TestActors actors;
    @Autowired
    MutableClock clock;
    @Autowired
    CreditJobs jobs;
    @Autowired
    CreditModelRegistry registry;
    @Autowired
    MerchantScoring scoring;
    @Autowired
    Contributions contributions;

    ListingCase done(ListingResult result) {
        assertThat(result).isInstanceOf(ListingResult.Done.class);
        return ((ListingResult.Done) result).listingCase();
    }

    @Test
    void aDefaulterIsListedOnlyAfterNoticeCanAppealAndIsFoundByTheRegistrationCode() {
        Registration r = parties.register(new NewParty(PartyKind.MERCHANT, "CN", "Shenzhen Overdue Trading Co",
                null, "overdue@example.com", null, Map.of("USCC", "91350100M000100Y43")));
        PartyId merchant = ((Registration.Registered) r).party().id();
        ListingCase noticed = done(cases.notice(merchant, ListingPolicy.LOAN_90_DAYS_OVERDUE_AFTER_FINAL_NOTICE,
                "Loan L-1 is 120 days overdue after the final notice of 2026-10-01.", "lender ledger L-1", "user:ops"));
        assertThat(noticed.state()).isEqualTo("NOTICED");
        assertThat(noticed.measure()).isEqualTo(ListingPolicy.Measure.WARNING);
        assertThat(noticed.respondBy()).isEqualTo(noticed.noticedAt().plus(Duration.ofDays(15)));
        assertThat(list.isListed(merchant)).isFalse();

        // no listing before the response window has run
        assertThat(cases.impose(noticed.id(), ListingPolicy.Measure.LISTING, "overdue", "user:ops"))
                .isInstanceOf(ListingResult.NotAllowed.class);
        done(cases.respond(noticed.id(), merchant, "We will repay by the end of the month."));
        clock.advance(Duration.ofDays(16));
        assertThat(cases.respond(noticed.id(), merchant, "late")).isInstanceOf(ListingResult.NotAllowed.class);
        done(cases.impose(noticed.id(), ListingPolicy.Measure.LIMITS, "no repayment after the notice", "user:ops"));
        assertThat(cases.impose(noticed.id(), ListingPolicy.Measure.WARNING, "x", "user:ops"))
                .isInstanceOf(ListingResult.NotAllowed.class);
        ListingCase listed = done(cases.impose(noticed.id(), ListingPolicy.Measure.LISTING, "still unpaid", "user:ops"));
        assertThat(listed.state()).isEqualTo("LISTED");
        // a general case: published 3 months to 1 year
        assertThat(listed.publishedUntil()).isEqualTo(listed.listedAt().atOffset(java.time.ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(listed.repairEligibleAt()).isEqualTo(listed.listedAt().atOffset(java.time.ZoneOffset.UTC).plusMonths(3).toInstant());
        assertThat(list.isListed(merchant)).isTrue();
        assertThat(list.search("91350100M000100Y43")).extracting(DishonestyListing::party).containsExactly(merchant);
        assertThat(list.search("overdue trading")).extracting(DishonestyListing::party).contains(merchant);
        assertThat(list.search("x")).isEmpty();

        // appeal: the listing stays published until a person decides; overturned ends it
        PartyId stranger = actors.party(PartyKind.MERCHANT).partyId();
        assertThat(cases.appeal(listed.id(), stranger, "not mine")).isInstanceOf(ListingResult.NotFound.class);
        done(cases.appeal(listed.id(), merchant, "The loan was restructured on 2026-09-20; the overdue count is wrong."));
        assertThat(list.isListed(merchant)).isTrue();
        assertThat(cases.decideAppeal(listed.id(), true, "x", "system")).isInstanceOf(ListingResult.InvalidField.class);
        ListingCase overturned = done(cases.decideAppeal(listed.id(), true,
                "The restructuring agreement shows the loan was not overdue.", "user:reviewer@finbridge"));
        assertThat(overturned.state()).isEqualTo("ENDED");
        assertThat(overturned.appealReviewer()).isEqualTo("user:reviewer@finbridge");
        assertThat(list.isListed(merchant)).isFalse();
        assertThat(list.search("91350100M000100Y43")).isEmpty();
    }

    @Test
    void creditRepairEndsAListingEarlyOnlyAfterItsMinimumAndPublicationEndsByItself() {
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        ListingCase c = done(cases.notice(merchant, ListingPolicy.CONFIRMED_FRAUD, "Fabricated invoices for financing.",
                "investigation F-9", "user:ops"));
        clock.advance(Duration.ofDays(11));
        ListingCase listed = done(cases.impose(c.id(), ListingPolicy.Measure.LISTING, "fraud confirmed", "user:ops"));
        // serious: repair only after a year
        assertThat(cases.repair(listed.id(), "repaid in full", "user:ops")).isInstanceOf(ListingResult.NotAllowed.class);
        clock.advance(Duration.ofDays(366));
        ListingCase repaired = done(cases.repair(listed.id(), "repaid in full and compliance training done", "user:ops"));
        assertThat(repaired.state()).isEqualTo("ENDED");
        assertThat(repaired.endReason()).startsWith("credit repair");
        assertThat(list.isListed(merchant)).isFalse();

        PartyId other = actors.party(PartyKind.MERCHANT).partyId();
        ListingCase minor = done(cases.notice(other, ListingPolicy.REPEATED_TRADE_DISPUTES, "Six lost chargebacks.",
                "dispute log", "user:ops"));
        clock.advance(Duration.ofDays(16));
        done(cases.impose(minor.id(), ListingPolicy.Measure.LISTING, "after warning", "user:ops"));
        assertThat(list.isListed(other)).isTrue();
        clock.advance(Duration.ofDays(93));
        // at most 3 months for a minor case: no longer listed, and the nightly job closes the case
        assertThat(list.isListed(other)).isFalse();
        clock.advance(Duration.ofDays(1));
        NightlyHour.reach(clock);
        jobs.runDue();
        assertThat(cases.cases(other)).singleElement().satisfies(k -> assertThat(k.state()).isEqualTo("ENDED"));
    }

    @Test
    void aSellerMayPublishItsGrade() {
        if (registry.active(CreditModelRegistry.MERCHANT_SCORECARD).isEmpty()) {
            registry.register(CreditModelRegistry.MERCHANT_SCORECARD, SyntheticMerchants.table(6000, 1),
                    SyntheticMerchants.table(3000, 2), "test");
        }
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        contributions.submit(new NewContribution(marketplace, null, merchant, ContributionCategory.SALE, "o-1", 10, null,
                clock.instant(), null, null, null));
        CreditScore score = scoring.recompute(merchant).orElseThrow();
        assertThat(grades.of(merchant)).isEmpty();
        grades.optIn(merchant);
        assertThat(grades.of(merchant)).hasValueSatisfying(g -> {
            assertThat(g.grade()).isEqualTo(score.grade());
            assertThat(g.scoredAt()).isEqualTo(score.scoredAt());
        });
        grades.optOut(merchant);
        assertThat(grades.of(merchant)).isEmpty();
    }
}
