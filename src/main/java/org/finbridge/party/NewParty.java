package org.finbridge.party;

import java.util.Map;

/** A request to register a party; identifiers by scheme (USCC for Chinese companies, LEI, …). */
public record NewParty(PartyKind kind, String country, String legalName, String legalNameOriginal, String email,
                       String phone, Map<String, String> identifiers) {

    public NewParty {
        identifiers = identifiers == null ? Map.of() : Map.copyOf(identifiers);
    }
}
