package org.finbridge.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the {@code audit_trail} view: chained records, then staged ones, in the order of the chain. */
public final class JdbcAuditTrail implements AuditTrail {

    private static final String OF_OBJECT = "select sequence, recorded_at, actor, role, action, object_type, object_id,"
            + " before_summary, after_summary, request_id, hash from audit_trail"
            + " where object_type = ? and object_id = ? order by sequence nulls last, staged_id"
            + " fetch first ? rows only";

    private final JdbcClient jdbc;

    public JdbcAuditTrail(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public List<TrailRecord> of(String objectType, String objectId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return jdbc.sql(OF_OBJECT).params(objectType, objectId, limit).query((rs, n) -> {
            long sequence = rs.getLong("sequence");
            Long chained = rs.wasNull() ? null : sequence;
            return new TrailRecord(chained, rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                    new AuditEntry(rs.getString("actor"), rs.getString("role"), rs.getString("action"),
                            rs.getString("object_type"), rs.getString("object_id"), rs.getString("before_summary"),
                            rs.getString("after_summary"), rs.getString("request_id")),
                    rs.getString("hash"));
        }).list();
    }
}
