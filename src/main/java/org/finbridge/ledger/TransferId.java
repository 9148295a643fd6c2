package org.finbridge.ledger;

import java.util.Objects;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;

/**
 * Identifies a transfer; chosen by the client, so it is also the idempotency key. Written {@code tr_…}
 * at the API edge.
 */
public record TransferId(UUID value) implements Comparable<TransferId> {

    public static final String PREFIX = "tr";

    public TransferId {
        Objects.requireNonNull(value, "value");
    }

    public static TransferId next() {
        return new TransferId(TimeOrderedIds.next());
    }

    public static TransferId parse(String text) {
        return new TransferId(TimeOrderedIds.parse(PREFIX, text));
    }

    /**
     * A deterministic id derived from a business key (a payment id and a step, say), so that a module
     * retrying a step after a crash submits the same transfer id and the ledger answers EXISTS.
     */
    public static TransferId derived(String businessKey) {
        return new TransferId(UUID.nameUUIDFromBytes(businessKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public int compareTo(TransferId other) {
        return TimeOrderedIds.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return TimeOrderedIds.format(PREFIX, value);
    }
}
