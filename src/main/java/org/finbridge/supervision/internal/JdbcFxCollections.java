package org.finbridge.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.supervision.FxCollection;
import org.finbridge.supervision.FxCollections;
import org.finbridge.supervision.PilotZones;
import org.finbridge.supervision.RuleBook;
import org.finbridge.trade.CustomsMode;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.TradeRecord;
import org.finbridge.trade.TradeRecordMismatched;
import org.finbridge.trade.TradeRecords;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticity of FX collections (regulations notes §2: "every FX collection must link to an order +
 * logistics record. Mismatch → hold"). A collection is cleared only when the trade module's matched record
 * of its order has the order (for this seller), a payment and a shipment, and no mismatch; otherwise it is
 * held with the reasons. A later {@link TradeRecordMismatched} holds a cleared collection of that order. Each
 * collection is declared to the balance of payments on receipt: 121010 when customs declared the goods as
 * general trade (0110), else 122030 online shopping not in customs statistics.
 */
@Service
class JdbcFxCollections implements FxCollections {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TradeRecords records;
    private final RuleBook rules;
    private final BopLedger bop;
    private final SupervisionAudit audit;
    private final PilotZones zones;
    private final UsdValues usd;

    JdbcFxCollections(JdbcClient jdbc, Clock clock, TradeRecords records, RuleBook rules, BopLedger bop, SupervisionAudit audit,
                      PilotZones zones, UsdValues usd) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.records = records;
        this.rules = rules;
        this.bop = bop;
        this.audit = audit;
        this.zones = zones;
        this.usd = usd;
    }

    @Override
    @Transactional
    public FxCollection receive(PartyId merchant, OrderReference order, String paymentReference, Money amount) {
        if (paymentReference == null || paymentReference.isBlank() || paymentReference.length() > 200 || !amount.isPositive()) {
            throw new IllegalArgumentException("a payment reference (1 to 200 characters) and a positive amount are required");
        }
        Optional<FxCollection> existing = byPayment(merchant, paymentReference);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, BEIJING);
        TradeRecord record = records.of(order);
        List<String> reasons = reasons(record, merchant);
        // the single-transaction cap (汇发〔2015〕7号 USD 50,000, kept as a soft limit, §2), as the seller's pilot zones set it
        Money cap = new Money(zones.rule("cn_fx.pilot_single_txn_cap_usd", merchant, day).movePointRight(2).longValueExact(), UsdValues.USD);
        usd.inUsd(amount, day).filter(v -> v.compareTo(cap) > 0)
                .ifPresent(v -> reasons.add("over the single-transaction cap of " + cap + " (" + v + ")"));
        boolean generalTrade = record.declarations().stream().anyMatch(d -> d.mode() == CustomsMode.GENERAL_TRADE);
        // the regulator's view by customs mode: general trade wins (it decides the BOP code), else the first declared
        String mode = generalTrade ? CustomsMode.GENERAL_TRADE.name()
                : record.declarations().stream().map(d -> d.mode().name()).findFirst().orElse(null);
        String code = rules.text(generalTrade ? "cn_fx.bop_code_general_trade" : "cn_fx.bop_code_cbec_online_shopping", day);
        UUID id = TimeOrderedIds.next(clock);
        FxCollection.State state = reasons.isEmpty() ? FxCollection.State.CLEARED : FxCollection.State.HELD;
        try {
            jdbc.sql("""
                    insert into supervision_fx_collections (id, merchant_id, marketplace_id, order_number, payment_reference,
                        currency, amount_minor, state, hold_reason, bop_code, received_at, customs_mode)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, merchant.value(), order.marketplace().value(), order.orderNumber(), paymentReference,
                            amount.currency().code(), amount.minorUnits(), state.name(),
                            reasons.isEmpty() ? null : String.join("; ", reasons), code, Timestamp.from(now), mode)
                    .update();
        } catch (DuplicateKeyException receivedConcurrently) {
            return byPayment(merchant, paymentReference).orElseThrow(() -> receivedConcurrently);
        }
        bop.receipt(merchant, code, generalTrade ? "一般贸易" : "未纳入海关统计的网络购物", order.orderNumber(), amount,
                "receipt:" + paymentReference, day);
        audit.record("supervision.fx_collection.receive", "fx_collection", id.toString(), null,
                state + (reasons.isEmpty() ? "" : " " + String.join("; ", reasons)));
        return find(id).orElseThrow();
    }

    /** Why a collection cannot be cleared against its trade record; empty when it can. */
    static List<String> reasons(TradeRecord record, PartyId merchant) {
        List<String> reasons = new ArrayList<>();
        if (record.order() == null) {
            reasons.add("no order");
        } else if (!record.order().merchant().equals(merchant)) {
            reasons.add("the order is another seller's");
        }
        if (record.payments().isEmpty()) {
            reasons.add("no payment record");
        }
        if (record.shipments().isEmpty()) {
            reasons.add("no logistics record");
        }
        if (!record.mismatches().isEmpty()) {
            reasons.add("documents disagree: " + record.mismatches().stream().map(m -> m.kind() + " " + m.reason())
                    .collect(Collectors.joining(", ")));
        }
        return reasons;
    }

    /** A record's documents now disagree: its cleared collections are held until reviewed. */
    @EventListener
    void on(TradeRecordMismatched event) {
        String reason = "documents disagree: " + event.mismatches().stream().map(m -> m.kind() + " " + m.reason())
                .collect(Collectors.joining(", "));
        List<UUID> cleared = jdbc.sql("select id from supervision_fx_collections where marketplace_id = ? and order_number = ? and state = 'CLEARED'")
                .params(event.order().marketplace().value(), event.order().orderNumber()).query(UUID.class).list();
        for (UUID id : cleared) {
            jdbc.sql("update supervision_fx_collections set state = 'HELD', hold_reason = ? where id = ? and state = 'CLEARED'")
                    .params(reason.length() > 1000 ? reason.substring(0, 1000) : reason, id).update();
            audit.record("supervision.fx_collection.hold", "fx_collection", id.toString(), "CLEARED", "HELD " + reason);
        }
    }

    @Override
    @Transactional
    public Optional<FxCollection> review(UUID id, boolean release, String note) {
        Optional<FxCollection> found = find(id);
        if (found.isEmpty() || found.get().state() != FxCollection.State.HELD) {
            return found;
        }
        String by = org.finbridge.platform.Acting.current().map(org.finbridge.platform.Acting.As::name).orElse("system");
        FxCollection.State to = release ? FxCollection.State.RELEASED : FxCollection.State.REJECTED;
        jdbc.sql("update supervision_fx_collections set state = ?, reviewed_by = ?, reviewed_at = ? where id = ? and state = 'HELD'")
                .params(to.name(), by, Timestamp.from(clock.instant()), id).update();
        audit.record("supervision.fx_collection.review", "fx_collection", id.toString(), "HELD", to + (note == null ? "" : " " + note));
        return find(id);
    }

    @Override
    public Optional<FxCollection> find(UUID id) {
        return jdbc.sql("select * from supervision_fx_collections where id = ?").param(id).query(JdbcFxCollections::row).optional();
    }

    @Override
    public List<FxCollection> held() {
        return jdbc.sql("select * from supervision_fx_collections where state = 'HELD' order by received_at, id")
                .query(JdbcFxCollections::row).list();
    }

    private Optional<FxCollection> byPayment(PartyId merchant, String paymentReference) {
        return jdbc.sql("select * from supervision_fx_collections where merchant_id = ? and payment_reference = ?")
                .params(merchant.value(), paymentReference).query(JdbcFxCollections::row).optional();
    }

    private static FxCollection row(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new FxCollection(rs.getObject("id", UUID.class), new PartyId(rs.getObject("merchant_id", UUID.class)),
                new OrderReference(new PartyId(rs.getObject("marketplace_id", UUID.class)), rs.getString("order_number")),
                rs.getString("payment_reference"), new Money(rs.getLong("amount_minor"), CurrencyCode.of(rs.getString("currency"))),
                FxCollection.State.valueOf(rs.getString("state")), rs.getString("hold_reason"), rs.getString("bop_code"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("reviewed_by"), reviewed == null ? null : reviewed.toInstant());
    }
}
