package org.finbridge.credit;

import java.time.Instant;
import java.util.Map;
import org.finbridge.party.PartyId;

/**
 * A record a data provider contributes about a subject.
 *
 * @param provider the providing party (a marketplace, logistics company, lender), or null for the platform's own modules
 * @param providerName for the platform's own modules, which one ({@code finbridge.payments}); otherwise ignored
 * @param sourceRecord the provider's own id of the record: provenance, and the key that makes resending harmless
 * @param amount the category's quantity (an amount in major units, days past due, a rating, months)
 * @param currency the amount's currency where it is money, else null
 * @param eventEndsAt for negative information, when the negative event ended (a debt repaid), if it has
 * @param subjectNotifiedAt for negative information, when the provider notified the subject (art. 15)
 * @param attributes further fields as the provider sent them; checked for prohibited data, not stored
 */
public record NewContribution(PartyId provider, String providerName, PartyId subject, ContributionCategory category,
                              String sourceRecord, double amount, String currency, Instant occurredAt,
                              Instant eventEndsAt, Instant subjectNotifiedAt, Map<String, String> attributes) {

    public NewContribution {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
