package org.finbridge.supervision;

import java.time.LocalDate;
import org.finbridge.money.Money;

/**
 * The treatment and tax of one retail import order, with the buyer's annual total before and after it.
 *
 * @param tax tariff + consumption tax + VAT
 * @param rulesDate the date whose rules were applied
 * @param overAnnualLimit true when the order became general trade because the annual limit would be exceeded
 */
public record CbecQuote(CbecTreatment treatment, Money dutiableValue, Money tariff, Money consumptionTax, Money vat,
                        Money tax, Money annualBefore, Money annualAfter, LocalDate rulesDate, boolean overAnnualLimit) {
}
