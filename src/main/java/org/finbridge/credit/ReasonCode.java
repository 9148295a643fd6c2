package org.finbridge.credit;

/**
 * Why a score is not higher: one feature and how many points its value cost against the best value of
 * that feature in the model (the "points below maximum" method of adverse-action reason codes).
 *
 * @param code a stable code for the feature, e.g. {@code R-CHARGEBACK_RATE}
 * @param feature the feature's name
 * @param value the subject's value of the feature, as shown in reports
 * @param pointsLost the points this feature cost, never negative
 * @param description plain words for the subject and the lender
 */
public record ReasonCode(String code, String feature, String value, int pointsLost, String description) {
}
