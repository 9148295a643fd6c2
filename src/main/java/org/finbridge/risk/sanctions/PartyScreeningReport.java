package org.finbridge.risk.sanctions;

import java.util.List;

/**
 * A party screened now: the outcome and every possible match of the party and its owners, those
 * raised now and those remembered (with their decisions).
 */
public record PartyScreeningReport(Outcome outcome, String detail, List<ReviewHit> hits) {

    public enum Outcome { CLEAR, POSSIBLE_MATCHES, UNAVAILABLE }

    public PartyScreeningReport {
        hits = List.copyOf(hits);
    }
}
