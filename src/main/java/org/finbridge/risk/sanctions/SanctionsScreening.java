package org.finbridge.risk.sanctions;

import java.time.LocalDate;

/**
 * Screens one name against every sanctions list in force. Answers in well under a millisecond
 * (candidates come from an in-memory index, never a scan of the list), so callers may screen inline.
 */
public interface SanctionsScreening {

    ScreeningResult screen(ScreeningQuery query);

    default ScreeningResult screen(String name, SubjectType type, String country, LocalDate dateOfBirth) {
        return screen(new ScreeningQuery(name, type, country, dateOfBirth));
    }
}
