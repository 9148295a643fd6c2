package org.finbridge.party;

import java.time.LocalDate;
import java.util.Objects;
import org.finbridge.party.internal.BicValidator;
import org.finbridge.party.internal.CnapsValidator;
import org.finbridge.party.internal.IbanValidator;
import org.finbridge.party.internal.ResidentIdValidator;
import org.finbridge.party.internal.UsccValidator;

/**
 * Checks identifiers of banks, accounts, organisations and people against their standards. Pure
 * functions: no I/O, no framework, safe to call from anywhere.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Checks {@code value} as an identifier of the given kind.
     *
     * @param today the current date where the identifier holds a date that must not lie in the future
     *     (a resident id's birth date); taken from the caller's clock so that the answer is reproducible
     */
    public static Validation validate(IdentifierKind kind, String value, LocalDate today) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(today, "today");
        return switch (kind) {
            case IBAN -> IbanValidator.validate(value);
            case BIC -> BicValidator.validate(value);
            case USCC -> UsccValidator.validate(value);
            case CN_RESIDENT_ID -> ResidentIdValidator.validate(value, today);
            case CNAPS -> CnapsValidator.validate(value);
        };
    }
}
