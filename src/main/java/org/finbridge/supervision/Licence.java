package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * A payment institution's licence and registration as the regulator holds them (regulations notes §2: a legal
 * payment licence and SAFE registration for cross-border FX business, 汇发〔2019〕13号): its number, the
 * business it covers, the regions, its validity, and the per-institution limit on one transaction.
 *
 * @param scopes e.g. {@code CROSS_BORDER_FX}, {@code ONLINE_PAYMENT}, {@code PREPAID_CARD}
 * @param regions e.g. {@code CN-44} (ISO 3166-2 provinces) or {@code CN} for the whole country
 * @param validTo the last day it is valid
 * @param singleTransactionLimit the most one transaction may carry through this institution
 */
public record Licence(PartyId institution, String licenceNumber, Set<String> scopes, Set<String> regions, LocalDate validFrom,
                      LocalDate validTo, Money singleTransactionLimit) {

    public Licence {
        Objects.requireNonNull(institution, "institution");
        if (licenceNumber == null || licenceNumber.isBlank() || licenceNumber.length() > 64) {
            throw new IllegalArgumentException("a licence number of 1 to 64 characters is required");
        }
        if (scopes == null || scopes.isEmpty() || regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("a licence covers at least one scope and one region");
        }
        scopes = Set.copyOf(scopes);
        regions = Set.copyOf(regions);
        if (validFrom == null || validTo == null || validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("a licence is valid from a date to a later one");
        }
        Objects.requireNonNull(singleTransactionLimit, "singleTransactionLimit");
        if (!singleTransactionLimit.isPositive()) {
            throw new IllegalArgumentException("the single-transaction limit must be positive");
        }
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
