package org.finbridge.demo;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plays the demo market once per database, in the background after the application is ready (readiness
 * does not wait for it: the console answers at once, and the demo's history appears as it is played), then
 * prints the demo logins; on a restart it finds its run recorded and only prints the logins.
 *
 * <p>While the market is replayed the application's clock runs in the past ({@link DemoClock}); the demo's
 * console users are made and printed as soon as the market's parties exist, and log in at once: TOTP codes,
 * session idle times and lockouts are measured on real time ({@link org.finbridge.platform.ReplayingClock}),
 * not on the replayed clock, which jumps by days.
 *
 * <p>The market is a client of the modules like any other, so it stops first when the application shuts down:
 * in the first shutdown phase, before the web server drains and long before the ledger stops accepting
 * transfers and the connection pool closes, it is asked to stop and waited for; it ends between two business
 * steps. Its run stays recorded as unfinished, and a restart says so instead of playing a second market over
 * half of the first.
 */
@Component
@Conditional(DemoMode.Enabled.class)
class DemoStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
    static final String RUN = "market";

    private final MarketSimulator simulator;
    private final DemoLogins logins;
    private final DemoClock clock;
    private final JdbcClient jdbc;
    private final MarketSimulator.Settings settings;
    private final String baseUrl;
    private final Duration stopTimeout;
    private volatile boolean running;
    private volatile boolean stopRequested;
    private volatile Thread market;

    DemoStartup(MarketSimulator simulator, DemoLogins logins, DemoClock clock, JdbcClient jdbc,
                @Value("${finbridge.demo.seed:20261127}") long seed, @Value("${finbridge.demo.sellers:10}") int sellers,
                @Value("${finbridge.demo.days:90}") int days, @Value("${finbridge.demo.orders-per-day:2}") int orders,
                @Value("${server.port:8080}") int port,
                @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration stopTimeout) {
        this.simulator = simulator;
        this.logins = logins;
        this.clock = clock;
        this.jdbc = jdbc;
        this.settings = new MarketSimulator.Settings(seed, sellers, days, orders);
        this.baseUrl = "http://localhost:" + port;
        this.stopTimeout = stopTimeout;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!stopRequested) {
            market = Thread.ofPlatform().name("demo-market").daemon().start(this::playOnce);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Asks the market to stop and waits for it, at most one shutdown phase. */
    @Override
    public void stop() {
        stopRequested = true;
        running = false;
        Thread t = market;
        if (t == null) {
            return;
        }
        try {
            if (!t.join(stopTimeout)) {
                log.warn("the demo market did not stop within {}; the application stops without waiting for it", stopTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // the highest phase stops first: before the web server's graceful shutdown and the ledger batcher
        return SmartLifecycle.DEFAULT_PHASE;
    }

    void playOnce() {
        play(line -> log.info("demo market: {}", line));
    }

    /** Plays the market unless this database has it already; {@code progress} hears what the log shows. */
    void play(Consumer<String> progress) {
        try {
            List<String> state = jdbc.sql("select case when finished_at is null then 'unfinished' else 'done' end from demo_runs where name = ?")
                    .param(RUN).query(String.class).list();
            if (state.equals(List.of("done"))) {
                log.info("demo market already played on this database{}", DemoLogins.describe(logins.all(), baseUrl));
                return;
            }
            if (!state.isEmpty()) {
                log.warn("the demo market's earlier run on this database was interrupted; it is not played again "
                        + "(stop Finbridge and delete ./data to start a fresh demo){}", DemoLogins.describe(logins.all(), baseUrl));
                return;
            }
            jdbc.sql("insert into demo_runs (name, seed, sellers, days, started_at) values (?, ?, ?, ?, ?)")
                    .params(RUN, settings.seed(), settings.sellers(), settings.days(), clock.realNow().atOffset(ZoneOffset.UTC))
                    .update();
            progress.accept("playing " + settings.days() + " days of trade of " + settings.sellers()
                    + " sellers in the background (seed " + settings.seed() + "); the logins follow as soon as the parties exist");
            clock.rewindTo(clock.realNow().minus(settings.span()));
            MarketSimulator.Report report;
            try {
                // the logins are made as soon as the cast exists: people log in on real time (DemoClock), so the
                // console works while the market is played, and its pages fill as the days go by
                report = simulator.run(settings, clock, progress, cast -> progress.accept(
                        "the console is open while the market is played" + DemoLogins.describe(logins.create(cast), baseUrl)),
                        () -> stopRequested);
            } finally {
                clock.catchUp();
            }
            if (!report.finished()) {
                log.info("demo market stopped by the shutdown at {} after {} payments; this database keeps the part played "
                        + "(delete ./data for a fresh demo)", report.lastDay(), report.count("payments"));
                return;
            }
            String summary = report.counts() + " payments by state " + report.paymentStates();
            jdbc.sql("update demo_runs set finished_at = ?, summary = ? where name = ?")
                    .params(clock.realNow().atOffset(ZoneOffset.UTC), summary.length() > 4000 ? summary.substring(0, 4000) : summary, RUN)
                    .update();
            log.info("demo market ready in {} s: {}{}", report.elapsed().toSeconds(), summary, DemoLogins.describe(logins.all(), baseUrl));
        } catch (RuntimeException e) {
            clock.catchUp();
            if (stopRequested) {
                // a step cut short by the shutdown (the market did not stop within its phase): not a fault of the demo
                log.info("demo market stopped by the shutdown: {}", e.toString());
            } else {
                log.error("the demo market stopped: {}", e.toString(), e);
            }
        }
    }
}
