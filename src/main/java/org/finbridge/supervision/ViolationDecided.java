package org.finbridge.supervision;

import java.time.Instant;
import java.util.UUID;
import org.finbridge.party.PartyId;

/**
 * A regulator decided a penalty against a party: negative information for the credit registry (征信业管理条例,
 * regulations notes §3.1: administrative penalties are negative information, kept 5 years). Published in the
 * transaction that records the decision; listeners must be idempotent on {@link #violationId()}.
 */
public record ViolationDecided(UUID violationId, PartyId subject, PartyId authority, String ruleCode, ViolationDecision decision,
                               Instant decidedAt) {
}
