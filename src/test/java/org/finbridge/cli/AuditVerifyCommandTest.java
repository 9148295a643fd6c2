package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLogs;
import org.finbridge.audit.AuditLog;
import org.finbridge.audit.AuditVerifier;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command's output and exit status, on an intact and on a tampered chain. */
@DatabaseTest
class AuditVerifyCommandTest {

    @Test
    void reportsAnIntactChainThenTheFirstTamperedRecord() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh("audit_cli");
        db.migrate();
        try (HikariDataSource dataSource = db.dataSource(2);
             GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(AuditVerifier.class, () -> AuditLogs.verifier(dataSource));
            context.refresh();
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                entries.add(new AuditEntry("usr_" + i, "OPERATOR", "ledger.account.create", "ledger_account",
                        "acc_" + i, null, "{\"status\":\"OPEN\"}", "req-" + i));
            }
            AuditLog log = AuditLogs.log(dataSource, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
            log.appendAll(entries);
            AuditLogs.sequencer(dataSource).flush();
            JdbcClient sql = JdbcClient.create(dataSource);
            String lastHash = sql.sql("select hash from audit_trail where sequence = 30").query(String.class).single();

            Run intact = run(context);
            assertThat(intact.status()).isZero();
            assertThat(intact.out()).isEqualTo("intact: 30 records, last hash " + lastHash + "\n"
                    + "RESULT status=intact records=30\n");

            // records committed but not chained yet are reported with the age of the oldest
            context.registerBean(Clock.class, () -> Clock.fixed(Instant.parse("2025-03-01T10:00:02.5Z"), ZoneOffset.UTC));
            log.appendAll(entries.subList(0, 2));
            Run staged = run(context);
            assertThat(staged.status()).isZero();
            assertThat(staged.out()).isEqualTo("staged: 2 records not chained yet, oldest recorded 2025-03-01T10:00:00Z"
                    + " (2500 ms ago)\n"
                    + "intact: 30 records, last hash " + lastHash + "\n"
                    + "RESULT status=intact records=30 staged=2 staged_altered=0\n");
            AuditLogs.sequencer(dataSource).flush();

            if (db.postgres()) {
                sql.sql("alter table audit_log disable trigger user").update();
            }
            sql.sql("update audit_log set role = 'ADMIN' where sequence = 17").update();

            Run broken = run(context);
            assertThat(broken.status()).isEqualTo(1);
            assertThat(broken.out()).isEqualTo("broken at sequence 17: hash does not match the record's content\n"
                    + "RESULT status=broken first_bad_sequence=17\n");

            // an altered record waiting to be chained fails the command too, though the chain stands
            sql.sql("update audit_log set role = 'OPERATOR' where sequence = 17").update();
            log.append(entries.get(3));
            if (db.postgres()) {
                sql.sql("alter table audit_stage disable trigger user").update();
            }
            long stagedId = sql.sql("select staged_id from audit_stage").query(Long.class).single();
            sql.sql("update audit_stage set actor = 'usr_mallory'").update();
            Run altered = run(context);
            assertThat(altered.status()).isEqualTo(1);
            assertThat(altered.out()).isEqualTo("staged: 1 records not chained yet; 1 altered, the first is staged record "
                    + stagedId + "\n"
                    + "intact: 32 records, last hash " + sql.sql("select last_hash from audit_chain_head").query(String.class).single()
                    + "\nRESULT status=staged_altered records=32 staged=1 staged_altered=1\n");
        }
    }

    record Run(int status, String out) {
    }

    private static Run run(GenericApplicationContext context) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new AuditVerifyCommand().run(List.of(), context,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
