package org.finbridge.banking;

/** The outcome of importing a statement file: all of it, or nothing. */
public sealed interface ImportResult {

    /**
     * The file was stored.
     *
     * @param statementsAlreadyPresent statements of this file that an earlier file had already brought,
     *                                 identical, and that were not stored again
     */
    record Imported(ImportedFile file, int statementsAlreadyPresent) implements ImportResult {
    }

    /** The same file (same SHA-256) was imported before: nothing changed. */
    record AlreadyImported(ImportedFile file) implements ImportResult {
    }

    /**
     * A statement with this id for this account was imported before with other content: the bank sent a
     * different statement under the same id. Nothing of the file was stored; an operator must look.
     */
    record ConflictingStatement(String statementId, String account, String earlierFileId) implements ImportResult {
    }

    /** The file could not be read. Nothing was stored. */
    record Refused(Refusal refusal) implements ImportResult {
    }
}
