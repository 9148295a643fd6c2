package org.finbridge.supervision;

import java.time.Instant;

/** The answer to returning a retail import order. */
public sealed interface CbecReturnResult {

    /** Returned: the quota it used is restored and its tax is refundable. */
    record Returned(CbecImportRecord record) implements CbecReturnResult {
    }

    record NotFound(String orderNumber) implements CbecReturnResult {
    }

    record AlreadyReturned(CbecImportRecord record) implements CbecReturnResult {
    }

    /** Past the return window (regulations notes §1.1, 30 days of release): nothing restored. */
    record ReturnWindowClosed(Instant closedAt) implements CbecReturnResult {
    }
}
