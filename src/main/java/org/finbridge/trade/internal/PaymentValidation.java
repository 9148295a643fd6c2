package org.finbridge.trade.internal;

import java.time.Instant;
import org.finbridge.money.CurrencyCode;
import org.finbridge.trade.NewPayment;
import org.finbridge.trade.PaidAmount;

/** Turns a pushed payment reference into a {@link PaidAmount}, or into every reason it is not one. */
final class PaymentValidation {

    static final String PUSHED_BY_MARKETPLACE = "marketplace";

    private PaymentValidation() {
    }

    static Checked<PaidAmount> validate(NewPayment n, Instant now) {
        Fields f = new Fields(now);
        String reference = f.reference("paymentReference", n.paymentReference(), 1, 100);
        CurrencyCode currency = f.currency("currency", n.currency());
        long amount = f.notNegative("amountMinorUnits", n.amountMinorUnits());
        Instant paidAt = f.pastInstant("paidAt", n.paidAt());
        if (!f.ok()) {
            return Checked.invalid(f.violations());
        }
        return Checked.valid(new PaidAmount(reference, currency, amount, paidAt, PUSHED_BY_MARKETPLACE));
    }
}
