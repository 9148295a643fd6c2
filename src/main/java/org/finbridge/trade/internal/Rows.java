package org.finbridge.trade.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * JDBC helpers shared by the module's stores: explicit binding (never a driver round trip to guess a
 * null's type), batches of a bounded size, and id lists cut into chunks for {@code in (…)} queries.
 */
final class Rows {

    /** Rows per JDBC batch and ids per {@code in (…)} list. */
    static final int CHUNK = 1_000;

    private Rows() {
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static void uuidOrNull(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    static void textOrNull(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static <T> void batch(JdbcTemplate jdbc, String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, CHUNK, setter);
        }
    }

    /** Runs {@code query} for each chunk of {@code ids}. */
    static <T> void inChunks(Collection<T> ids, Consumer<List<T>> query) {
        List<T> chunk = new ArrayList<>(Math.min(ids.size(), CHUNK));
        for (T id : ids) {
            chunk.add(id);
            if (chunk.size() == CHUNK) {
                query.accept(chunk);
                chunk = new ArrayList<>(CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            query.accept(chunk);
        }
    }
}
