package org.finbridge.supervision.internal;

import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takes a batch of the rows payments left pending for a running total ({@link ReceiptTotals}, {@link InstitutionVolumes}),
 * in the caller's transaction: the oldest rows by id, locked with {@code SKIP LOCKED} so that two nodes take disjoint
 * rows, and deleted by id, exactly those read (a row with a lower id may commit meanwhile, and is the next batch's).
 */
final class PendingRows {

    private PendingRows() {
    }

    /**
     * @param table   a pending table with a bigint {@code id}
     * @param columns the columns to read, {@code id} among them
     */
    static <T> List<T> take(JdbcClient jdbc, JdbcTemplate batch, String table, String columns, int limit, RowMapper<T> mapper,
                            ToLongFunction<T> id) {
        List<T> rows = jdbc.sql("select " + columns + " from " + table + " order by id fetch first " + limit
                + " rows only for update skip locked").query(mapper).list();
        if (!rows.isEmpty()) {
            batch.batchUpdate("delete from " + table + " where id = ?", rows, rows.size(), (ps, r) -> ps.setLong(1, id.applyAsLong(r)));
        }
        return rows;
    }
}
