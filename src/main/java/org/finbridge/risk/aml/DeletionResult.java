package org.finbridge.risk.aml;

import java.time.LocalDate;

/** The answer to a request to delete an AML record. */
public sealed interface DeletionResult {

    record Deleted(ReportId id) implements DeletionResult {
    }

    record NotFound() implements DeletionResult {
    }

    /** AML Law 2024 art. 34: transaction records are kept at least 10 years (REGULATIONS §4.1). */
    record RetentionPeriod(LocalDate keepUntil) implements DeletionResult {
    }
}
