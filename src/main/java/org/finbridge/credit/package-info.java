/**
 * The credit registry (征信): trade and payment data contributed with provenance become explainable
 * credit scores; reports are issued only with the subject's consent and every access is logged; the
 * subject may object to a wrong record; defaulters are put on a dishonesty list only with due process.
 * Rules: China's Credit Reporting Industry Regulation (State Council Order No. 631) and the dishonesty
 * list and credit repair rules, summarised in REGULATIONS.md §3.
 *
 * <p>The public API other modules use:
 * <ul>
 *   <li>{@link org.finbridge.credit.CreditScores}: a party's latest score (points, grade A–D, reason codes,
 *       the model version that produced it, and when);</li>
 *   <li>{@link org.finbridge.credit.DishonestyList}: whether a party is currently listed, and the public
 *       query by registration code or name.</li>
 * </ul>
 *
 * <p>The scoring method is a scorecard: weight-of-evidence binning with monotonic constraints, logistic
 * regression, and points scaled so that 600 points mean odds of 50:1 (good:bad) and every 20 points double
 * the odds; the reason codes of a score are the features that cost the subject the most points against
 * the best bin. {@code bin/finbridge credit evaluate} cross-validates that scorecard against a
 * gradient-boosted challenger on any labelled table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit registry",
        allowedDependencies = {"party", "audit", "platform", "money", "payments", "trade", "financing", "supervision"})
package org.finbridge.credit;
