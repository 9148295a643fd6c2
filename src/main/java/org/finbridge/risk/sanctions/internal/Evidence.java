package org.finbridge.risk.sanctions.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * What else than the name says a hit is or is not the listed person or entity. Supporting evidence
 * only: it moves a name score a little and never makes a hit of a name that does not match. The sizes
 * follow common screening practice (OFAC's guidance: a name match alone is not a match; date of
 * birth, nationality and address decide).
 */
final class Evidence {

    static final float SAME_DATE_OF_BIRTH = 0.05f;
    static final float SAME_YEAR_OF_BIRTH = 0.02f;
    static final float OTHER_DATE_OF_BIRTH = -0.12f;
    static final float SAME_COUNTRY = 0.02f;
    static final float OTHER_COUNTRY = -0.03f;
    static final float OTHER_TYPE = -0.05f;
    static final float WEAK_ALIAS = -0.05f;
    /** The most evidence can add: candidates further than this below the threshold are not scored. */
    static final float MOST = SAME_DATE_OF_BIRTH + SAME_COUNTRY;

    record Adjustment(float delta, List<String> reasons, boolean excluded) {
    }

    private Evidence() {
    }

    static Adjustment weigh(SubjectType queryType, String country, LocalDate dateOfBirth, ListEntry entry,
                            EntryName.Kind matchedKind) {
        List<String> reasons = new java.util.ArrayList<>();
        float delta = 0;
        if (queryType == SubjectType.INDIVIDUAL && (entry.type() == SubjectType.VESSEL || entry.type() == SubjectType.AIRCRAFT)) {
            return new Adjustment(0, List.of(), true);
        }
        if (queryType != SubjectType.UNKNOWN && entry.type() != SubjectType.UNKNOWN && queryType != entry.type()
                && !(queryType == SubjectType.ENTITY && entry.type() != SubjectType.INDIVIDUAL)) {
            delta += OTHER_TYPE;
            reasons.add("listed as " + entry.type().name().toLowerCase(Locale.ROOT) + ", screened as "
                    + queryType.name().toLowerCase(Locale.ROOT));
        }
        if (matchedKind == EntryName.Kind.WEAK_ALIAS) {
            delta += WEAK_ALIAS;
            reasons.add("matched a low-quality alias");
        }
        if (dateOfBirth != null && !entry.birthDates().isEmpty()) {
            BirthDate.Agreement best = BirthDate.Agreement.CONTRADICTS;
            for (BirthDate d : entry.birthDates()) {
                BirthDate.Agreement a = d.compare(dateOfBirth);
                if (a.ordinal() < best.ordinal()) {
                    best = a;
                }
            }
            switch (best) {
                case SAME_DATE -> {
                    delta += SAME_DATE_OF_BIRTH;
                    reasons.add("date of birth matches (" + dateOfBirth + ")");
                }
                case SAME_YEAR -> {
                    delta += SAME_YEAR_OF_BIRTH;
                    reasons.add("year of birth matches (" + dateOfBirth.getYear() + ")");
                }
                case NEAR -> reasons.add("date of birth close to a listed one");
                case CONTRADICTS -> {
                    delta += OTHER_DATE_OF_BIRTH;
                    reasons.add("date of birth differs (listed: " + String.join(", ",
                            entry.birthDates().stream().map(BirthDate::toString).toList()) + ")");
                }
            }
        }
        if (country != null && !country.isBlank() && !entry.countries().isEmpty()) {
            String c = country.strip().toUpperCase(Locale.ROOT);
            if (entry.countries().contains(c)) {
                delta += SAME_COUNTRY;
                reasons.add("country matches (" + c + ")");
            } else {
                delta += OTHER_COUNTRY;
                reasons.add("country differs (listed: " + String.join(", ", new java.util.TreeSet<>(entry.countries())) + ")");
            }
        }
        return new Adjustment(delta, reasons, false);
    }
}
