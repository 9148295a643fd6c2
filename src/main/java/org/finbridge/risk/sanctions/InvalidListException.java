package org.finbridge.risk.sanctions;

/** A list file that cannot be read whole; the message says what is wrong and where. */
public class InvalidListException extends Exception {

    public InvalidListException(String message, Throwable cause) {
        super(message, cause);
    }
}
