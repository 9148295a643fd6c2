package org.finbridge.fx;

import java.time.Instant;
import org.finbridge.ledger.TransferResult;

/** The answer to executing a quote: the conversion, or the rule that refused it (nothing moved). */
public sealed interface ExecutionResult {

    record Executed(Conversion conversion) implements ExecutionResult {
    }

    record QuoteNotFound(QuoteId id) implements ExecutionResult {
    }

    /** The lock ran out before execution was asked for. */
    record QuoteExpired(QuoteId id, Instant expiredAt) implements ExecutionResult {
    }

    /** The quote was executed already, or is being executed by another request right now. */
    record QuoteAlreadyUsed(QuoteId id, QuoteStatus status) implements ExecutionResult {
    }

    /** The account sold from holds less than the quote sells. */
    record InsufficientFunds(QuoteId id, String account) implements ExecutionResult {
    }

    /** An account is missing or of the wrong currency for this quote. */
    record AccountMismatch(QuoteId id, String reason) implements ExecutionResult {
    }

    /** The ledger refused the legs for another rule (named), or its answer is not known yet. */
    record LedgerRefused(QuoteId id, TransferResult result) implements ExecutionResult {
    }
}
