package org.finbridge.supervision;

import java.time.LocalDate;
import org.finbridge.money.Money;

/** Whether a payment institution may carry one transaction, and if not, which rule refuses it. */
public sealed interface InstitutionCheck {

    record Permitted(Licence licence) implements InstitutionCheck {
    }

    record NotRegistered() implements InstitutionCheck {
    }

    record LicenceNotValid(LocalDate validFrom, LocalDate validTo) implements InstitutionCheck {
    }

    record OutsideScope(String scope) implements InstitutionCheck {
    }

    record OutsideRegions(String region) implements InstitutionCheck {
    }

    record OverLimit(Money limit) implements InstitutionCheck {
    }
}
