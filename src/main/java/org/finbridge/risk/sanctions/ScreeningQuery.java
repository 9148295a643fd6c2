package org.finbridge.risk.sanctions;

import java.time.LocalDate;

/**
 * A name to screen, with what else is known about its bearer: the type, a country (ISO 3166-1
 * alpha-2: nationality, residence or registration) and a date of birth. Country and date of birth are
 * supporting evidence: they raise or lower a name's score but never make a hit by themselves.
 */
public record ScreeningQuery(String name, SubjectType type, String country, LocalDate dateOfBirth) {

    public ScreeningQuery {
        type = type == null ? SubjectType.UNKNOWN : type;
    }

    public static ScreeningQuery of(String name) {
        return new ScreeningQuery(name, SubjectType.UNKNOWN, null, null);
    }
}
