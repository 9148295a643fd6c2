package org.finbridge.banking.internal;

import org.finbridge.banking.Refusal;

/**
 * Carries a {@link Refusal} out of the depths of a reader to the entry point that turns it into a
 * result value. Never escapes the module.
 */
final class XmlRefusedException extends RuntimeException {

    private final transient Refusal refusal;

    XmlRefusedException(Refusal.Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.refusal = new Refusal(reason, detail);
    }

    Refusal refusal() {
        return refusal;
    }
}
