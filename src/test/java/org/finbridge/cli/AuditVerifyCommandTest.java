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
import org.finbridge.audit.AuditRecord;
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
            AuditRecord last = AuditLogs.log(dataSource, Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"),
                    ZoneOffset.UTC)).appendAll(entries).getLast();

            Run intact = run(context);
            assertThat(intact.status()).isZero();
            assertThat(intact.out()).isEqualTo("intact: 30 records, last hash " + last.hash() + "\n"
                    + "RESULT status=intact records=30\n");

            JdbcClient sql = JdbcClient.create(dataSource);
            if (db.postgres()) {
                sql.sql("alter table audit_log disable trigger user").update();
            }
            sql.sql("update audit_log set role = 'ADMIN' where sequence = 17").update();

            Run broken = run(context);
            assertThat(broken.status()).isEqualTo(1);
            assertThat(broken.out()).isEqualTo("broken at sequence 17: hash does not match the record's content\n"
                    + "RESULT status=broken first_bad_sequence=17\n");
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
