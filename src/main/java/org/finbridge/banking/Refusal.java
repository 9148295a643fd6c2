package org.finbridge.banking;

import java.util.Objects;

/**
 * Why a bank file was not read. The reason is stable (for problem documents and tests), the detail
 * says what in the file broke it, with a line and column where the XML parser knows them.
 */
public record Refusal(Reason reason, String detail) {

    public enum Reason {
        /** Larger than the configured maximum document size. */
        TOO_LARGE,
        /** Declares a document type: DTDs carry entity-expansion and external-entity attacks. */
        DOCTYPE_FORBIDDEN,
        /** Elements nested deeper than the configured maximum depth. */
        TOO_DEEP,
        /** Another parser limit (attributes per element, entity sizes) was exceeded. */
        LIMIT_EXCEEDED,
        /** Not well-formed XML (or empty). */
        MALFORMED,
        /** Well-formed, but not a message of a type this reader understands. */
        UNKNOWN_MESSAGE_TYPE,
        /** A known message family in a version outside the supported range. */
        UNSUPPORTED_VERSION,
        /** Not valid against the ISO 20022 schema of its version. */
        SCHEMA_INVALID,
        /** Valid XML whose content is not meaningful (an amount finer than its currency, a missing id, …). */
        INVALID_CONTENT
    }

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for people: {@code SCHEMA_INVALID: line 12, column 7: …}. */
    public String message() {
        return reason + ": " + detail;
    }

    @Override
    public String toString() {
        return message();
    }
}
