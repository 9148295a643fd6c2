package org.finbridge.party;

/**
 * The answer of {@link Identifiers#validate}: either the identifier in its normalised form, or the
 * first rule it breaks as a short, lower-case, human-readable reason.
 */
public sealed interface Validation {

    boolean isValid();

    /** A valid identifier, normalised (upper case, spaces removed) so that equal identifiers compare equal. */
    record Valid(String normalized) implements Validation {
        @Override
        public boolean isValid() {
            return true;
        }
    }

    /** An invalid identifier and why, e.g. {@code "check digits do not match"}. */
    record Invalid(String reason) implements Validation {
        @Override
        public boolean isValid() {
            return false;
        }
    }
}
