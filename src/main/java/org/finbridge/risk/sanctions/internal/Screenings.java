package org.finbridge.risk.sanctions.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.finbridge.risk.sanctions.ScreeningHit;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.ScreeningResult;

/** A query through a matcher, answered in the API's terms (scores with 4 decimals). */
final class Screenings {

    private Screenings() {
    }

    static ScreeningResult screen(NameMatcher matcher, ScreeningQuery query, BigDecimal threshold) {
        if (matcher.index().isEmpty()) {
            return new ScreeningResult.Unavailable("no sanctions list has been imported");
        }
        if (query.name() == null || query.name().isBlank()) {
            return new ScreeningResult.Unavailable("the name is empty");
        }
        List<NameMatcher.Match> matches = matcher.match(new NameMatcher.Query(query.name(), query.type(), query.country(),
                query.dateOfBirth()), threshold.floatValue());
        List<ScreeningHit> hits = matches.stream().map(Screenings::hit).toList();
        return new ScreeningResult.Screened(hits, matcher.index().versionLabels, threshold);
    }

    static ScreeningHit hit(NameMatcher.Match m) {
        ListEntry e = m.entry().entry();
        return new ScreeningHit(m.entry().listCode(), e.entryId(), e.primaryName(), m.name().name(), e.type(),
                score(m.score()), m.reasons());
    }

    /** Scores carry 4 decimals: enough to rank, few enough to read. */
    static BigDecimal score(float s) {
        return new BigDecimal(Float.toString(s)).setScale(4, RoundingMode.HALF_UP);
    }
}
