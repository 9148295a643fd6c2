package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.finbridge.party.PartyId;

/**
 * A pilot zone (跨境电子商务综合试验区, or a regulatory sandbox) as a policy held in data (regulations notes
 * §1.2–1.3: 165 zones by 2022; 财税〔2018〕103号 无票免税 for zone exporters): what it allows, which rule-book
 * limits it overrides for its participants, who participates, and when it starts and ends. Changing a zone's
 * policy changes the rules applied to its participants without a code change.
 *
 * @param capabilities e.g. {@code VAT_EXEMPTION_WITHOUT_INVOICE}, {@code SIMPLIFIED_HS_DECLARATION}
 * @param limits rule-book keys and the values the zone applies instead, e.g.
 *               {@code cn_fx.pilot_single_txn_cap_usd → 100000}
 * @param cohort the participating parties
 * @param sunsetOn the first day it no longer applies; null while open-ended
 * @param version increases with every change of policy
 */
public record PilotZone(String code, String name, Set<String> capabilities, Map<String, String> limits, Set<PartyId> cohort,
                        LocalDate startsOn, LocalDate sunsetOn, int version) {

    public PilotZone {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a zone code of 1 to 40 letters, digits, '-' or '_' is required");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a zone name of 1 to 200 characters is required");
        }
        capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
        limits = Map.copyOf(limits == null ? Map.of() : limits);
        cohort = Set.copyOf(cohort == null ? Set.of() : cohort);
        Objects.requireNonNull(startsOn, "startsOn");
        if (sunsetOn != null && !sunsetOn.isAfter(startsOn)) {
            throw new IllegalArgumentException("a zone's sunset comes after its start");
        }
        limits.forEach((k, v) -> {
            if (k.isBlank() || v == null || v.isBlank()) {
                throw new IllegalArgumentException("zone limits name a rule and a value");
            }
        });
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startsOn) && (sunsetOn == null || day.isBefore(sunsetOn));
    }
}
