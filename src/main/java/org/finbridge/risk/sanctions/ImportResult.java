package org.finbridge.risk.sanctions;

/** What an import did. A refused file changes nothing: the version in force stays in force. */
public sealed interface ImportResult {

    /** A new version, now in force. */
    record Imported(ListVersion version) implements ImportResult {
    }

    /** The file is byte for byte the version in force; nothing was recorded again. */
    record Unchanged(ListVersion current) implements ImportResult {
    }

    /**
     * Refused, with a stable code: {@code MALFORMED_LIST} (unreadable, truncated, wrong encoding),
     * {@code EMPTY_LIST} (no usable entry), {@code LIST_SHRANK} (would drop too many entries),
     * {@code INVALID_FIELD} (a bad request), {@code UNKNOWN_BUNDLE}.
     */
    record Refused(String code, String reason) implements ImportResult {
    }
}
