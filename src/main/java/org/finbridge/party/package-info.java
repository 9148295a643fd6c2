/**
 * Parties and identity: the party module owns parties of every kind (merchants, buyers, banks,
 * platforms, regulators), their KYC/KYB checks, users, roles, API keys and consents.
 *
 * <p>Its first public piece is identifier validation: {@link org.finbridge.party.Identifiers} checks an
 * IBAN, a BIC, a Chinese unified social credit code, a Chinese resident id number or a CNAPS bank code
 * against its standard and answers a {@link org.finbridge.party.Validation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Parties and identity")
package org.finbridge.party;
