package org.finbridge.financing.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.finbridge.financing.CreditStanding;
import org.finbridge.financing.ListingCheck;
import org.finbridge.financing.LoanState;
import org.finbridge.party.BankAccount;
import org.finbridge.party.KybApplication;
import org.finbridge.party.KybState;
import org.finbridge.party.Party;
import org.finbridge.party.PartyScreening;
import org.finbridge.party.PartyStatus;
import org.finbridge.party.RiskTier;

/**
 * Underwriting as a list of small named policies (one function per rule; {@link #IN_FORCE} is the one
 * place that lists them). Each answers pass, refer to a person, or decline. An application is approved
 * only when every policy passes; any decline declines it; otherwise anything unknown or doubtful refers
 * it to a person. Missing data never approves.
 */
final class Underwriting {

    private Underwriting() {
    }

    /** What the policies look at, gathered once per application. */
    record Case(Party merchant, Optional<KybApplication> kyb, PartyScreening.Outcome screening,
                ListingCheck.Listing listing, Optional<CreditStanding.Standing> standing, long requested, long gradeLimit,
                long exposure, long monthlyPayment, Optional<Long> monthlySales) {
    }

    sealed interface Verdict {
        default String text() {
            return switch (this) {
                case Pass p -> "PASS";
                case Refer r -> "REFER: " + r.reason();
                case Decline d -> "DECLINE: " + d.reason();
            };
        }
    }

    record Pass() implements Verdict {
    }

    record Refer(String reason) implements Verdict {
    }

    record Decline(String reason) implements Verdict {
    }

    interface Policy {
        String name();

        Verdict evaluate(Case c);
    }

    record Named(String name, java.util.function.Function<Case, Verdict> rule) implements Policy {
        @Override
        public Verdict evaluate(Case c) {
            return rule.apply(c);
        }
    }

    /** The debt-service coverage an applicant's sales must show: 1.25 × the monthly payment (a policy choice). */
    static final long COVERAGE_PERCENT = 125;

    /**
     * Sanctions status: a suspended, closed or rejected party is declined; the party and its owners are
     * screened now (REGULATIONS.md §4), and possible matches or no screening go to a person.
     */
    static Verdict sanctions(Case c) {
        if (c.merchant().status() == PartyStatus.SUSPENDED || c.merchant().status() == PartyStatus.CLOSED
                || c.merchant().status() == PartyStatus.REJECTED) {
            return new Decline("the party is " + c.merchant().status());
        }
        return switch (c.screening()) {
            case PartyScreening.Clear clear -> new Pass();
            case PartyScreening.PossibleMatches m -> new Refer("possible sanctions matches: " + String.join("; ", m.hits()));
            case PartyScreening.Unavailable u -> new Refer("sanctions screening unavailable: " + u.reason());
        };
    }

    /**
     * The dishonest judgment-debtor list (失信被执行人, REGULATIONS.md §3.3): a listed party is declined; when
     * the registry cannot say, a person checks.
     */
    static Verdict dishonestyList(Case c) {
        return switch (c.listing()) {
            case LISTED -> new Decline("the party is on the dishonest judgment-debtor list");
            case NOT_LISTED -> new Pass();
            case UNKNOWN -> new Refer("dishonesty list status unknown");
        };
    }

    /** KYB: only an approved file may borrow; a high-risk tier goes to a person (risk-based approach, FATF R.1). */
    static Verdict kybTier(Case c) {
        if (c.kyb().isEmpty() || c.kyb().get().state() != KybState.APPROVED) {
            return new Decline("know-your-business file not approved");
        }
        return c.kyb().get().riskTier() == RiskTier.HIGH ? new Refer("high-risk KYB tier") : new Pass();
    }

    /** Credit standing: unknown standing is never approved automatically. */
    static Verdict creditStanding(Case c) {
        return c.standing().isPresent() ? new Pass() : new Refer("no credit standing known");
    }

    /** Exposure: all the merchant owes under the programme plus this loan stays within its grade's limit. */
    static Verdict exposureLimit(Case c) {
        long total = Math.addExact(c.exposure(), c.requested());
        return total <= c.gradeLimit() ? new Pass()
                : new Decline("exposure " + total + " would exceed the limit " + c.gradeLimit());
    }

    /** Debt-service coverage: average monthly settled sales over the last 90 days ≥ 1.25 × the monthly payment. */
    static Verdict debtServiceCoverage(Case c) {
        if (c.monthlySales().isEmpty()) {
            return new Refer("no settled sales in the last 90 days");
        }
        long sales = c.monthlySales().get();
        return Math.multiplyExact(sales, 100) >= Math.multiplyExact(c.monthlyPayment(), COVERAGE_PERCENT) ? new Pass()
                : new Decline("monthly sales " + sales + " cover less than 1.25 × the monthly payment " + c.monthlyPayment());
    }

    static final List<Policy> IN_FORCE = List.of(
            new Named("SANCTIONS", Underwriting::sanctions),
            new Named("DISHONESTY_LIST", Underwriting::dishonestyList),
            new Named("KYB_TIER", Underwriting::kybTier),
            new Named("CREDIT_STANDING", Underwriting::creditStanding),
            new Named("EXPOSURE_LIMIT", Underwriting::exposureLimit),
            new Named("DEBT_SERVICE_COVERAGE", Underwriting::debtServiceCoverage));

    /**
     * What an import credit's supplier policy looks at: the payout account the seller named for its supplier (empty
     * when it is not one of the seller's accounts), the seller's own legal name, and the loan's currency.
     */
    record Supplier(Optional<BankAccount> account, String sellerLegalName, String currency) {
    }

    /**
     * The supplier's account (import credit): the advance leaves the platform for it, so it must be a payout account
     * an operator verified (a third party's holder name is approved by a person: payouts to a third party's account
     * are how funds get diverted), in the loan's currency, and not the seller's own: an "import credit" paid to the
     * seller itself is a cash loan whose use of funds nobody checked (REGULATIONS.md §6.1, inventory finance).
     */
    static Verdict supplierAccount(Supplier s) {
        if (s.account().isEmpty()) {
            return new Decline("the supplier's bank account is not one of the seller's payout accounts");
        }
        BankAccount a = s.account().get();
        if (!a.currency().equals(s.currency())) {
            return new Decline("the supplier's account is in " + a.currency() + ", the invoice is financed in " + s.currency());
        }
        if (a.holderName() != null && normalised(a.holderName()).equals(normalised(s.sellerLegalName()))) {
            return new Decline("the supplier's account is held by the seller itself");
        }
        return switch (a.status()) {
            case VERIFIED -> new Pass();
            case PENDING_APPROVAL -> new Refer("the supplier's account awaits an operator's approval");
            case REJECTED, CLOSED -> new Decline("the supplier's account is " + a.status());
        };
    }

    private static String normalised(String name) {
        return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    record Decision(LoanState state, String text) {
    }

    static Decision decide(Case c) {
        return decide(c, Optional.empty());
    }

    /** The policies in force, and for an import credit the supplier's account after them. */
    static Decision decide(Case c, Optional<Supplier> supplier) {
        List<java.util.Map.Entry<String, Verdict>> verdicts = new java.util.ArrayList<>(IN_FORCE.stream()
                .map(p -> java.util.Map.entry(p.name(), p.evaluate(c))).toList());
        supplier.ifPresent(s -> verdicts.add(java.util.Map.entry("SUPPLIER_ACCOUNT", supplierAccount(s))));
        LoanState state = verdicts.stream().anyMatch(v -> v.getValue() instanceof Decline) ? LoanState.DECLINED
                : verdicts.stream().anyMatch(v -> v.getValue() instanceof Refer) ? LoanState.REFERRED : LoanState.APPROVED;
        return new Decision(state, verdicts.stream().map(v -> v.getKey() + "=" + v.getValue().text())
                .collect(Collectors.joining("; ")));
    }
}
