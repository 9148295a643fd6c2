package org.finbridge.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.payments.Buyer;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.CardNetwork;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.connector.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments, their steps and disputes in SQL. */
@Repository
class PaymentStore {

    private static final String COLUMNS = """
            id, merchant_id, buyer_party_id, buyer_country, order_reference, requested_amount, requested_currency,
            processed_amount, processed_currency, method_type, card_token, card_bin, card_last4, card_exp_month,
            card_exp_year, card_network, chain, capture_method, state, region, connector, connector_reference,
            authorized, captured, refunded, disputed, charged_back, fees_acquirer, fees_platform, reserved,
            expires_at, hold_id, next_action, decline_code, three_ds, busy_seq, last_seq, created_at, updated_at,
            settlement_currency, buyer_email, buyer_ip, buyer_device_id, shipping_country, ip_country, card_fingerprint""";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param requestKey the idempotency key of the request creating it (see {@link RequestKeys}), or null */
    void insert(PaymentRecord p, String requestKey) {
        jdbc.sql("insert into payments (" + COLUMNS + ", request_key) values (:id, :merchant, :buyer, :buyerCountry, :orderRef, "
                        + ":reqAmount, :reqCcy, :procAmount, :procCcy, :methodType, :cardToken, :cardBin, :cardLast4, "
                        + ":cardExpMonth, :cardExpYear, :cardNetwork, :chain, :captureMethod, :state, :region, :connector, "
                        + ":connectorRef, :authorized, :captured, :refunded, :disputed, :chargedBack, :feesAcquirer, "
                        + ":feesPlatform, :reserved, :expiresAt, :holdId, :nextAction, :declineCode, :threeDs, :busySeq, "
                        + ":lastSeq, :createdAt, :updatedAt, :settlementCcy, :buyerEmail, :buyerIp, :buyerDevice, :shippingCountry, "
                        + ":ipCountry, :cardFingerprint, :requestKey)")
                .params(params(p)).param("requestKey", requestKey).update();
    }

    /** The payment a request with this idempotency key created, if its node got that far. */
    Optional<PaymentRecord> byRequestKey(String requestKey) {
        return jdbc.sql("select " + COLUMNS + " from payments where request_key = :key").param("key", requestKey)
                .query(PaymentStore::record).optional();
    }

    void update(PaymentRecord p) {
        jdbc.sql("""
                update payments set processed_amount = :procAmount, processed_currency = :procCcy, state = :state,
                    region = :region, connector = :connector, connector_reference = :connectorRef,
                    authorized = :authorized, captured = :captured, refunded = :refunded, disputed = :disputed,
                    charged_back = :chargedBack, fees_acquirer = :feesAcquirer, fees_platform = :feesPlatform,
                    reserved = :reserved, expires_at = :expiresAt, hold_id = :holdId, next_action = :nextAction,
                    decline_code = :declineCode, three_ds = :threeDs, busy_seq = :busySeq, last_seq = :lastSeq,
                    updated_at = :updatedAt
                where id = :id""").params(params(p)).update();
    }

    private static java.util.Map<String, Object> params(PaymentRecord p) {
        var m = new java.util.HashMap<String, Object>();
        m.put("id", p.id.value());
        m.put("merchant", p.merchantId.value());
        m.put("buyer", p.buyer == null || p.buyer.partyId() == null ? null : p.buyer.partyId().value());
        m.put("buyerCountry", p.buyer == null ? null : p.buyer.country());
        m.put("buyerEmail", p.buyer == null ? null : p.buyer.email());
        m.put("buyerIp", p.buyer == null ? null : p.buyer.ipAddress());
        m.put("buyerDevice", p.buyer == null ? null : p.buyer.deviceId());
        m.put("shippingCountry", p.buyer == null ? null : p.buyer.shippingCountry());
        m.put("ipCountry", p.buyer == null ? null : p.buyer.ipCountry());
        m.put("orderRef", p.orderReference);
        m.put("reqAmount", p.requested.minorUnits());
        m.put("reqCcy", p.requested.currency().code());
        m.put("procAmount", p.processed == null ? null : p.processed.minorUnits());
        m.put("procCcy", p.processed == null ? null : p.processed.currency().code());
        m.put("methodType", p.method.type().name());
        PaymentMethod.Card card = p.method.card();
        m.put("cardToken", card == null ? null : card.token());
        m.put("cardBin", card == null ? null : card.bin());
        m.put("cardLast4", card == null ? null : card.last4());
        m.put("cardExpMonth", card == null ? null : card.expMonth());
        m.put("cardExpYear", card == null ? null : card.expYear());
        m.put("cardNetwork", card == null ? null : card.network().name());
        m.put("cardFingerprint", card == null ? null : card.fingerprint());
        m.put("chain", p.method.chain());
        m.put("captureMethod", p.captureMethod.name());
        m.put("state", p.state.name());
        m.put("region", p.region == null ? null : p.region.name());
        m.put("connector", p.connector);
        m.put("connectorRef", p.connectorReference);
        m.put("authorized", p.amounts.authorized());
        m.put("captured", p.amounts.captured());
        m.put("refunded", p.amounts.refunded());
        m.put("disputed", p.amounts.disputed());
        m.put("chargedBack", p.amounts.chargedBack());
        m.put("feesAcquirer", p.feesAcquirer);
        m.put("feesPlatform", p.feesPlatform);
        m.put("reserved", p.reserved);
        m.put("expiresAt", at(p.expiresAt));
        m.put("holdId", p.holdId);
        m.put("nextAction", p.nextActionJson);
        m.put("declineCode", p.declineCode);
        m.put("threeDs", p.threeDs);
        m.put("busySeq", p.busySeq);
        m.put("lastSeq", p.lastSeq);
        m.put("createdAt", at(p.createdAt));
        m.put("updatedAt", at(p.updatedAt));
        m.put("settlementCcy", p.settlementCurrency == null ? null : p.settlementCurrency.code());
        return m;
    }

    Optional<PaymentRecord> find(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payments where id = :id").param("id", id.value())
                .query(PaymentStore::record).optional();
    }

    /** Reads the payment and locks its row until the end of the caller's transaction. */
    Optional<PaymentRecord> lock(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payments where id = :id for update").param("id", id.value())
                .query(PaymentStore::record).optional();
    }

    Optional<PaymentId> byConnectorReference(String connector, String reference) {
        return jdbc.sql("select id from payments where connector_reference = :ref and connector = :connector")
                .param("ref", reference).param("connector", connector)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class))).optional();
    }

    List<PaymentRecord> ofMerchant(PartyId merchant, int limit) {
        return jdbc.sql("select " + COLUMNS + " from payments where merchant_id = :m order by id desc limit :limit")
                .param("m", merchant.value()).param("limit", limit).query(PaymentStore::record).list();
    }

    List<PaymentRecord> all(int limit) {
        return jdbc.sql("select " + COLUMNS + " from payments order by id desc limit :limit")
                .param("limit", limit).query(PaymentStore::record).list();
    }

    /** Authorizations whose validity has passed and that no step is working on. */
    List<PaymentId> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("""
                select id from payments where expires_at <= :now and busy_seq is null
                  and (state = 'AUTHORIZED' or state = 'PARTIALLY_CAPTURED')
                order by expires_at limit :limit""")
                .param("now", at(now)).param("limit", limit)
                .query((rs, n) -> new PaymentId(rs.getObject(1, UUID.class))).list();
    }

    // --- steps -----------------------------------------------------------------------------------

    /** @param requestKey the idempotency key of the request beginning the step (see {@link RequestKeys}), or null */
    void insert(OperationRecord op, String requestKey) {
        jdbc.sql("""
                insert into payment_operations (payment_id, seq, kind, amount, currency, final_capture, status, actor,
                    plan, connector_reference, decline_code, detail, created_at, completed_at, request_key)
                values (:payment, :seq, :kind, :amount, :currency, :final, :status, :actor, :plan, :ref, :decline,
                    :detail, :createdAt, :completedAt, :requestKey)""")
                .param("requestKey", requestKey)
                .param("payment", op.paymentId().value()).param("seq", op.seq()).param("kind", op.kind().name())
                .param("amount", op.amount()).param("currency", op.currency()).param("final", op.finalCapture())
                .param("status", op.status()).param("actor", clip(op.actor(), 200)).param("plan", op.plan())
                .param("ref", op.connectorReference()).param("decline", op.declineCode())
                .param("detail", clip(op.detail(), 400)).param("createdAt", at(op.createdAt()))
                .param("completedAt", at(op.completedAt())).update();
    }

    void savePlan(OperationRecord op) {
        jdbc.sql("update payment_operations set plan = :plan where payment_id = :payment and seq = :seq")
                .param("plan", op.plan()).param("payment", op.paymentId().value()).param("seq", op.seq()).update();
    }

    void complete(OperationRecord op, String status, String connectorReference, String declineCode, String detail,
                  Instant at) {
        jdbc.sql("""
                update payment_operations set status = :status, connector_reference = :ref, decline_code = :decline,
                    detail = :detail, completed_at = :at
                where payment_id = :payment and seq = :seq""")
                .param("status", status).param("ref", connectorReference).param("decline", declineCode)
                .param("detail", clip(detail, 400)).param("at", at(at)).param("payment", op.paymentId().value())
                .param("seq", op.seq()).update();
    }

    /** The latest step of the payment that a request with this idempotency key began, if any. */
    Optional<OperationRecord> operationByRequestKey(PaymentId id, String requestKey) {
        return jdbc.sql("select * from payment_operations where payment_id = :p and request_key = :key order by seq desc")
                .param("p", id.value()).param("key", requestKey).query(PaymentStore::operation).list().stream().findFirst();
    }

    Optional<OperationRecord> operation(PaymentId id, int seq) {
        return jdbc.sql("select * from payment_operations where payment_id = :p and seq = :seq")
                .param("p", id.value()).param("seq", seq).query(PaymentStore::operation).optional();
    }

    List<OperationRecord> operations(PaymentId id) {
        return jdbc.sql("select * from payment_operations where payment_id = :p order by seq")
                .param("p", id.value()).query(PaymentStore::operation).list();
    }

    List<OperationRecord> stuck(Instant before, int limit) {
        return jdbc.sql("select * from payment_operations where status = 'PENDING' and created_at <= :before "
                        + "order by created_at limit :limit")
                .param("before", at(before)).param("limit", limit).query(PaymentStore::operation).list();
    }

    // --- disputes --------------------------------------------------------------------------------

    void openDispute(PaymentId id, long amount, String currency, String reason, long fromReserve, long fromPending,
                     Instant at) {
        jdbc.sql("""
                insert into payment_disputes (payment_id, status, amount, currency, reason, from_reserve, from_pending,
                    opened_at) values (:p, 'OPENED', :amount, :ccy, :reason, :reserve, :pending, :at)""")
                .param("p", id.value()).param("amount", amount).param("ccy", currency).param("reason", clip(reason, 200))
                .param("reserve", fromReserve).param("pending", fromPending).param("at", at(at)).update();
    }

    void updateDispute(PaymentId id, Payment.DisputeStatus status, String evidence, Instant closedAt) {
        jdbc.sql("update payment_disputes set status = :s, evidence = coalesce(:e, evidence), closed_at = :c where payment_id = :p")
                .param("s", status.name()).param("e", clip(evidence, 4000)).param("c", at(closedAt))
                .param("p", id.value()).update();
    }

    /** Running totals of the given payments with their disputes, in one statement (the ids as one array). */
    List<org.finbridge.payments.CapturedAmounts> capturedAmounts(java.util.Collection<PaymentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.merchant_id, coalesce(p.processed_currency, p.requested_currency) as currency, p.captured,
                  p.fees_acquirer, p.fees_platform, p.reserved, p.refunded, d.status as dispute_status,
                  d.from_pending, d.from_reserve
                from payments p left join payment_disputes d on d.payment_id = p.id
                where p.id = any(?)""")
                .param(org.finbridge.platform.SqlArrays.of("uuid", ids.stream().map(PaymentId::value).toList()))
                .query((rs, n) -> {
                    String dispute = rs.getString("dispute_status");
                    return new org.finbridge.payments.CapturedAmounts(new PaymentId(rs.getObject("id", UUID.class)),
                            new PartyId(rs.getObject("merchant_id", UUID.class)), rs.getString("currency"), rs.getLong("captured"),
                            rs.getLong("fees_acquirer"), rs.getLong("fees_platform"), rs.getLong("reserved"), rs.getLong("refunded"),
                            dispute != null && !dispute.equals(Payment.DisputeStatus.WON.name()),
                            dispute == null ? 0 : rs.getLong("from_pending"), dispute == null ? 0 : rs.getLong("from_reserve"));
                })
                .list();
    }

    Optional<Payment.Dispute> dispute(PaymentId id) {
        return jdbc.sql("select * from payment_disputes where payment_id = :p").param("p", id.value())
                .query((rs, n) -> new Payment.Dispute(Payment.DisputeStatus.valueOf(rs.getString("status")),
                        rs.getLong("amount"), rs.getString("reason"), rs.getString("evidence"), rs.getLong("from_reserve"),
                        rs.getLong("from_pending"), instant(rs, "opened_at"), instant(rs, "closed_at"))).optional();
    }

    // --- mapping ---------------------------------------------------------------------------------

    private static PaymentRecord record(ResultSet rs, int n) throws SQLException {
        PaymentRecord p = new PaymentRecord();
        p.id = new PaymentId(rs.getObject("id", UUID.class));
        p.merchantId = new PartyId(rs.getObject("merchant_id", UUID.class));
        UUID buyer = rs.getObject("buyer_party_id", UUID.class);
        String buyerCountry = rs.getString("buyer_country");
        String email = rs.getString("buyer_email");
        String ip = rs.getString("buyer_ip");
        String device = rs.getString("buyer_device_id");
        String shipping = rs.getString("shipping_country");
        String ipCountry = rs.getString("ip_country");
        boolean anyBuyer = buyer != null || buyerCountry != null || email != null || ip != null || device != null
                || shipping != null || ipCountry != null;
        p.buyer = !anyBuyer ? null : new Buyer(buyer == null ? null : new PartyId(buyer), buyerCountry, email, ip, device,
                shipping, ipCountry);
        p.orderReference = rs.getString("order_reference");
        p.requested = new Money(rs.getLong("requested_amount"), CurrencyCode.of(rs.getString("requested_currency")));
        String processedCcy = rs.getString("processed_currency");
        p.processed = processedCcy == null ? null : new Money(rs.getLong("processed_amount"), CurrencyCode.of(processedCcy));
        MethodType type = MethodType.valueOf(rs.getString("method_type"));
        PaymentMethod.Card card = type != MethodType.CARD ? null : new PaymentMethod.Card(rs.getString("card_token"),
                rs.getString("card_bin"), rs.getString("card_last4"), rs.getInt("card_exp_month"), rs.getInt("card_exp_year"),
                CardNetwork.valueOf(rs.getString("card_network")), rs.getString("card_fingerprint"));
        p.method = new PaymentMethod(type, card, rs.getString("chain"));
        p.captureMethod = CaptureMethod.valueOf(rs.getString("capture_method"));
        p.state = PaymentState.valueOf(rs.getString("state"));
        String region = rs.getString("region");
        p.region = region == null ? null : Region.valueOf(region);
        p.connector = rs.getString("connector");
        p.connectorReference = rs.getString("connector_reference");
        p.amounts = new PaymentStateMachine.Amounts(rs.getLong("authorized"), rs.getLong("captured"), rs.getLong("refunded"),
                rs.getLong("disputed"), rs.getLong("charged_back"));
        p.feesAcquirer = rs.getLong("fees_acquirer");
        p.feesPlatform = rs.getLong("fees_platform");
        p.reserved = rs.getLong("reserved");
        p.expiresAt = instant(rs, "expires_at");
        p.holdId = rs.getObject("hold_id", UUID.class);
        p.nextActionJson = rs.getString("next_action");
        p.declineCode = rs.getString("decline_code");
        p.threeDs = rs.getString("three_ds");
        int busy = rs.getInt("busy_seq");
        p.busySeq = rs.wasNull() ? null : busy;
        p.lastSeq = rs.getInt("last_seq");
        p.createdAt = instant(rs, "created_at");
        p.updatedAt = instant(rs, "updated_at");
        String settlement = rs.getString("settlement_currency");
        p.settlementCurrency = settlement == null ? null : CurrencyCode.of(settlement);
        return p;
    }

    private static OperationRecord operation(ResultSet rs, int n) throws SQLException {
        return new OperationRecord(new PaymentId(rs.getObject("payment_id", UUID.class)), rs.getInt("seq"),
                OperationRecord.Kind.valueOf(rs.getString("kind")), rs.getLong("amount"), rs.getString("currency"),
                rs.getBoolean("final_capture"), rs.getString("status"), rs.getString("actor"), rs.getString("plan"),
                rs.getString("connector_reference"), rs.getString("decline_code"), rs.getString("detail"),
                instant(rs, "created_at"), instant(rs, "completed_at"));
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
