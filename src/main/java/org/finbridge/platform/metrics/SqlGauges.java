package org.finbridge.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database: queue depths and counts by state that each module declares about its
 * own tables (payments by state, webhook backlog, open reconciliation exceptions…). The queries run on a
 * timer ({@code finbridge.metrics.refresh-interval}, 30 s), never on the metrics scrape, so a scrape costs
 * nothing and a slow query cannot stall it; a gauge shows the last value read.
 */
@Component
public class SqlGauges {

    private static final Logger log = LoggerFactory.getLogger(SqlGauges.class);

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();

    SqlGauges(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** One number: {@code sql} answers a single row with a single integer column. */
    public void value(String name, String description, String sql) {
        AtomicLong current = new AtomicLong();
        Gauge.builder(name, current, AtomicLong::get).description(description).register(registry);
        refreshers.add(() -> current.set(jdbc.sql(sql).query(Long.class).optional().orElse(0L)));
    }

    /**
     * A family of numbers by one tag: {@code sql} answers rows of (tag value, integer), e.g.
     * {@code select state, count(*) from payments group by state}. Tag values that disappear read 0 no
     * more: the family is replaced at every refresh.
     */
    public void grouped(String name, String description, String tag, String sql) {
        MultiGauge family = MultiGauge.builder(name).description(description).register(registry);
        refreshers.add(() -> {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            jdbc.sql(sql).query((rs, n) -> MultiGauge.Row.of(Tags.of(tag, String.valueOf(rs.getString(1))), rs.getLong(2)))
                    .list().forEach(rows::add);
            family.register(rows, true);
        });
    }

    @Scheduled(fixedDelayString = "${finbridge.metrics.refresh-interval:30s}", initialDelayString = "5s")
    public void refresh() {
        for (Runnable r : refreshers) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("A database gauge could not be refreshed: {}", e.getMessage());
            }
        }
    }
}
