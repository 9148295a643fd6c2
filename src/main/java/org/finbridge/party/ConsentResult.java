package org.finbridge.party;

public sealed interface ConsentResult {

    record Granted(Consent consent) implements ConsentResult {
    }

    record Revoked(Consent consent) implements ConsentResult {
    }

    record NotFound(String what) implements ConsentResult {
    }

    record InvalidField(String field, String reason) implements ConsentResult {
    }
}
