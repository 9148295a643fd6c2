package org.finbridge.trade.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.OrderFiles;
import org.finbridge.trade.TradeImports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An import that fails midway leaves nothing: not the chunks already written, not an import row, not an
 * audit record. Failures: the upload breaking off, the database failing, a bug throwing.
 */
@ApplicationTest
class ImportRollbackTest {

    static final int ORDERS = 10_000;

    @Autowired
    TestActors actors;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TradeImports imports;

    @Autowired
    List<KindImport<?>> kinds;

    @Autowired
    PartyDirectory parties;

    @Autowired
    ImportStore importStore;

    @Autowired
    TradeAudit audit;

    @Autowired
    ImportJobStore jobStore;

    @Autowired
    PlatformTransactionManager transactions;

    TestActors.Credentials marketplace;
    Actor actor;
    byte[] file;
    long auditBefore;
    long importsBefore;

    @BeforeEach
    void setUp() {
        marketplace = actors.party(PartyKind.MARKETPLACE);
        String merchant = actors.party(PartyKind.MERCHANT).partyId().toString();
        actor = new Actor("test-key", "key:test", Actor.Channel.API_KEY, marketplace.partyId(), PartyKind.MARKETPLACE, null,
                Set.of(ApiScope.TRADE_SUBMIT));
        file = OrderFiles.csv("RB-" + System.nanoTime(), ORDERS, merchant, clock.instant().minusSeconds(86_400))
                .getBytes(StandardCharsets.UTF_8);
        // the import's own audit records: other modules' scheduled jobs may append theirs meanwhile
        auditBefore = count("select count(*) from audit_trail where action like 'trade.%'");
        importsBefore = count("select count(*) from trade_imports");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void nothingWasWritten() {
        assertThat(jdbc.sql("select count(*) from trade_orders where marketplace_id = :m").param("m", marketplace.partyId().value())
                .query(Long.class).single()).isZero();
        assertThat(count("select count(*) from trade_order_items i where not exists (select 1 from trade_orders o where o.id = i.order_id)"))
                .isZero();
        assertThat(count("select count(*) from trade_imports")).isEqualTo(importsBefore);
        assertThat(count("select count(*) from audit_trail where action like 'trade.%'")).isEqualTo(auditBefore);
    }

    private static ImportRequest orders() {
        return new ImportRequest(ImportRequest.Kind.ORDERS, ImportRequest.Format.CSV, null, null);
    }

    /** Hands out the file, then fails like a connection reset once 70 % of it is read. */
    private InputStream breakingOffAt70Percent() {
        int cut = file.length * 7 / 10;
        return new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= cut) {
                    throw new IOException("connection reset by peer");
                }
                int n = Math.min(len, cut - pos);
                System.arraycopy(file, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void theSameFileWholeIsCommitted() {
        ImportReport report = imports.importFile(orders(), new ByteArrayInputStream(file), actor);
        assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.COMMITTED);
        assertThat(report.accepted()).isEqualTo(ORDERS);
    }

    @Test
    void anUploadThatBreaksOffMidwayLeavesNothing() {
        ImportReport report = imports.importFile(orders(), breakingOffAt70Percent(), actor);
        assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.FAILED);
        assertThat(report.records()).isGreaterThan(ImportService.CHUNK * 5L);
        assertThat(report.accepted()).isZero();
        assertThat(report.failure()).contains("the upload broke off").contains("connection reset by peer");
        nothingWasWritten();
    }

    @Test
    void aDatabaseFailureMidwayLeavesNothing() {
        ImportService failing = new ImportService(kinds, parties, importStore, audit, transactions, (id, read) -> {
            if (read >= 6_000) {
                throw new DataAccessResourceFailureException("connection to the database lost");
            }
        }, clock, jobStore);
        ImportReport report = failing.importFile(orders(), new ByteArrayInputStream(file), actor);
        assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.FAILED);
        assertThat(report.failure()).isEqualTo("the database failed after 6000 records; nothing was imported");
        nothingWasWritten();
    }

    @Test
    void aCrashMidwayLeavesNothing() {
        ImportService crashing = new ImportService(kinds, parties, importStore, audit, transactions, (id, read) -> {
            if (read >= 8_000) {
                throw new IllegalStateException("the process dies here");
            }
        }, clock, jobStore);
        assertThatThrownBy(() -> crashing.importFile(orders(), new ByteArrayInputStream(file), actor))
                .hasMessage("the process dies here");
        nothingWasWritten();
    }
}
