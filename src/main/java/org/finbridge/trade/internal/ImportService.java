package org.finbridge.trade.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.nio.file.Files;
import java.nio.file.Path;
import jakarta.annotation.PreDestroy;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.ImportJob;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportReport.Outcome;
import org.finbridge.trade.ImportReport.Rejection;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.TradeImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a bulk import in one database transaction: the file is read as a stream, a chunk of records at a
 * time is checked and written with JDBC batches, and the transaction commits at the end with the
 * import's row and its one audit record (counts and the file's SHA-256). A broken upload, a database
 * error or a crash before that commit leaves nothing. Memory stays bounded by the chunk, plus the keys
 * seen so far for duplicate detection and the list of rejections.
 *
 * <p>Policy for invalid rows (documented in the API): by default the valid rows commit and the report
 * lists each rejected one (Stripe and Formance imports do the same); with
 * {@link ImportRequest.InvalidRows#REFUSE_FILE} any invalid row refuses the whole file.
 */
@Service
class ImportService implements TradeImports {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    static final int CHUNK = 1_000;

    private final Map<ImportRequest.Kind, KindImport<?>> kinds = new EnumMap<>(ImportRequest.Kind.class);
    private final PartyDirectory parties;
    private final ImportStore imports;
    private final TradeAudit audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ImportProgress progress;
    private final Clock clock;
    private final ImportJobStore jobs;
    /**
     * Background imports: two at a time (the machine's cores; each import is one long transaction), the others
     * wait their turn in order, RUNNING at 0 lines read.
     */
    private final ExecutorService background = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("trade-import-", 1).daemon().factory());

    ImportService(List<KindImport<?>> kinds, PartyDirectory parties, ImportStore imports, TradeAudit audit,
                  PlatformTransactionManager transactionManager, ImportProgress progress, Clock clock, ImportJobStore jobs) {
        kinds.forEach(k -> this.kinds.put(k.kind(), k));
        this.parties = parties;
        this.imports = imports;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        // records are read as submitted: fields the record does not know are ignored, like the API's
        this.json = JsonMapper.builder().build();
        this.progress = progress;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Override
    public List<org.finbridge.trade.ImportSummary> history(org.finbridge.party.PartyId submitter, int limit) {
        return imports.bySubmitter(submitter, Math.clamp(limit, 1, 500));
    }

    @Override
    public ImportReport importFile(ImportRequest request, InputStream content, Actor actor) {
        return run(kinds.get(request.kind()), ImportId.next(clock), request, content, actor, new Tally(null, request));
    }

    @Override
    public ImportJob start(ImportRequest request, String fileName, InputStream content, Actor actor) {
        ImportId id = ImportId.next(clock);
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        name = name.length() > 255 ? name.substring(0, 255) : name;
        Path copy;
        long lines;
        try {
            copy = Files.createTempFile("finbridge-import-", ".part");
            lines = copyCountingLines(content, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be stored for its import", e);
        }
        jobs.insert(id, actor.partyId(), request, name, lines, now());
        Tally tally = new Tally((linesRead, records, rejected) -> jobs.progress(id, linesRead, records, rejected, now()), request);
        try {
            background.execute(() -> runJob(id, request, copy, lines, actor, tally));
        } catch (RuntimeException e) {
            deleteQuietly(copy);
            jobs.finish(tally.failed(id, "-", "the import could not be started: " + e.getMessage()), 0, now());
        }
        return jobs.find(id, actor.partyId()).orElseThrow();
    }

    private void runJob(ImportId id, ImportRequest request, Path file, long lines, Actor actor, Tally tally) {
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = run(kinds.get(request.kind()), id, request, in, actor, tally);
        } catch (IOException | RuntimeException e) {
            // a bug or a broken temporary file: the import's transaction rolled back, the job says so
            log.error("trade import {} stopped after {} records", id, tally.records, e);
            report = tally.failed(id, "-", "the import stopped after " + tally.records + " records; nothing was imported");
        } finally {
            deleteQuietly(file);
        }
        jobs.finish(report, report.outcome() == ImportReport.Outcome.FAILED ? tally.lines : lines, now());
    }

    @Override
    public Optional<ImportJob> job(ImportId id, PartyId submitter) {
        return jobs.find(id, submitter);
    }

    @Override
    public List<ImportJob> jobs(PartyId submitter, int limit) {
        return jobs.bySubmitter(submitter, Math.clamp(limit, 1, 500));
    }

    @Override
    public List<Rejection> rejections(ImportId id, PartyId submitter, int limit) {
        return jobs.rejections(id, submitter, Math.clamp(limit, 1, JOB_REJECTIONS_KEPT));
    }

    /** Copies the upload whole (the request that carried it ends before the import does), counting its lines. */
    private static long copyCountingLines(InputStream content, Path to) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(to)) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the import's copy {}: {}", file, e.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private <N> ImportReport run(KindImport<N> kind, ImportId id, ImportRequest request, InputStream content, Actor actor,
                                 Tally tally) {
        Instant now = now();
        MessageDigest sha256 = sha256();
        tally.id = id;
        if (!kind.mayImport(actor)) {
            return tally.refused(hex(sha256), 1, "a " + actor.partyKind() + " does not import " + request.kind());
        }
        PartyId onBehalfOf;
        try {
            onBehalfOf = onBehalfOf(request, actor);
        } catch (IllegalArgumentException e) {
            return tally.refused(hex(sha256), 1, e.getMessage());
        }
        DigestInputStream hashed = new DigestInputStream(content, sha256);
        try {
            return transactions.execute(status -> {
                KindImport.Context context = new KindImport.Context(id, actor, clock, now, parties.lookup());
                KindImport.Writer<N> writer = kind.open(context);
                // the parsers close their input at its end; the file is read on to its end for the hash
                try (RecordSource<N> source = source(kind, request.format(), new java.io.FilterInputStream(hashed) {
                    @Override
                    public void close() {
                    }
                })) {
                    readAll(kind, source, writer, onBehalfOf, tally);
                    drain(hashed);
                } catch (CharacterCodingException e) {
                    throw new UnreadableFile(tally.records + 1, "the file is not UTF-8 text (after record " + tally.records + ")");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return finish(status, tally, writer.accepted(), hex(sha256), actor, now);
            });
        } catch (UnreadableFile e) {
            return tally.refused(hex(sha256), e.line(), e.getMessage());
        } catch (UncheckedIOException | JacksonIOException e) {
            log.warn("trade import {} broke off after {} records: {}", id, tally.records, e.getMessage());
            return tally.failed(hex(sha256), "the upload broke off after " + tally.records + " records; nothing was imported: "
                    + e.getMessage());
        } catch (DataAccessException e) {
            log.error("trade import {} failed after {} records; rolled back", id, tally.records, e);
            return tally.failed(hex(sha256), "the database failed after " + tally.records + " records; nothing was imported");
        }
    }

    private <N> void readAll(KindImport<N> kind, RecordSource<N> source, KindImport.Writer<N> writer, PartyId onBehalfOf,
                             Tally tally) throws IOException {
        List<SourceRecord<N>> chunk = new ArrayList<>(CHUNK);
        SourceRecord<N> record;
        while ((record = source.next()) != null) {
            tally.records++;
            tally.lines = Math.max(tally.lines, record.line());
            if (!record.readable()) {
                tally.reject(new Rejection(record.line(), record.problems()));
                continue;
            }
            chunk.add(onBehalfOf == null ? record
                    : SourceRecord.of(record.line(), kind.onBehalfOf(record.value(), onBehalfOf)));
            if (chunk.size() == CHUNK) {
                writer.write(chunk).forEach(tally::reject);
                progress.written(tally.id, tally.records);
                tally.chunkWritten();
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            writer.write(chunk).forEach(tally::reject);
            progress.written(tally.id, tally.records);
            tally.chunkWritten();
        }
    }

    private ImportReport finish(TransactionStatus status, Tally tally, long accepted, String sha256, Actor actor, Instant now) {
        if (tally.rejected > 0 && tally.request.onInvalidRows() == ImportRequest.InvalidRows.REFUSE_FILE) {
            status.setRollbackOnly();
            return tally.report(sha256, 0, Outcome.REFUSED, tally.rejected + " invalid records; the file was refused as a whole");
        }
        ImportReport report = tally.report(sha256, accepted, Outcome.COMMITTED, null);
        imports.insert(report, actor.partyId(), now);
        audit.record(actor, "trade.import.commit", "trade_import", tally.id.toString(), "import of "
                + tally.request.kind() + " as " + tally.request.format() + ", sha256 " + sha256 + ": " + report.records()
                + " records, " + report.accepted() + " accepted, " + report.rejected() + " rejected");
        return report;
    }

    private <N> RecordSource<N> source(KindImport<N> kind, ImportRequest.Format format, InputStream in) throws IOException {
        // a byte sequence that is not UTF-8 is an error, never silently replaced
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return switch (format) {
            case JSON_LINES -> new JsonLinesSource<>(reader, json, kind.jsonType());
            case CSV -> new CsvSource<>(reader, kind.csv());
        };
    }

    /** An operator imports on a party's behalf and names it; a party imports its own records. */
    private static PartyId onBehalfOf(ImportRequest request, Actor actor) {
        if (request.onBehalfOf() == null || request.onBehalfOf().isBlank()) {
            return null;
        }
        if (!actor.isOperator()) {
            throw new IllegalArgumentException("onBehalfOf: only operators import on another party's behalf");
        }
        try {
            return PartyId.parse(request.onBehalfOf().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("onBehalfOf: not a party id (pty_…)");
        }
    }

    /** Reads whatever follows the last record, so that the hash covers the whole file. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) != -1) {
            // hashing only
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(MessageDigest digest) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Told the counts after each chunk is written (a background job keeps them for its progress). */
    @FunctionalInterface
    interface ChunkListener {
        void written(long linesRead, long records, long rejected);
    }

    /** Counts and rejections as the file is read. */
    private static final class Tally {
        ImportId id;
        final ChunkListener listener;
        final ImportRequest request;
        final List<Rejection> rejections = new ArrayList<>();
        long records;
        long rejected;
        /** The last line read: where the latest record starts. */
        long lines;

        Tally(ChunkListener listener, ImportRequest request) {
            this.listener = listener;
            this.request = request;
        }

        void chunkWritten() {
            if (listener != null) {
                listener.written(lines, records, rejected);
            }
        }

        ImportReport failed(ImportId importId, String sha256, String reason) {
            this.id = importId;
            return failed(sha256, reason);
        }

        void reject(Rejection r) {
            rejected++;
            if (rejections.size() < ImportReport.MAX_LISTED) {
                rejections.add(r);
            }
        }

        ImportReport report(String sha256, long accepted, Outcome outcome, String failure) {
            List<Rejection> inOrder = new ArrayList<>(rejections);
            inOrder.sort(Comparator.comparingLong(Rejection::line));
            return new ImportReport(id, request.kind(), request.format(), sha256, records, accepted, rejected, outcome,
                    inOrder, rejected > rejections.size(), failure);
        }

        ImportReport refused(String sha256, long line, String reason) {
            rejections.clear();
            rejected = 0;
            ImportReport r = report(sha256, 0, Outcome.REFUSED, reason);
            return new ImportReport(r.id(), r.kind(), r.format(), r.sha256(), r.records(), 0, 0, Outcome.REFUSED,
                    List.of(new Rejection(line, List.of(reason))), false, reason);
        }

        ImportReport failed(String sha256, String reason) {
            return report(sha256, 0, Outcome.FAILED, reason);
        }
    }
}
