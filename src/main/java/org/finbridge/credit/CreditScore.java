package org.finbridge.credit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.finbridge.party.PartyId;

/**
 * A party's credit score as computed by one model version at one time.
 *
 * @param points the scorecard points (600 = odds of 50:1 good:bad, +20 points double the odds)
 * @param grade the public band of the points
 * @param reasons the features that cost the most points, largest first (at most four)
 * @param probabilityOfDefault the model's probability of the bad outcome, 0..1
 * @param modelVersion the model registry's version that produced the score, e.g. {@code merchant-scorecard:3}
 * @param scoredAt when the score was computed
 */
public record CreditScore(PartyId party, int points, CreditGrade grade, List<ReasonCode> reasons,
                          double probabilityOfDefault, String modelVersion, Instant scoredAt) {

    public CreditScore {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(scoredAt, "scoredAt");
        reasons = List.copyOf(reasons);
    }
}
