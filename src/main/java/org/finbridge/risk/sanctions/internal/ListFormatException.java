package org.finbridge.risk.sanctions.internal;

/**
 * A list file that cannot be read whole (wrong encoding, truncated, not the declared format). The
 * message says what is wrong and where, for the operator who imported it.
 */
class ListFormatException extends Exception {

    ListFormatException(String message) {
        super(message);
    }

    ListFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
