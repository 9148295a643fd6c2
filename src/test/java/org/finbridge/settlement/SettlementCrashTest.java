package org.finbridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.ledger.internal.InvariantSweep;
import org.finbridge.party.PartyId;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5 §3: the process running a settlement run and the payout batch after it is killed (SIGKILL, no
 * shutdown hook) at random moments, several times, and started again on the same database. In the end the
 * run completed once, every merchant was paid out exactly once and in exactly one bank file, the amounts
 * are those of an uninterrupted run (what the payments left in pending, to the cent), and the ledger's
 * invariant sweep is clean.
 */
@DatabaseTest
class SettlementCrashTest {

    static final int PAYMENTS = 3_000;
    static final int MERCHANTS = 25;
    static final int KILLS = 3;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEveryWorker() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void killedDuringTheRunAndThePayoutsItFinishesOnceWithTheSameTotals() throws Exception {
        TestDatabase.Fresh db = TestDatabase.freshShared("stl_crash");
        Path logs = Files.createTempDirectory("finbridge-settlement-crash");
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        Random random = new Random();

        Process seed = worker(db, logs.resolve("seed.log"), "seed", String.valueOf(PAYMENTS), String.valueOf(MERCHANTS), date.toString());
        assertThat(seed.waitFor()).as(Files.readString(logs.resolve("seed.log"))).isZero();

        List<Long> killedAfterMillis = new ArrayList<>();
        int finishedBeforeKill = 0;
        for (int cycle = 0; cycle < KILLS; cycle++) {
            Path log = logs.resolve("work-" + cycle + ".log");
            Process w = worker(db, log, "work", date.toString());
            awaitLine(w, log, "READY", Duration.ofSeconds(120));
            // the first kill comes early, so that at least one lands inside the work even on a quiet machine,
            // where the worker may finish within the later, wider window
            long delay = random.nextInt(cycle == 0 ? 200 : 1_500);
            Thread.sleep(delay);
            if (!w.isAlive()) {
                finishedBeforeKill++;
            }
            w.destroyForcibly().waitFor();
            killedAfterMillis.add(delay);
        }
        Path last = logs.resolve("work-last.log");
        Process w = worker(db, last, "work", date.toString());
        assertThat(w.waitFor()).as(Files.readString(last)).isZero();
        assertThat(Files.readString(last)).contains("DONE");

        try (HikariDataSource ds = db.dataSource(2)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            // the uninterrupted result, from the seeded payments themselves: what each merchant's captures left in pending
            Map<UUID, Long> expected = new HashMap<>();
            jdbc.sql("select merchant_id, sum(captured - fees_acquirer - fees_platform - reserved - refunded) as net from payments"
                    + " group by merchant_id").query(rs -> {
                        expected.put(rs.getObject("merchant_id", UUID.class), rs.getLong("net"));
                    });
            assertThat(expected).hasSize(MERCHANTS);

            assertThat(jdbc.sql("select count(*) from settlement_runs where business_date = ? and status = 'COMPLETED'")
                    .param(date).query(Long.class).single()).as("the run completed, once").isEqualTo(1);
            UUID run = jdbc.sql("select id from settlement_runs where business_date = ?").param(date).query(UUID.class).single();
            Map<UUID, Long> released = new HashMap<>();
            jdbc.sql("select merchant_id, released from settlement_statements where run_id = ?").param(run).query(rs -> {
                released.put(rs.getObject("merchant_id", UUID.class), rs.getLong("released"));
            });
            assertThat(released).as("one statement per merchant with the uninterrupted totals").isEqualTo(expected);
            assertThat(jdbc.sql("select coalesce(sum(coalesce(payments, 1)), 0) from settlement_lines where run_id = ?").param(run)
                    .query(Long.class).single()).as("every payment settled once, within its merchant's range or by a line")
                    .isEqualTo(PAYMENTS);
            assertThat(jdbc.sql("select count(*) from settlement_postings where run_id = ? and status <> 'POSTED'").param(run)
                    .query(Long.class).single()).isZero();

            assertThat(jdbc.sql("select count(*) from payouts").query(Long.class).single()).as("no payout twice").isEqualTo(MERCHANTS);
            assertThat(jdbc.sql("select count(distinct merchant_id) from payouts").query(Long.class).single()).isEqualTo(MERCHANTS);
            assertThat(jdbc.sql("select count(*) from payouts where batch_id is null or state <> 'SENT'").query(Long.class).single())
                    .as("every payout sent in a bank file").isZero();
            assertThat(jdbc.sql("select coalesce(sum(transaction_count), 0) from payout_batches").query(Long.class).single())
                    .as("each payout in exactly one file").isEqualTo(MERCHANTS);
            Map<String, Integer> inFiles = new HashMap<>();
            Pattern e2e = Pattern.compile("<EndToEndId>([^<]+)</EndToEndId>");
            for (byte[] xml : jdbc.sql("select xml from payout_batches").query(byte[].class).list()) {
                Matcher m = e2e.matcher(new String(xml, StandardCharsets.UTF_8));
                while (m.find()) {
                    inFiles.merge(m.group(1), 1, Integer::sum);
                }
            }
            assertThat(inFiles).hasSize(MERCHANTS).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));

            long fee = Rail.LOCAL_EUR.feeMinorUnits();
            for (Map.Entry<UUID, Long> e : expected.entrySet()) {
                String name = "party:" + new PartyId(e.getKey()) + ":MERCHANT_AVAILABLE:EUR";
                long available = jdbc.sql("select credits_posted - debits_posted from ledger_accounts where id = ?")
                        .param(AccountId.derived(name).value()).query(Long.class).single();
                assertThat(available).as("available of " + e.getKey() + " after kills at " + killedAfterMillis + " ms")
                        .isEqualTo(e.getValue() - SettlementCrashWorker.PAYOUT_MINOR_UNITS - fee);
            }
            LedgerInvariants.Report report = InvariantSweep.over(ds).sweep();
            assertThat(report.violations()).as(report.toString()).isEmpty();
        }
        assertThat(finishedBeforeKill).as("at least one kill landed while the worker was busy").isLessThan(KILLS);
    }

    private Process worker(TestDatabase.Fresh db, Path log, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SettlementCrashWorker.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of(db.springArguments()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    private static void awaitLine(Process p, Path log, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).lines().anyMatch(line::equals)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the worker exited before " + line + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + line + " within " + timeout + ":\n" + Files.readString(log));
    }
}
