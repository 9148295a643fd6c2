package org.finbridge.party;

/** The outcome of registering a party: registered, or refused for a named reason. */
public sealed interface Registration {

    record Registered(Party party) implements Registration {
    }

    /** Another party holds this identifier already. */
    record DuplicateIdentifier(String scheme, String value) implements Registration {
    }

    /** A field fails validation (an invalid USCC, an unknown country code, …). */
    record InvalidField(String field, String reason) implements Registration {
    }
}
