package org.finbridge.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.supervision.BopDeclaration;
import org.finbridge.supervision.BopDeclarations;
import org.finbridge.supervision.BopStatus;
import org.finbridge.supervision.BopStatusResult;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Balance-of-payments declarations, one per cross-border receipt and one per refund (逐笔, regulations notes
 * §2). The postscript (交易附言) names exactly one transaction code; a refund's postscript starts with 退 and
 * reuses the code of the receipt it reverses. Declarations are keyed by a unique reference, so a replayed
 * event declares nothing twice.
 */
@Component
class BopLedger implements BopDeclarations {

    /** The longest note a status step keeps (the reporting channel's reference, or why it was rejected). */
    static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SupervisionAudit audit;

    BopLedger(JdbcClient jdbc, Clock clock, SupervisionAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Declares a receipt of a collection under its code. */
    void receipt(PartyId merchant, String code, String description, String orderNumber, Money amount, String reference, LocalDate day) {
        declare(merchant, code, false, amount, code + " " + description + " 订单 " + orderNumber, reference, day);
    }

    /** Declares a refund of a payment whose receipt was declared; a payment never declared needs no refund declaration. */
    void refund(PartyId merchant, String paymentReference, Money amount, String reference, LocalDate day) {
        Optional<BopDeclaration> receipt = jdbc.sql("select * from supervision_bop_declarations where reference = ? and refund = false")
                .param("receipt:" + paymentReference).query(BopLedger::row).optional();
        receipt.ifPresent(r -> declare(merchant, r.transactionCode(), true, amount, "退 " + r.postscript(), "refund:" + reference, day));
    }

    private void declare(PartyId merchant, String code, boolean refund, Money amount, String postscript, String reference, LocalDate day) {
        boolean exists = jdbc.sql("select count(*) from supervision_bop_declarations where reference = ?").param(reference)
                .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        jdbc.sql("""
                insert into supervision_bop_declarations (id, merchant_id, transaction_code, refund, currency, amount_minor,
                    postscript, reference, declared_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TimeOrderedIds.next(clock), merchant.value(), code, refund, amount.currency().code(), amount.minorUnits(),
                        postscript.length() > 200 ? postscript.substring(0, 200) : postscript, reference, day)
                .update();
    }

    @Override
    public List<BopDeclaration> between(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from supervision_bop_declarations where declared_on between ? and ? order by declared_on, refund, id")
                .params(from, to).query(BopLedger::row).list();
    }

    @Override
    public Optional<BopDeclaration> find(UUID id) {
        return id == null ? Optional.empty()
                : jdbc.sql("select * from supervision_bop_declarations where id = ?").param(id).query(BopLedger::row).optional();
    }

    @Override
    @Transactional
    public BopStatusResult recordStatus(Actor actor, UUID id, BopStatus status, String note) {
        if (status == null) {
            return new BopStatusResult.InvalidField("status", "FILED, ACCEPTED or REJECTED");
        }
        if (note == null || note.isBlank() || note.strip().length() > MAX_NOTE) {
            return new BopStatusResult.InvalidField("note", "1 to " + MAX_NOTE + " characters");
        }
        Optional<BopDeclaration> found = find(id);
        if (found.isEmpty()) {
            return new BopStatusResult.NotFound();
        }
        BopStatus from = found.get().status();
        if (!from.mayBecome(status)) {
            return new BopStatusResult.IllegalTransition(from, status);
        }
        // only from the status read: of two concurrent steps one wins, the other is refused from where it now stands
        int moved = jdbc.sql("""
                update supervision_bop_declarations set status = ?, status_note = ?, status_by = ?, status_at = ?
                where id = ? and status = ?""")
                .params(status.name(), note.strip(), actor.name(), Timestamp.from(clock.instant()), id, from.name())
                .update();
        if (moved == 0) {
            return new BopStatusResult.IllegalTransition(find(id).orElseThrow().status(), status);
        }
        audit.record("supervision.bop.status", "bop_declaration", id.toString(), from.name(), status + ": " + note.strip());
        return new BopStatusResult.Recorded(find(id).orElseThrow());
    }

    @Override
    public String export(LocalDate from, LocalDate to) {
        StringBuilder csv = new StringBuilder(
                "declaration_id,declared_on,merchant_id,direction,transaction_code,currency,amount,postscript,reference\n");
        for (BopDeclaration d : between(from, to)) {
            csv.append(d.id()).append(',').append(d.declaredOn()).append(',').append(d.merchant()).append(',')
                    .append(d.refund() ? "REFUND" : "RECEIPT").append(',').append(d.transactionCode()).append(',')
                    .append(d.amount().currency().code()).append(',').append(d.amount().toMajor().toPlainString()).append(',')
                    .append(Csv.field(d.postscript())).append(',').append(Csv.field(d.reference())).append('\n');
        }
        return csv.toString();
    }

    private static BopDeclaration row(ResultSet rs, int n) throws SQLException {
        return new BopDeclaration(rs.getObject("id", UUID.class), new PartyId(rs.getObject("merchant_id", UUID.class)),
                rs.getString("transaction_code"), rs.getBoolean("refund"),
                new Money(rs.getLong("amount_minor"), CurrencyCode.of(rs.getString("currency"))), rs.getString("postscript"),
                rs.getString("reference"), rs.getObject("declared_on", LocalDate.class), BopStatus.valueOf(rs.getString("status")),
                rs.getString("status_note"), rs.getString("status_by"),
                rs.getTimestamp("status_at") == null ? null : rs.getTimestamp("status_at").toInstant());
    }
}
