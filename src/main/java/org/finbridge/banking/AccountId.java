package org.finbridge.banking;

import java.util.Objects;

/** How a bank account is identified in ISO 20022 (AccountIdentification4Choice): an IBAN or another id. */
public sealed interface AccountId {

    /** The identifier as printed: the IBAN, or the other id. */
    String value();

    record Iban(String value) implements AccountId {
        public Iban {
            Objects.requireNonNull(value, "iban");
        }
    }

    /** A domestic account number (e.g. a Chinese bank card or settlement account number). */
    record Other(String value) implements AccountId {
        public Other {
            Objects.requireNonNull(value, "account id");
        }
    }
}
