package org.finbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.internal.InvariantSweep;
import org.finbridge.support.Api;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kill -9 the application in the middle of a storm of transfers, start it again on the same database:
 * every transfer that was acknowledged is there, resubmitting the unacknowledged ones never doubles
 * anything, and the invariant sweep finds nothing wrong.
 */
@DatabaseTest
class LedgerCrashTest {

    @Test
    void killedInTheMiddleOfAStormLosesNothingAcknowledged() throws Exception {
        TestDatabase.Fresh db = TestDatabase.freshShared("crash");
        Path logs = Files.createTempDirectory("finbridge-crash-logs");

        // before the application starts: an embedded H2 file admits one process at a time
        operatorKey = bootstrapOperator(db);
        Process app = start(db, freePort(), logs.resolve("first.log"));
        int port = portOf(app);
        Api api = new Api(port, operatorKey);
        String bank = open(api, "BANK", List.of());
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            wallets.add(open(api, "CUSTOMER", List.of("DEBITS_MUST_NOT_EXCEED_CREDITS")));
        }

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<List<Map<String, Object>>> unanswered = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean crashed = new AtomicBoolean();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            work.add(clients.submit(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (!crashed.get() || requests.get() < 10) {
                    List<Map<String, Object>> request = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        String wallet = wallets.get(rnd.nextInt(wallets.size()));
                        boolean deposit = rnd.nextInt(3) > 0;
                        request.add(transfer(deposit ? bank : wallet, deposit ? wallet : bank, 1 + rnd.nextInt(500)));
                    }
                    try {
                        Api.Response r = api.post("/api/v1/ledger/transfers", Map.of("transfers", request));
                        requests.incrementAndGet();
                        if (r.status() == 200 || r.status() == 422) {
                            for (JsonResult res : results(r)) {
                                if (res.committed()) {
                                    acknowledged.add(res.id());
                                }
                            }
                        } else {
                            unanswered.add(request);
                        }
                    } catch (RuntimeException connectionLost) {
                        unanswered.add(request);
                        if (crashed.get()) {
                            return null;
                        }
                    }
                }
                return null;
            }));
        }
        // let the storm run, then pull the plug: SIGKILL, no shutdown hooks, no draining
        while (acknowledged.size() < 3_000) {
            Thread.sleep(50);
        }
        app.destroyForcibly().waitFor();
        crashed.set(true);
        for (Future<?> f : work) {
            f.get();
        }
        clients.shutdown();
        // the storm was killed once 3,000 were acknowledged: exactly 3,000 is possible when no batch was in flight
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3_000);

        Process again = start(db, freePort(), logs.resolve("second.log"));
        try {
            Api after = new Api(portOf(again), operatorKey);
            for (String id : acknowledged) {
                assertThat(after.get("/api/v1/ledger/transfers/" + id).status()).as("acknowledged " + id).isEqualTo(200);
            }
            // the client retries what it never heard back about: each is either new now, or already there
            for (List<Map<String, Object>> request : unanswered) {
                Api.Response r = after.post("/api/v1/ledger/transfers", Map.of("transfers", request));
                assertThat(r.status()).isIn(200, 422);
                for (JsonResult res : results(r)) {
                    assertThat(res.result()).isIn("OK", "EXISTS", "EXCEEDS_CREDITS");
                }
            }
        } finally {
            again.destroy();
            again.waitFor();
        }

        try (HikariDataSource ds = db.dataSource(2)) {
            LedgerInvariants.Report report = InvariantSweep.over(ds).sweep();
            assertThat(report.violations()).as(report.toString()).isEmpty();
            long stored = new JdbcTemplate(ds).queryForObject("select count(*) from ledger_transfers where code = 'STORM'", Long.class);
            assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    record JsonResult(String id, String result) {
        boolean committed() {
            return result.equals("OK") || result.equals("EXISTS");
        }
    }

    private static List<JsonResult> results(Api.Response r) {
        List<JsonResult> out = new ArrayList<>();
        r.body().get("results").forEach(n -> out.add(new JsonResult(n.get("id").asString(), n.get("result").asString())));
        return out;
    }

    private static Map<String, Object> transfer(String debit, String credit, long amount) {
        return Map.of("id", "tr_" + UUID.randomUUID().toString().replace("-", ""), "debitAccountId", debit,
                "creditAccountId", credit, "amount", amount, "currency", "EUR", "code", "STORM");
    }

    private static String open(Api api, String type, List<String> flags) {
        Api.Response r = api.post("/api/v1/ledger/accounts", Map.of("currency", "EUR", "type", type, "flags", flags));
        assertThat(r.status()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private final Map<Process, Integer> ports = new ConcurrentHashMap<>();

    /** A failed assertion must not leave an application running (and holding its database) after the test. */
    @org.junit.jupiter.api.AfterEach
    void stopEveryStartedApplication() throws InterruptedException {
        for (Process p : ports.keySet()) {
            p.destroyForcibly().waitFor();
        }
    }

    private String operatorKey;

    /** The operator's key, made the way an installer makes it: {@code bin/finbridge operator bootstrap}. */
    private static String bootstrapOperator(TestDatabase.Fresh db) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCommand, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FinbridgeApplication.class.getName(),
                "operator", "bootstrap", "--email", "crash-test@example.com"));
        cmd.addAll(List.of(db.springArguments()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("operator bootstrap failed:\n" + output);
        }
        return output.lines().filter(l -> l.startsWith("api key")).map(l -> l.substring("api key".length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no key in:\n" + output));
    }

    private int portOf(Process p) {
        return ports.get(p);
    }

    private Process start(TestDatabase.Fresh db, int port, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FinbridgeApplication.class.getName(),
                "--server.port=" + port, "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                // one client reads back thousands of transfers at once: durability is measured here, not the limiter
                "--finbridge.http.rate-limit.enabled=false"));
        cmd.addAll(List.of(db.springArguments()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ports.put(p, port);
        Api api = new Api(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the application exited during start-up:\n" + Files.readString(log));
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return p;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new AssertionError("the application did not start within 300 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
