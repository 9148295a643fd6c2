package org.finbridge.party.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.party.KybApplication;
import org.finbridge.party.PartyScreening;
import org.finbridge.party.RiskTier;

/**
 * Suggests a risk tier for a reviewer, with the reasons, from named rules (risk-based approach,
 * FATF R.1/R.10). The reviewer decides; the suggestion is recorded beside the decision.
 */
final class RiskTierPolicy {

    record Suggestion(RiskTier tier, List<String> reasons) {
    }

    private RiskTierPolicy() {
    }

    static Suggestion suggest(String country, KybApplication.CompanyRegistration registration,
                              List<KybApplication.BeneficialOwner> owners, PartyScreening.Outcome screening,
                              LocalDate today) {
        List<String> high = new ArrayList<>();
        List<String> medium = new ArrayList<>();
        if (CountryRisk.isCallForAction(country)) {
            high.add("company in a FATF call-for-action jurisdiction (" + country + ")");
        }
        for (KybApplication.BeneficialOwner o : owners) {
            if (CountryRisk.isCallForAction(o.nationality())) {
                high.add("owner " + o.fullName() + " from a FATF call-for-action jurisdiction");
            } else if (CountryRisk.isUnderIncreasedMonitoring(o.nationality())) {
                medium.add("owner " + o.fullName() + " from a FATF increased-monitoring jurisdiction");
            }
        }
        if (CountryRisk.isUnderIncreasedMonitoring(country)) {
            medium.add("company in a FATF increased-monitoring jurisdiction (" + country + ")");
        }
        if (screening instanceof PartyScreening.PossibleMatches m) {
            high.add("possible sanctions matches: " + m.hits().size());
        } else if (screening instanceof PartyScreening.Unavailable) {
            medium.add("not screened automatically: manual screening required");
        }
        if (registration.incorporationDate().isAfter(today.minus(Period.ofYears(1)))) {
            medium.add("company incorporated less than a year ago");
        }
        if (!high.isEmpty()) {
            high.addAll(medium);
            return new Suggestion(RiskTier.HIGH, high);
        }
        return medium.isEmpty() ? new Suggestion(RiskTier.LOW, List.of("no risk factor found"))
                : new Suggestion(RiskTier.MEDIUM, medium);
    }
}
