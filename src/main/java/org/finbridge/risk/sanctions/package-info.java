/**
 * Sanctions screening: names of parties, their beneficial owners and payment counterparties are
 * compared with the sanctions lists in force (OFAC SDN, the UN Security Council Consolidated List, or
 * any list in the generic CSV layout).
 *
 * <ul>
 *   <li>{@link org.finbridge.risk.sanctions.SanctionsScreening} screens one name: the hits above the
 *       threshold, each with its list entry, the name it matched (primary or alias), a score in [0, 1]
 *       and the reasons. Payouts call it for beneficiaries.</li>
 *   <li>{@link org.finbridge.risk.sanctions.SanctionsLists} imports list files. Each import is a
 *       version (content hash, counts, added / removed / changed entries against the previous one); a
 *       file that cannot be read whole is refused and the version in force stays in force.</li>
 *   <li>{@link org.finbridge.risk.sanctions.SanctionsReview} is the review queue: a possible match of a
 *       party waits for an operator to call it a true match or a false positive; the decision is
 *       remembered for that party and list entry until the entry changes.</li>
 * </ul>
 *
 * <p>Onboarding screens through the party module's {@code PartyScreening} and payouts screen their
 * beneficiary through the settlement module's {@code PayoutScreening}, both implemented here; every party
 * is screened again whenever a list changes. A confirmed match suspends the party and holds or blocks its
 * payouts in the decision's transaction ({@code PayoutHolds}).
 */
@org.springframework.modulith.NamedInterface("sanctions")
package org.finbridge.risk.sanctions;
