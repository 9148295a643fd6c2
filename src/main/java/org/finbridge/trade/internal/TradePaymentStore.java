package org.finbridge.trade.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.PaidAmount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment references pushed by marketplaces, one per order, in {@code trade_payments}. */
@Repository
class TradePaymentStore {

    private static final String SELECT = "select record_id, payment_reference, currency, amount_minor_units, paid_at from trade_payments";

    private final JdbcClient jdbc;

    TradePaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrderReference order, PaidAmount paid, PartyId submittedBy, java.time.Instant now) {
        jdbc.sql("""
                insert into trade_payments (record_id, marketplace_id, order_number, payment_reference, currency,
                    amount_minor_units, paid_at, submitted_by, recorded_at)
                values (:record, :marketplace, :number, :reference, :currency, :amount, :paidAt, :by, :now)""")
                .param("record", order.recordId().value()).param("marketplace", order.marketplace().value())
                .param("number", order.orderNumber()).param("reference", paid.paymentReference())
                .param("currency", paid.currency().code()).param("amount", paid.amountMinorUnits())
                .param("paidAt", Rows.ts(paid.paidAt())).param("by", submittedBy.value()).param("now", Rows.ts(now))
                .update();
    }

    Optional<PaidAmount> find(OrderReference order) {
        return Optional.ofNullable(byRecords(java.util.List.of(order.recordId().value())).get(order.recordId().value()));
    }

    Map<UUID, PaidAmount> byRecords(Collection<UUID> recordIds) {
        Map<UUID, PaidAmount> paid = new HashMap<>();
        Rows.inChunks(recordIds, chunk -> jdbc.sql(SELECT + " where record_id in (:ids)").param("ids", chunk)
                .query((java.sql.ResultSet rs) -> {
                    paid.put(Rows.uuid(rs, "record_id"), new PaidAmount(rs.getString("payment_reference"),
                            CurrencyCode.of(rs.getString("currency")), rs.getLong("amount_minor_units"),
                            Rows.instant(rs, "paid_at"), PaymentValidation.PUSHED_BY_MARKETPLACE));
                }));
        return paid;
    }
}
