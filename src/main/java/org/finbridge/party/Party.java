package org.finbridge.party;

import java.time.Instant;
import java.util.Map;

/**
 * A party as others see it.
 *
 * @param legalName the legal name in Latin script
 * @param legalNameOriginal the legal name in its original script (深圳市某某贸易有限公司), when it has one
 * @param identifiers registration numbers by scheme (USCC, LEI, VAT, …)
 */
public record Party(PartyId id, PartyKind kind, String country, String legalName, String legalNameOriginal,
                    PartyStatus status, RiskTier riskTier, String email, String phone,
                    Map<String, String> identifiers, Instant createdAt) {
}
