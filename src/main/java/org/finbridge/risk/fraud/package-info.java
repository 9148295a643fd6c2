/**
 * Fraud scoring: every payment is scored before its authorization (the payments module's
 * {@link org.finbridge.payments.RiskPolicy}, implemented here) and allowed, reviewed, challenged with
 * 3-D Secure or blocked, with its score, model version and reason codes stored.
 *
 * <ul>
 *   <li>Features over sliding windows (velocity per card, BIN, device, IP address, e-mail and merchant;
 *       the amount against the merchant's and the buyer's habit; BIN, IP and shipping countries; account
 *       age; card-testing bursts; refund and chargeback history) come from a warm in-memory cache fed
 *       by every attempt and by payment events, rebuilt from the stored decisions at start.</li>
 *   <li>Rules are small named policies; a logistic-regression model trained with Tribuo on the seeded
 *       transaction simulator scores what they miss. {@link org.finbridge.risk.fraud.FraudModels} is the
 *       model registry (versions, parameters, evaluation report).</li>
 *   <li>{@link org.finbridge.risk.fraud.FraudReviews} is the operators' review queue; reviews and lost
 *       chargebacks label decisions, and confirmed fraud blocks the card, e-mail, device and IP address.</li>
 * </ul>
 */
@org.springframework.modulith.NamedInterface("fraud")
package org.finbridge.risk.fraud;
