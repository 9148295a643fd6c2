package org.finbridge.trade.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.UnknownCurrencyException;
import org.finbridge.party.PartyId;
import org.finbridge.trade.Violation;

/**
 * Reads the fields of a submitted document and collects every problem rather than stopping at the
 * first, so that a rejected row's report names all of them. Each reader answers null for a bad field.
 */
final class Fields {

    /** Order numbers, waybills and references are identifiers: letters, digits and a few separators. */
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/#:-]*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Clocks of marketplaces and carriers drift; a time further ahead of ours than this is refused. */
    static final long FUTURE_TOLERANCE_SECONDS = 300;

    private final List<Violation> violations = new ArrayList<>();
    private final Instant now;

    Fields(Instant now) {
        this.now = now;
    }

    void add(String field, String reason) {
        violations.add(new Violation(field, reason));
    }

    void addAll(List<Violation> more) {
        violations.addAll(more);
    }

    boolean ok() {
        return violations.isEmpty();
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Required text of at most {@code max} characters, stripped, without control characters. */
    String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalText(field, value, max);
    }

    String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            add(field, "is longer than " + max + " characters");
            return null;
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            add(field, "contains control characters");
            return null;
        }
        return v;
    }

    /** A required identifier such as an order number or a waybill. */
    String reference(String field, String value, int min, int max) {
        String v = text(field, value, max);
        if (v == null) {
            return null;
        }
        if (v.length() < min || !REFERENCE.matcher(v).matches()) {
            add(field, "must be " + min + " to " + max + " letters, digits or . _ / # : - (starting with a letter or digit)");
            return null;
        }
        return v;
    }

    PartyId party(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalParty(field, value);
    }

    PartyId optionalParty(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PartyId.parse(value.strip());
        } catch (IllegalArgumentException e) {
            add(field, "is not a party id (pty_…)");
            return null;
        }
    }

    CurrencyCode currency(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        try {
            return CurrencyCode.of(value.strip());
        } catch (UnknownCurrencyException e) {
            add(field, "unknown currency " + value.strip() + " (ISO 4217 with minor units)");
            return null;
        }
    }

    /** An ISO-8601 instant, not in the future; stored to the microsecond as both databases keep it. */
    Instant pastInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            add(field, "is not an ISO-8601 instant such as 2026-03-01T10:15:30Z");
            return null;
        }
        if (at.isAfter(now.plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
            add(field, "is in the future");
            return null;
        }
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    long positive(String field, Long value) {
        if (value == null) {
            add(field, "is required");
            return 0;
        }
        if (value <= 0) {
            add(field, "must be positive");
            return 0;
        }
        return value;
    }

    long notNegative(String field, Long value) {
        if (value == null) {
            add(field, "is required");
            return 0;
        }
        if (value < 0) {
            add(field, "must not be negative");
            return 0;
        }
        return value;
    }

    /** An ISO 3166-1 alpha-2 country code, upper-cased. */
    String country(String field, String value) {
        String v = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        if (v == null || v.isEmpty()) {
            add(field, "is required");
            return null;
        }
        if (!COUNTRIES.contains(v)) {
            add(field, "is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return v;
    }

    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
