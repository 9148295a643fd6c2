package org.finbridge.ledger;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/** Identifies a ledger account; written {@code acc_…} at the API edge. */
public record AccountId(UUID value) implements Comparable<AccountId> {

    public static final String PREFIX = "acc";

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId next() {
        return new AccountId(TimeOrderedIds.next());
    }

    /**
     * A deterministic id derived from a name such as {@code party:<id>:MERCHANT_AVAILABLE:EUR}, so that
     * the modules that open an owner's account in a currency on first use all open the same one (a
     * second opening answers EXISTS) without a lookup table.
     */
    public static AccountId derived(String name) {
        return new AccountId(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static AccountId parse(String text) {
        return new AccountId(TimeOrderedIds.parse(PREFIX, text));
    }

    @Override
    public int compareTo(AccountId other) {
        return TimeOrderedIds.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
