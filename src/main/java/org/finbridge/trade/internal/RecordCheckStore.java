package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.finbridge.trade.OrderReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mismatches last found per trade record ({@code trade_record_checks}). */
@Repository
class RecordCheckStore {

    private final JdbcClient jdbc;

    RecordCheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mismatch summaries last stored for these records (records never checked are absent). */
    Map<UUID, String> last(Collection<UUID> recordIds) {
        Map<UUID, String> last = new HashMap<>();
        Rows.inChunks(recordIds, chunk -> jdbc.sql("select record_id, mismatches from trade_record_checks where record_id in (:ids)")
                .param("ids", chunk)
                .query((java.sql.ResultSet rs) -> {
                    last.put(Rows.uuid(rs, "record_id"), rs.getString("mismatches"));
                }));
        return last;
    }

    void save(OrderReference reference, String mismatches, boolean existed, Instant now) {
        if (existed) {
            jdbc.sql("update trade_record_checks set mismatches = :m, checked_at = :now where record_id = :id")
                    .param("m", mismatches).param("now", Rows.ts(now)).param("id", reference.recordId().value()).update();
        } else {
            jdbc.sql("""
                    insert into trade_record_checks (record_id, marketplace_id, order_number, mismatches, checked_at)
                    values (:id, :marketplace, :number, :m, :now)""")
                    .param("id", reference.recordId().value()).param("marketplace", reference.marketplace().value())
                    .param("number", reference.orderNumber()).param("m", mismatches).param("now", Rows.ts(now)).update();
        }
    }
}
