package org.finbridge.financing.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.finbridge.financing.CreditStanding;
import org.finbridge.financing.ListingCheck;
import org.finbridge.financing.LoanState;
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

    record Decision(LoanState state, String text) {
    }

    static Decision decide(Case c) {
        List<java.util.Map.Entry<String, Verdict>> verdicts = IN_FORCE.stream()
                .map(p -> java.util.Map.entry(p.name(), p.evaluate(c))).toList();
        LoanState state = verdicts.stream().anyMatch(v -> v.getValue() instanceof Decline) ? LoanState.DECLINED
                : verdicts.stream().anyMatch(v -> v.getValue() instanceof Refer) ? LoanState.REFERRED : LoanState.APPROVED;
        return new Decision(state, verdicts.stream().map(v -> v.getKey() + "=" + v.getValue().text())
                .collect(Collectors.joining("; ")));
    }
}
