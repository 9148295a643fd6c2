package org.finbridge.banking;

import java.time.LocalDate;
import java.util.Objects;
import org.finbridge.money.Money;

/**
 * A balance from a statement.
 *
 * @param type   the ISO BalanceType12Code or proprietary code: OPBD (opening booked), CLBD (closing booked),
 *               CLAV (closing available), ITBD (interim booked), …
 * @param amount the balance's size, never negative: the sign is {@code creditDebit} (DBIT = overdrawn)
 */
public record Balance(String type, Money amount, CreditDebit creditDebit, LocalDate date) {

    public Balance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditDebit, "creditDebit");
    }

    /** The balance with its sign: negative when the account is overdrawn. */
    public long signedMinorUnits() {
        return creditDebit == CreditDebit.CRDT ? amount.minorUnits() : -amount.minorUnits();
    }
}
