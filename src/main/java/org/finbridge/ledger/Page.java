package org.finbridge.ledger;

import java.util.List;

/** One page of a listing; pass {@code nextCursor} back to read on, null at the end. */
public record Page<T>(List<T> items, String nextCursor) {
}
