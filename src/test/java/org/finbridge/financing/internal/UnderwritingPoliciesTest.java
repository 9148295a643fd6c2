package org.finbridge.financing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.financing.CreditStanding;
import org.finbridge.financing.ListingCheck;
import org.finbridge.financing.LoanState;
import org.finbridge.party.KybApplication;
import org.finbridge.party.KybApplicationId;
import org.finbridge.party.KybState;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.PartyScreening;
import org.finbridge.party.PartyStatus;
import org.finbridge.party.RiskTier;
import org.junit.jupiter.api.Test;

/** Each underwriting policy on its own, and how their verdicts combine: nothing unknown is ever approved. */
class UnderwritingPoliciesTest {

    static final PartyId MERCHANT = new PartyId(UUID.randomUUID());

    static Party party(PartyStatus status) {
        return new Party(MERCHANT, PartyKind.MERCHANT, "CN", "Shenzhen Seller Ltd", null, status, RiskTier.LOW, null, null,
                Map.of(), Instant.EPOCH);
    }

    static Optional<KybApplication> kyb(KybState state, RiskTier tier) {
        return Optional.of(new KybApplication(new KybApplicationId(UUID.randomUUID()), MERCHANT, state, null, List.of(),
                List.of(), tier, LocalDate.of(2027, 1, 1), List.of()));
    }

    /** Everything known and good: 100,000 requested of a 500,000 limit, sales four times the payment. */
    static Underwriting.Case good() {
        return new Underwriting.Case(party(PartyStatus.ACTIVE), kyb(KybState.APPROVED, RiskTier.LOW),
                new PartyScreening.Clear("OFAC-SDN@2026-11-01"), ListingCheck.Listing.NOT_LISTED,
                Optional.of(new CreditStanding.Standing(720, "B", Instant.EPOCH)), 100_000, 500_000, 0, 10_000,
                Optional.of(40_000L));
    }

    static Underwriting.Case with(java.util.function.UnaryOperator<Underwriting.Case> change) {
        return change.apply(good());
    }

    @Test
    void aMerchantWithEverythingKnownAndGoodIsApproved() {
        Underwriting.Decision d = Underwriting.decide(good());
        assertThat(d.state()).isEqualTo(LoanState.APPROVED);
        assertThat(d.text()).isEqualTo("SANCTIONS=PASS; DISHONESTY_LIST=PASS; KYB_TIER=PASS; CREDIT_STANDING=PASS; "
                + "EXPOSURE_LIMIT=PASS; DEBT_SERVICE_COVERAGE=PASS");
    }

    @Test
    void sanctionsMatchesOrNoScreeningGoToAPersonAndASuspendedPartyIsDeclined() {
        assertThat(Underwriting.sanctions(with(c -> new Underwriting.Case(c.merchant(), c.kyb(),
                new PartyScreening.PossibleMatches(List.of("SDN 123")), c.listing(), c.standing(), c.requested(), c.gradeLimit(),
                c.exposure(), c.monthlyPayment(), c.monthlySales())))).isInstanceOf(Underwriting.Refer.class);
        assertThat(Underwriting.sanctions(with(c -> new Underwriting.Case(c.merchant(), c.kyb(),
                new PartyScreening.Unavailable("no lists"), c.listing(), c.standing(), c.requested(), c.gradeLimit(),
                c.exposure(), c.monthlyPayment(), c.monthlySales())))).isInstanceOf(Underwriting.Refer.class);
        assertThat(Underwriting.sanctions(with(c -> new Underwriting.Case(party(PartyStatus.SUSPENDED), c.kyb(), c.screening(),
                c.listing(), c.standing(), c.requested(), c.gradeLimit(), c.exposure(), c.monthlyPayment(), c.monthlySales()))))
                .isInstanceOf(Underwriting.Decline.class);
    }

    @Test
    void aListedDebtorIsDeclinedAndAnUnknownListingIsReferred() {
        Underwriting.Case listed = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(),
                ListingCheck.Listing.LISTED, good().standing(), 100_000, 500_000, 0, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.decide(listed).state()).isEqualTo(LoanState.DECLINED);
        Underwriting.Case unknown = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(),
                ListingCheck.Listing.UNKNOWN, good().standing(), 100_000, 500_000, 0, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.decide(unknown).state()).isEqualTo(LoanState.REFERRED);
        assertThat(Underwriting.decide(unknown).text()).contains("DISHONESTY_LIST=REFER: dishonesty list status unknown");
    }

    @Test
    void kybMustBeApprovedAndAHighRiskTierIsReferred() {
        Underwriting.Case draft = new Underwriting.Case(good().merchant(), kyb(KybState.IN_REVIEW, RiskTier.LOW), good().screening(),
                good().listing(), good().standing(), 100_000, 500_000, 0, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.kybTier(draft)).isInstanceOf(Underwriting.Decline.class);
        Underwriting.Case none = new Underwriting.Case(good().merchant(), Optional.empty(), good().screening(),
                good().listing(), good().standing(), 100_000, 500_000, 0, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.kybTier(none)).isInstanceOf(Underwriting.Decline.class);
        Underwriting.Case high = new Underwriting.Case(good().merchant(), kyb(KybState.APPROVED, RiskTier.HIGH), good().screening(),
                good().listing(), good().standing(), 100_000, 500_000, 0, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.kybTier(high)).isInstanceOf(Underwriting.Refer.class);
    }

    @Test
    void unknownCreditStandingIsNeverApprovedAutomatically() {
        Underwriting.Case unknown = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(), good().listing(),
                Optional.empty(), 100_000, 500_000, 0, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.decide(unknown).state()).isEqualTo(LoanState.REFERRED);
    }

    @Test
    void exposureAboveTheGradeLimitIsDeclined() {
        Underwriting.Case over = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(), good().listing(),
                good().standing(), 100_000, 500_000, 400_001, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.exposureLimit(over)).isInstanceOf(Underwriting.Decline.class);
        Underwriting.Case exactly = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(), good().listing(),
                good().standing(), 100_000, 500_000, 400_000, 10_000, Optional.of(40_000L));
        assertThat(Underwriting.exposureLimit(exactly)).isInstanceOf(Underwriting.Pass.class);
    }

    @Test
    void salesMustCoverTheMonthlyPaymentOneAndAQuarterTimesAndNoSalesHistoryGoesToAPerson() {
        Underwriting.Case thin = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(), good().listing(),
                good().standing(), 100_000, 500_000, 0, 10_000, Optional.of(12_499L));
        assertThat(Underwriting.debtServiceCoverage(thin)).isInstanceOf(Underwriting.Decline.class);
        Underwriting.Case enough = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(), good().listing(),
                good().standing(), 100_000, 500_000, 0, 10_000, Optional.of(12_500L));
        assertThat(Underwriting.debtServiceCoverage(enough)).isInstanceOf(Underwriting.Pass.class);
        Underwriting.Case none = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(), good().listing(),
                good().standing(), 100_000, 500_000, 0, 10_000, Optional.empty());
        assertThat(Underwriting.debtServiceCoverage(none)).isInstanceOf(Underwriting.Refer.class);
    }

    @Test
    void aDeclineOutweighsAReferral() {
        Underwriting.Case both = new Underwriting.Case(good().merchant(), good().kyb(), good().screening(),
                ListingCheck.Listing.LISTED, Optional.empty(), 100_000, 500_000, 0, 10_000, Optional.empty());
        assertThat(Underwriting.decide(both).state()).isEqualTo(LoanState.DECLINED);
    }

    static org.finbridge.party.BankAccount account(String holder, String currency, org.finbridge.party.BankAccount.Status status) {
        return new org.finbridge.party.BankAccount("bac_1", MERCHANT, currency, "CN", null, "6222020000001234567", null,
                "102100099996", holder, status, null, Instant.EPOCH);
    }

    @Test
    void theSuppliersAccountMustBeAVerifiedThirdPartysInTheLoansCurrencyAndAnImportCreditIsDecidedWithIt() {
        var verified = account("Yiwu Components Supply Co., Ltd.", "CNY", org.finbridge.party.BankAccount.Status.VERIFIED);
        String seller = party(PartyStatus.ACTIVE).legalName();
        assertThat(Underwriting.supplierAccount(new Underwriting.Supplier(Optional.of(verified), seller, "CNY")))
                .isInstanceOf(Underwriting.Pass.class);
        assertThat(Underwriting.supplierAccount(new Underwriting.Supplier(Optional.empty(), seller, "CNY")))
                .isInstanceOf(Underwriting.Decline.class);
        assertThat(Underwriting.supplierAccount(new Underwriting.Supplier(Optional.of(verified), seller, "USD")))
                .isInstanceOf(Underwriting.Decline.class);
        // the seller's own name, however it is spelt, is not a supplier
        var own = account("SHENZHEN SELLER LTD.", "CNY", org.finbridge.party.BankAccount.Status.VERIFIED);
        assertThat(Underwriting.supplierAccount(new Underwriting.Supplier(Optional.of(own), seller, "CNY")))
                .isInstanceOf(Underwriting.Decline.class);
        var pending = account("Ningbo Plastics Factory", "CNY", org.finbridge.party.BankAccount.Status.PENDING_APPROVAL);
        assertThat(Underwriting.supplierAccount(new Underwriting.Supplier(Optional.of(pending), seller, "CNY")))
                .isInstanceOf(Underwriting.Refer.class);
        var rejected = account("Ningbo Plastics Factory", "CNY", org.finbridge.party.BankAccount.Status.REJECTED);
        assertThat(Underwriting.supplierAccount(new Underwriting.Supplier(Optional.of(rejected), seller, "CNY")))
                .isInstanceOf(Underwriting.Decline.class);

        Underwriting.Decision decided = Underwriting.decide(good(), Optional.of(new Underwriting.Supplier(Optional.of(pending),
                seller, "CNY")));
        assertThat(decided.state()).isEqualTo(LoanState.REFERRED);
        assertThat(decided.text()).endsWith("; SUPPLIER_ACCOUNT=REFER: the supplier's account awaits an operator's approval");
        assertThat(Underwriting.decide(good()).text()).doesNotContain("SUPPLIER_ACCOUNT");
    }
}
