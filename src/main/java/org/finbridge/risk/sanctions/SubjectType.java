package org.finbridge.risk.sanctions;

import java.util.Locale;
import java.util.Optional;

/** What a name belongs to, on a list or in a query; {@link #UNKNOWN} when the caller cannot say. */
public enum SubjectType {
    INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT, UNKNOWN;

    public static Optional<SubjectType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(UNKNOWN);
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "individual", "person", "natural person" -> Optional.of(INDIVIDUAL);
            case "entity", "organization", "organisation", "company", "legal entity" -> Optional.of(ENTITY);
            case "vessel", "ship" -> Optional.of(VESSEL);
            case "aircraft" -> Optional.of(AIRCRAFT);
            case "unknown" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }
}
