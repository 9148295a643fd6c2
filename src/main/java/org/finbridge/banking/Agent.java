package org.finbridge.banking;

import java.util.Objects;

/**
 * A bank in a payment chain (ISO 20022 FinancialInstitutionIdentification): by its BIC, or by its
 * member id in a clearing system, e.g. {@code CNAPS} + a 12-digit CNAPS bank code for a Chinese bank.
 */
public sealed interface Agent {

    record Bic(String bic) implements Agent {
        public Bic {
            Objects.requireNonNull(bic, "bic");
        }
    }

    /**
     * @param clearingSystem an ISO ExternalClearingSystemIdentification1Code (at most 5 characters), e.g.
     *                       {@code CNAPS}, {@code USABA}, {@code GBDSC}
     */
    record ClearingMember(String clearingSystem, String memberId) implements Agent {
        public ClearingMember {
            Objects.requireNonNull(clearingSystem, "clearingSystem");
            Objects.requireNonNull(memberId, "memberId");
        }
    }
}
