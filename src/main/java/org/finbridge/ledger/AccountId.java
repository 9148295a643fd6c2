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
