package org.finbridge.party;

public sealed interface ApiKeyResult {

    /** A new key; {@code secret} is the whole key to give the client, shown this once and never again. */
    record Issued(ApiKey key, String secret) implements ApiKeyResult {
    }

    record Revoked(ApiKey key) implements ApiKeyResult {
    }

    record NotFound(String what) implements ApiKeyResult {
    }

    record InvalidField(String field, String reason) implements ApiKeyResult {
    }
}
