package org.finbridge.ledger;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.finbridge.money.CurrencyCode;

/**
 * A request to open an account. The id is chosen by the caller (retrying the same request answers
 * EXISTS), or generated when absent.
 */
public record NewAccount(AccountId id, CurrencyCode currency, String type, String ownerRef, Set<AccountFlag> flags) {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public NewAccount {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("account type must be 1-40 of A-Z, 0-9, _ starting with a letter: " + type);
        }
        if (ownerRef != null && ownerRef.length() > 100) {
            throw new IllegalArgumentException("ownerRef is longer than 100 characters");
        }
        id = id == null ? AccountId.next() : id;
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static NewAccount of(CurrencyCode currency, String type, String ownerRef, AccountFlag... flags) {
        return new NewAccount(null, currency, type, ownerRef, flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags));
    }
}
