package org.finbridge.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sharing a listing with other participants: only a current listing, with its provenance (case, policy,
 * who shared it on what basis); revocation with reasons hides it at once, and the end of the listing hides
 * every share of it; the trail of shares stays for the operators.
 */
@ApplicationTest
class ListingSharesTest {

    @Autowired
    DishonestyCases cases;
    @Autowired
    TestActors actors;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aListingIsSharedWithProvenanceUntilRevokedOrEnded() {
        PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
        ListingCase noticed = ((ListingResult.Done) cases.notice(merchant, ListingPolicy.REPEATED_TRADE_DISPUTES,
                "seven lost chargebacks in a year after a warning", "chargeback files", "user:ops")).listingCase();

        // a case at the notice stage is not shared: nothing is published yet
        assertThat(cases.share(noticed.id(), lender, "the seller's lender", "user:ops")).isInstanceOf(ShareResult.NotAllowed.class);
        clock.advance(Duration.ofDays(16));
        assertThat(cases.impose(noticed.id(), ListingPolicy.Measure.LISTING, "no answer", "user:ops"))
                .isInstanceOf(ListingResult.Done.class);

        assertThat(cases.share(noticed.id(), merchant, "itself", "user:ops")).isInstanceOf(ShareResult.InvalidField.class);
        assertThat(cases.share(noticed.id(), lender, " ", "user:ops")).isInstanceOf(ShareResult.InvalidField.class);
        assertThat(cases.share("lst_unknown", lender, "x", "user:ops")).isInstanceOf(ShareResult.NotFound.class);
        ListingShare toLender = ((ShareResult.Done) cases.share(noticed.id(), lender,
                "lender of the seller's open loan L-7", "user:ops")).share();
        assertThat(cases.share(noticed.id(), lender, "again", "user:ops")).isInstanceOf(ShareResult.NotAllowed.class);
        ListingShare toMarketplace = ((ShareResult.Done) cases.share(noticed.id(), marketplace,
                "marketplace where the disputes arose", "user:ops")).share();

        assertThat(cases.sharedWith(lender)).singleElement().satisfies(s -> {
            assertThat(s.caseId()).isEqualTo(noticed.id());
            assertThat(s.subject()).isEqualTo(merchant);
            assertThat(s.policy()).isEqualTo(ListingPolicy.REPEATED_TRADE_DISPUTES);
            assertThat(s.basis()).isEqualTo("lender of the seller's open loan L-7");
            assertThat(s.sharedBy()).isEqualTo("user:ops");
            assertThat(s.sharedAt()).isNotNull();
            assertThat(s.publishedUntil()).isAfter(clock.instant());
        });

        // revoked with reasons: the lender no longer sees it; the marketplace still does
        assertThat(cases.revokeShare(toLender.id(), "", "user:ops")).isInstanceOf(ShareResult.InvalidField.class);
        ListingShare revoked = ((ShareResult.Done) cases.revokeShare(toLender.id(), "the loan was repaid", "user:ops2")).share();
        assertThat(revoked.revokedBy()).isEqualTo("user:ops2");
        assertThat(revoked.revokeReason()).isEqualTo("the loan was repaid");
        assertThat(cases.revokeShare(toLender.id(), "again", "user:ops")).isInstanceOf(ShareResult.NotAllowed.class);
        assertThat(cases.sharedWith(lender)).isEmpty();
        assertThat(cases.sharedWith(marketplace)).extracting(ListingShare::id).containsExactly(toMarketplace.id());

        // the listing ends by credit repair: no participant sees it any more, the trail stays
        assertThat(cases.repair(noticed.id(), "all buyers refunded", "user:ops")).isInstanceOf(ListingResult.Done.class);
        assertThat(cases.sharedWith(marketplace)).isEmpty();
        // both were shared at the same instant of the test clock: their order between them is not defined
        assertThat(cases.shares(noticed.id())).extracting(ListingShare::id).containsExactlyInAnyOrder(toLender.id(), toMarketplace.id());
        assertThat(jdbc.sql("select count(*) from audit_trail where object_id = :c and action like 'credit.listing.share%'")
                .param("c", noticed.id()).query(Long.class).single()).isEqualTo(3);
    }
}
