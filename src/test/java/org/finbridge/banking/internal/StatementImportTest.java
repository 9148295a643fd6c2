package org.finbridge.banking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.finbridge.audit.AuditLogs;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.Examples;
import org.finbridge.banking.ImportResult;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.XmlAttacks;
import org.finbridge.banking.XmlLimits;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Importing statement files: once, whole or not at all, with its audit record. */
@DatabaseTest
class StatementImportTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T08:00:00Z"), ZoneOffset.UTC);
    static final List<String> TABLES = List.of("bank_statement_files", "bank_statements", "bank_statement_balances",
            "bank_statement_entries", "bank_statement_transactions", "audit_trail");

    HikariDataSource dataSource;
    JdbcClient sql;
    StatementImportService statements;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        TestDatabase.Fresh db = TestDatabase.fresh("banking_import");
        db.migrate();
        dataSource = db.dataSource(4);
        sql = JdbcClient.create(dataSource);
        statements = new StatementImportService(new StatementStore(sql, new JdbcTemplate(dataSource)),
                new BankingAudit(AuditLogs.log(dataSource, CLOCK)), new TransactionTemplate(new JdbcTransactionManager(dataSource)),
                CLOCK, XmlLimits.DEFAULT.maxDocumentBytes(), XmlLimits.DEFAULT.maxDepth());
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    ImportResult importText(String name, String xml) {
        return statements.importFile(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "ops@finbridge.test");
    }

    ImportResult importExample(String name) {
        return statements.importFile(name, new ByteArrayInputStream(Examples.bytes(name)), "ops@finbridge.test");
    }

    @Test
    void aFileIsStoredWithItsAuditRecordAndReadsBackAsParsed() {
        ImportResult.Imported imported = (ImportResult.Imported) importExample(Examples.CAMT053_V04);
        assertThat(imported.file().statements()).isEqualTo(1);
        assertThat(imported.file().entries()).isEqualTo(3);
        assertThat(imported.file().messageType()).isEqualTo("camt.053.001.04");
        assertThat(imported.file().importedBy()).isEqualTo("ops@finbridge.test");
        assertThat(imported.file().importedAt()).isEqualTo(CLOCK.instant());
        assertThat(imported.file().contentSha256()).hasSize(64);
        assertThat(statements.statementsOf(imported.file().id())).isEqualTo(parsed(Examples.text(Examples.CAMT053_V04)));
        assertThat(statements.file(imported.file().id())).contains(imported.file());
        assertThat(sql.sql("select action from audit_trail").query(String.class).list())
                .containsExactly("banking.statement_file.import");
    }

    @Test
    void everyShippedStatementImportsAndKeepsItsDetails() {
        String withRemittance = Examples.text(Examples.CAMT053_V08).replace("<RmtInf>",
                "<RmtInf>\n<Ustrd>INVOICE 2014-117, ORDER</Ustrd>\n<Ustrd>SHIP 88 SZX-AMS</Ustrd>");
        ImportResult.Imported v08 = (ImportResult.Imported) importText("v08.xml", withRemittance);
        BankStatement stored = statements.statementsOf(v08.file().id()).getFirst();
        assertThat(stored).isEqualTo(parsed(withRemittance).getFirst());
        assertThat(stored.entries().getFirst().transactions().getFirst().remittanceLines())
                .containsExactly("INVOICE 2014-117, ORDER", "SHIP 88 SZX-AMS");
        assertThat(importExample(Examples.CAMT053_V07_APPHDR)).isInstanceOf(ImportResult.Imported.class);
        assertThat(importExample(Examples.CAMT054_V04)).isInstanceOf(ImportResult.Imported.class);
        assertThat(sql.sql("select count(*) from bank_statements").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theSameFileTwiceIsImportedOnce() {
        ImportResult.Imported first = (ImportResult.Imported) importExample(Examples.CAMT053_V04);
        Map<String, Integer> before = counts();
        assertThat(importExample(Examples.CAMT053_V04)).isEqualTo(new ImportResult.AlreadyImported(first.file()));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aStatementResentInAnotherFileIsNotStoredTwice() {
        importExample(Examples.CAMT053_V04);
        String resent = Examples.text(Examples.CAMT053_V04).replace("<MsgId>AAAASESS-FP-STAT001</MsgId>", "<MsgId>RESEND-1</MsgId>");
        ImportResult.Imported again = (ImportResult.Imported) importText("resent.xml", resent);
        assertThat(again.statementsAlreadyPresent()).isEqualTo(1);
        assertThat(again.file().statements()).isZero();
        assertThat(sql.sql("select count(*) from bank_statement_entries").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aDifferentStatementUnderAKnownIdStoresNothingOfItsFile() {
        ImportResult.Imported first = (ImportResult.Imported) importExample(Examples.CAMT053_V04);
        Map<String, Integer> before = counts();
        // a file with a new statement and, second, statement 001 again with another amount
        String xml = Examples.text(Examples.CAMT053_V04);
        int start = xml.indexOf("<Stmt>");
        int end = xml.indexOf("</Stmt>") + "</Stmt>".length();
        String fresh = xml.substring(start, end).replace("<Id>AAAASESS-FP-STAT001</Id>", "<Id>AAAASESS-FP-STAT002</Id>");
        String changed = xml.substring(start, end).replace("<Amt Ccy=\"SEK\">30000</Amt>", "<Amt Ccy=\"SEK\">30001</Amt>");
        ImportResult result = importText("conflict.xml", xml.substring(0, start) + fresh + changed + xml.substring(end));
        assertThat(result).isEqualTo(new ImportResult.ConflictingStatement("AAAASESS-FP-STAT001", "50000000054910000003",
                first.file().id()));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aHostileOrBrokenFileStoresNothing() throws IOException {
        try (XmlAttacks attacks = new XmlAttacks(dir.resolve("secret.txt"))) {
            for (XmlAttacks.Attack attack : attacks.all("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", XmlLimits.DEFAULT)) {
                ImportResult result = statements.importFile(attack.name(), attack.file().get(), null);
                assertThat(result).as(attack.name()).isInstanceOf(ImportResult.Refused.class);
                assertThat(((ImportResult.Refused) result).refusal().reason()).isEqualTo(attack.expected());
            }
            assertThat(attacks.requests()).isEmpty();
        }
        String half = Examples.text(Examples.CAMT053_V04);
        assertThat(importText("half.xml", half.substring(0, half.length() / 2))).isInstanceOf(ImportResult.Refused.class);
        assertThat(counts()).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void twoImportsOfOneFileAtOnceStoreItOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ImportResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return importExample(Examples.CAMT053_V08);
                }));
            }
            start.countDown();
            List<Class<?>> outcomes = new ArrayList<>();
            for (Future<ImportResult> f : results) {
                outcomes.add(f.get().getClass());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(ImportResult.Imported.class, ImportResult.AlreadyImported.class);
        }
        assertThat(counts()).containsEntry("bank_statement_files", 1).containsEntry("bank_statements", 1)
                .containsEntry("audit_trail", 1);
    }

    private static List<BankStatement> parsed(String xml) {
        return ((ParseResult.Parsed<List<BankStatement>>) Examples.parse(xml)).value();
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, sql.sql("select count(*) from " + table).query(Integer.class).single());
        }
        return counts;
    }
}
