package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * A payment institution's licence and registration as the regulator holds them (regulations notes §2: a legal
 * payment licence and SAFE registration for cross-border FX business, 汇发〔2019〕13号): its number, the
 * business it covers, the regions, its validity, and the per-institution limits: the most one transaction may
 * carry and the most the institution may carry in one day (备付金 rules size an institution's business to what
 * its licence and capital allow, regulations notes §2). Payments are attributed to an institution by the
 * connectors it operates; what goes through beyond a limit is a breach the regulator sees.
 *
 * @param scopes e.g. {@code CROSS_BORDER_FX}, {@code ONLINE_PAYMENT}, {@code PREPAID_CARD}
 * @param regions e.g. {@code CN-44} (ISO 3166-2 provinces) or {@code CN} for the whole country
 * @param validTo the last day it is valid
 * @param singleTransactionLimit the most one transaction may carry through this institution
 * @param dailyVolumeLimit the most the institution may carry in one Beijing day, in any currency's equivalent; null: no cap
 * @param connectors the payment connectors this institution operates (e.g. {@code sim-card}): payments they carry are its
 */
public record Licence(PartyId institution, String licenceNumber, Set<String> scopes, Set<String> regions, LocalDate validFrom,
                      LocalDate validTo, Money singleTransactionLimit, Money dailyVolumeLimit, Set<String> connectors) {

    /** A licence with a single-transaction limit only, operating no connector of the platform. */
    public Licence(PartyId institution, String licenceNumber, Set<String> scopes, Set<String> regions, LocalDate validFrom,
                   LocalDate validTo, Money singleTransactionLimit) {
        this(institution, licenceNumber, scopes, regions, validFrom, validTo, singleTransactionLimit, null, Set.of());
    }

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
        if (dailyVolumeLimit != null && (!dailyVolumeLimit.isPositive()
                || !dailyVolumeLimit.currency().equals(singleTransactionLimit.currency())
                || dailyVolumeLimit.compareTo(singleTransactionLimit) < 0)) {
            throw new IllegalArgumentException("the daily volume limit is positive, in the single-transaction limit's currency "
                    + "and not below it");
        }
        connectors = Set.copyOf(connectors == null ? Set.of() : connectors);
        for (String c : connectors) {
            if (c == null || !c.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("a connector name is 1 to 64 letters, digits, '.', '-' or '_'");
            }
        }
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
