package org.finbridge.risk.sanctions.internal;

import java.time.LocalDate;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * A name screened on behalf of a party: its legal name (role COMPANY, or PARTY for a person), its name
 * in original script, or a beneficial owner's name (role OWNER).
 */
record ScreenedSubject(String ref, String role, String name, SubjectType type, String country, LocalDate dateOfBirth) {

    ScreeningQuery query() {
        return new ScreeningQuery(name, type, country, dateOfBirth);
    }

    /** The party, the role and the name as the matcher sees it: one subject of possible matches. */
    String key() {
        String normalized = String.join(" ", NameNormalizer.normalize(name, type).tokens());
        return ListStore.clip(ref + "|" + role + "|" + (normalized.isEmpty() ? name.strip() : normalized), 600);
    }
}
