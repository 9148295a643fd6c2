package org.finbridge.platform.web;

/**
 * The object does not exist for this caller: answered 404 whether it does not exist at all or
 * belongs to someone else, so that ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {
    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
