package org.finbridge.banking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.ImportResult;
import org.finbridge.banking.ImportedFile;
import org.finbridge.banking.XmlLimits;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports statement files: the whole file in one transaction with its audit record, or nothing.
 *
 * <p>Idempotency: a file is recognised by the SHA-256 of its bytes, a statement by (kind, account,
 * statement id). A statement already stored with the same content is skipped (banks re-send statements
 * inside new files); with other content it is a conflict and nothing of the file is stored. Two imports
 * of the same file at once meet on the unique keys: the loser's transaction rolls back and it answers
 * from what the winner stored.
 */
@Service
class StatementImportService implements BankStatements {

    private final StatementStore store;
    private final BankingAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final XmlLimits limits;

    StatementImportService(StatementStore store, BankingAudit audit, TransactionTemplate transactions, Clock clock,
            @Value("${finbridge.banking.xml.max-document-bytes:52428800}") long maxDocumentBytes,
            @Value("${finbridge.banking.xml.max-depth:64}") int maxDepth) {
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.limits = new XmlLimits(maxDocumentBytes, maxDepth);
    }

    @Override
    public ImportResult importFile(String fileName, InputStream content, String actor) {
        byte[] bytes;
        try {
            bytes = HardenedXml.readBounded(content, limits);
        } catch (XmlRefusedException e) {
            return new ImportResult.Refused(e.refusal());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the statement file", e);
        }
        List<BankStatement> statements;
        try {
            statements = StatementFiles.read(bytes, limits);
        } catch (XmlRefusedException e) {
            return new ImportResult.Refused(e.refusal());
        }
        String sha256 = StatementFingerprint.sha256(bytes);
        try {
            return store(fileName, sha256, statements, actor);
        } catch (DuplicateKeyException concurrentImport) {
            return store(fileName, sha256, statements, actor);
        }
    }

    private ImportResult store(String fileName, String sha256, List<BankStatement> statements, String actor) {
        return transactions.execute(tx -> {
            Optional<ImportedFile> earlier = store.fileByContent(sha256);
            if (earlier.isPresent()) {
                return new ImportResult.AlreadyImported(earlier.get());
            }
            Map<String, String> fingerprints = new HashMap<>();
            int alreadyPresent = 0;
            List<BankStatement> fresh = new java.util.ArrayList<>();
            for (BankStatement s : statements) {
                String fingerprint = StatementFingerprint.of(s);
                String key = s.kind() + "|" + s.account().value() + "|" + s.statementId();
                Optional<StatementStore.Stored> stored = store.statement(s.kind(), s.account().value(), s.statementId());
                String known = stored.map(StatementStore.Stored::fingerprint).orElse(fingerprints.get(key));
                if (known == null) {
                    fingerprints.put(key, fingerprint);
                    fresh.add(s);
                } else if (known.equals(fingerprint)) {
                    alreadyPresent++;
                } else {
                    tx.setRollbackOnly();
                    return new ImportResult.ConflictingStatement(s.statementId(), s.account().value(),
                            stored.map(st -> TimeOrderedIds.format(StatementStore.FILE_PREFIX, st.fileId())).orElse(null));
                }
            }
            return insert(fileName, sha256, statements, fresh, alreadyPresent, actor);
        });
    }

    private ImportResult insert(String fileName, String sha256, List<BankStatement> all, List<BankStatement> fresh,
            int alreadyPresent, String actor) {
        UUID fileId = TimeOrderedIds.next(clock);
        String formatted = TimeOrderedIds.format(StatementStore.FILE_PREFIX, fileId);
        int entries = fresh.stream().mapToInt(s -> s.entries().size()).sum();
        String messageType = all.getFirst().messageType();
        String summary = messageType + " " + (fileName == null ? "" : fileName + " ") + "sha256 " + sha256 + ": "
                + fresh.size() + " statements, " + entries + " entries stored, " + alreadyPresent + " already present";
        store.insertFile(fileId, sha256, clip(fileName), messageType, all.getFirst().messageId(), fresh.size(), entries,
                clock.instant().truncatedTo(ChronoUnit.MICROS), clip(BankingAudit.actorName(actor)));
        for (int i = 0; i < fresh.size(); i++) {
            store.insertStatement(fileId, i + 1, fresh.get(i), StatementFingerprint.of(fresh.get(i)), TimeOrderedIds.next(clock));
        }
        // staged with the import, so the file and its audit record commit or roll back together
        audit.record(actor, "banking.statement_file.import", "bank_statement_file", formatted, summary);
        return new ImportResult.Imported(store.file(fileId).orElseThrow(), alreadyPresent);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    @Override
    public Optional<ImportedFile> file(String fileId) {
        return parse(fileId).flatMap(store::file);
    }

    @Override
    public List<BankStatement> statementsOf(String fileId) {
        return parse(fileId).map(store::statementsOf).orElse(List.of());
    }

    private static Optional<UUID> parse(String fileId) {
        try {
            return Optional.of(TimeOrderedIds.parse(StatementStore.FILE_PREFIX, fileId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
