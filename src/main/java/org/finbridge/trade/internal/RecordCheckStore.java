package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /**
     * Those of these records that hold a shipment, a declaration, a pushed payment or an earlier check:
     * one query per chunk, so that a bulk import of orders with nothing to match them against costs one
     * round trip per chunk rather than one per document kind.
     */
    Set<UUID> withMoreThanAnOrder(Collection<UUID> recordIds) {
        Set<UUID> found = new HashSet<>();
        Rows.inChunks(recordIds, chunk -> found.addAll(jdbc.sql("""
                        select record_id from trade_shipments where record_id in (:ids)
                        union select record_id from trade_declarations where record_id in (:ids)
                        union select record_id from trade_payments where record_id in (:ids)
                        union select record_id from trade_record_checks where record_id in (:ids)""")
                .param("ids", chunk).query(UUID.class).list()));
        return found;
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
