package org.finbridge.banking;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.finbridge.banking.internal.StatementFiles;

/**
 * Bank statements: camt.053 statements and camt.054 debit/credit notifications, versions .02 to .08,
 * with or without a business application header (AppHdr) around the document, with or without a
 * byte-order mark, one or several statements per file. Files of a version whose schema Finbridge ships
 * are validated against it.
 *
 * <p>{@link #parse} reads a file without storing it (no database needed); {@link #importFile} stores a
 * file's statements once, all or nothing.
 */
public interface BankStatements {

    /** Reads a statement file within the default {@link XmlLimits}. Does not close the stream. */
    static ParseResult<List<BankStatement>> parse(InputStream content) {
        return parse(content, XmlLimits.DEFAULT);
    }

    /** Reads a statement file. Does not close the stream. */
    static ParseResult<List<BankStatement>> parse(InputStream content, XmlLimits limits) {
        return StatementFiles.parse(content, limits);
    }

    /**
     * Stores the statements of a file, in one transaction with its audit record. Importing the same
     * file again answers {@link ImportResult.AlreadyImported}; a statement that an earlier file brought
     * identically is not stored twice.
     *
     * @param fileName the name the file arrived under, kept for people (may be null)
     * @param actor    who imports it, for the audit log (null: the current request's actor, or the system)
     */
    ImportResult importFile(String fileName, InputStream content, String actor);

    Optional<ImportedFile> file(String fileId);

    /** The statements a file brought, as stored, in file order. */
    List<BankStatement> statementsOf(String fileId);
}
