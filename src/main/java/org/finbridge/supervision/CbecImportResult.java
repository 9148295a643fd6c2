package org.finbridge.supervision;

/** The answer to declaring a retail import order. */
public sealed interface CbecImportResult {

    /** Taxed and, where the treatment says so, counted toward the buyer's annual total. */
    record Recorded(CbecImportRecord record) implements CbecImportResult {
    }

    /** The same order declared again with the same content: the record as first made. */
    record AlreadyRecorded(CbecImportRecord record) implements CbecImportResult {
    }

    /** The marketplace's order number was already declared with other content. */
    record ConflictingResubmission(String orderNumber) implements CbecImportResult {
    }
}
