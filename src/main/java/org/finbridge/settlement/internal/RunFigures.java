package org.finbridge.settlement.internal;

import java.util.List;
import java.util.Optional;
import org.finbridge.settlement.SettlementRunFigures;
import org.finbridge.settlement.SettlementRunId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A run's figures from its postings (one per merchant, currency and kind, written with the plan): a read of a
 * few rows per merchant, never of the run's lines, so it can be polled while a large run works.
 */
@Component
class RunFigures implements SettlementRunFigures {

    private final JdbcClient jdbc;

    RunFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Figures> figures(SettlementRunId run) {
        boolean exists = jdbc.sql("select count(*) from settlement_runs where id = :run").param("run", run.value())
                .query(Long.class).single() > 0;
        if (!exists) {
            return Optional.empty();
        }
        int merchants = jdbc.sql("select count(distinct merchant_id) from settlement_postings where run_id = :run")
                .param("run", run.value()).query(Integer.class).single();
        List<Total> totals = jdbc.sql("""
                        select currency, kind, sum(amount) as planned,
                               sum(case when status = 'POSTED' then amount else 0 end) as posted
                        from settlement_postings where run_id = :run group by currency, kind order by currency, kind""")
                .param("run", run.value())
                .query((rs, n) -> new Total(rs.getString("currency"), rs.getString("kind"), rs.getLong("planned"),
                        rs.getLong("posted")))
                .list();
        return Optional.of(new Figures(merchants, totals));
    }
}
