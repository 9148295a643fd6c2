package org.finbridge.trade.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.finbridge.trade.CustomsMode;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.DeclarationId;
import org.finbridge.trade.DeclarationLine;
import org.finbridge.trade.HsCode;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.TradeDirection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customs declarations and their lines in {@code trade_declarations} and {@code trade_declaration_lines}. */
@Repository
class DeclarationStore {

    private static final String INSERT = """
            insert into trade_declarations (id, record_id, declaration_number, customs_mode, direction, merchant_id,
                marketplace_id, order_number, carrier, waybill, currency, declared_value_minor_units, declared_at,
                submitted_by, import_id, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_LINE = """
            insert into trade_declaration_lines (declaration_id, line_no, hs_code, description, quantity, value_minor_units)
            values (?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = """
            select id, declaration_number, customs_mode, direction, merchant_id, marketplace_id, order_number, carrier,
                   waybill, currency, declared_value_minor_units, declared_at, submitted_by, recorded_at
            from trade_declarations""";

    private record Line(UUID declarationId, int line, DeclarationLine value) {
    }

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;

    DeclarationStore(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    void insert(List<Declaration> declarations, ImportId importId) {
        UUID imported = importId == null ? null : importId.value();
        Rows.batch(batch, INSERT, declarations, (ps, d) -> {
            ps.setObject(1, d.id().value());
            ps.setObject(2, d.order().recordId().value());
            ps.setString(3, d.declarationNumber());
            ps.setString(4, d.mode().code());
            ps.setString(5, d.direction().name());
            ps.setObject(6, d.merchant().value());
            ps.setObject(7, d.order().marketplace().value());
            ps.setString(8, d.order().orderNumber());
            Rows.textOrNull(ps, 9, d.carrier());
            Rows.textOrNull(ps, 10, d.waybill());
            ps.setString(11, d.currency().code());
            ps.setLong(12, d.declaredValueMinorUnits());
            ps.setObject(13, Rows.ts(d.declaredAt()));
            ps.setObject(14, d.submittedBy().value());
            Rows.uuidOrNull(ps, 15, imported);
            ps.setObject(16, Rows.ts(d.recordedAt()));
        });
        List<Line> lines = new ArrayList<>();
        for (Declaration d : declarations) {
            for (int i = 0; i < d.lines().size(); i++) {
                lines.add(new Line(d.id().value(), i + 1, d.lines().get(i)));
            }
        }
        Rows.batch(batch, INSERT_LINE, lines, (ps, l) -> {
            ps.setObject(1, l.declarationId());
            ps.setInt(2, l.line());
            ps.setString(3, l.value().hsCode().digits());
            ps.setString(4, l.value().description());
            ps.setLong(5, l.value().quantity());
            ps.setLong(6, l.value().valueMinorUnits());
        });
    }

    Optional<Declaration> find(DeclarationId id) {
        return withLines(jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::declaration).list())
                .stream().findFirst();
    }

    Optional<Declaration> findByNumber(String number) {
        return withLines(jdbc.sql(SELECT + " where declaration_number = :number").param("number", number)
                .query(this::declaration).list()).stream().findFirst();
    }

    /** Which of these declaration numbers are recorded already. */
    List<String> existingNumbers(Collection<String> numbers) {
        List<String> existing = new ArrayList<>();
        Rows.inChunks(numbers, chunk -> existing.addAll(jdbc.sql(
                        "select declaration_number from trade_declarations where declaration_number in (:numbers)")
                .param("numbers", chunk).query(String.class).list()));
        return existing;
    }

    /** The declarations of these trade records, by record id. */
    Map<UUID, List<Declaration>> byRecords(Collection<UUID> recordIds) {
        List<Declaration> found = new ArrayList<>();
        Rows.inChunks(recordIds, chunk -> found.addAll(jdbc.sql(SELECT + " where record_id in (:ids) order by id")
                .param("ids", chunk).query(this::declaration).list()));
        Map<UUID, List<Declaration>> byRecord = new HashMap<>();
        withLines(found).forEach(d -> byRecord.computeIfAbsent(d.order().recordId().value(), k -> new ArrayList<>()).add(d));
        return byRecord;
    }

    private List<Declaration> withLines(List<Declaration> declarations) {
        if (declarations.isEmpty()) {
            return declarations;
        }
        Map<UUID, List<DeclarationLine>> lines = new HashMap<>();
        Rows.inChunks(declarations.stream().map(d -> d.id().value()).toList(), chunk -> jdbc.sql("""
                        select declaration_id, hs_code, description, quantity, value_minor_units
                        from trade_declaration_lines where declaration_id in (:ids) order by declaration_id, line_no""")
                .param("ids", chunk)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(Rows.uuid(rs, "declaration_id"), k -> new ArrayList<>()).add(new DeclarationLine(
                            new HsCode(rs.getString("hs_code")), rs.getString("description"), rs.getLong("quantity"),
                            rs.getLong("value_minor_units")));
                }));
        Map<UUID, Declaration> ordered = new LinkedHashMap<>();
        for (Declaration d : declarations) {
            ordered.put(d.id().value(), new Declaration(d.id(), d.declarationNumber(), d.mode(), d.direction(), d.merchant(),
                    d.order(), d.carrier(), d.waybill(), d.currency(), d.declaredValueMinorUnits(), d.declaredAt(),
                    lines.getOrDefault(d.id().value(), List.of()), d.submittedBy(), d.recordedAt()));
        }
        return List.copyOf(ordered.values());
    }

    private Declaration declaration(ResultSet rs, int n) throws SQLException {
        return new Declaration(new DeclarationId(Rows.uuid(rs, "id")), rs.getString("declaration_number"),
                CustomsMode.ofCode(rs.getString("customs_mode")).orElseThrow(),
                TradeDirection.valueOf(rs.getString("direction")), new PartyId(Rows.uuid(rs, "merchant_id")),
                new OrderReference(new PartyId(Rows.uuid(rs, "marketplace_id")), rs.getString("order_number")),
                rs.getString("carrier"), rs.getString("waybill"), CurrencyCode.of(rs.getString("currency")),
                rs.getLong("declared_value_minor_units"), Rows.instant(rs, "declared_at"), List.of(),
                new PartyId(Rows.uuid(rs, "submitted_by")), Rows.instant(rs, "recorded_at"));
    }
}
