package org.finbridge.supervision.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.supervision.CbecDeclaration;
import org.finbridge.supervision.CbecImportRecord;
import org.finbridge.supervision.CbecImportResult;
import org.finbridge.supervision.CbecImportTax;
import org.finbridge.supervision.CbecImports;
import org.finbridge.supervision.CbecOrder;
import org.finbridge.supervision.CbecQuote;
import org.finbridge.supervision.CbecReturnResult;
import org.finbridge.supervision.CbecTreatment;
import org.finbridge.supervision.IdentityDocument;
import org.finbridge.supervision.RuleBook;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retail imports against the buyer's annual quota (regulations notes §1.1). Deciding an order locks the
 * buyer's row of the year ({@code select … for update}), reads what is used, lets {@link CbecImportTax}
 * decide the treatment, and adds the counted value, all in one transaction: two orders of one buyer are
 * decided one after the other, so the total never passes the limit.
 */
@Service
class JdbcCbecImports implements CbecImports {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CbecImportTax tax;
    private final RuleBook rules;
    private final TransactionTemplate tx;
    private final SupervisionAudit audit;
    private final IdentityHasher hasher;
    private final Breaches breaches;

    JdbcCbecImports(JdbcClient jdbc, Clock clock, CbecImportTax tax, RuleBook rules, PlatformTransactionManager transactions,
                    SupervisionAudit audit, IdentityHasher hasher, Breaches breaches) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tax = tax;
        this.rules = rules;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.hasher = hasher;
        this.breaches = breaches;
    }

    @Override
    public String buyerHash(IdentityDocument buyer) {
        return hasher.hash(buyer);
    }

    @Override
    public CbecImportResult declare(CbecDeclaration declaration) {
        String buyer = buyerHash(declaration.buyer());
        String fingerprint = fingerprint(buyer, declaration.order());
        Optional<CbecImportResult> existing = existing(declaration, fingerprint);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        ensureQuotaRow(buyer, today(now).getYear());
        try {
            return tx.execute(status -> decide(declaration, buyer, fingerprint, now));
        } catch (DuplicateKeyException raisedConcurrently) {
            // the same order declared twice at once: the other one won
            return existing(declaration, fingerprint).orElseThrow(() -> raisedConcurrently);
        }
    }

    private Optional<CbecImportResult> existing(CbecDeclaration d, String fingerprint) {
        return jdbc.sql("select * from supervision_cbec_orders where marketplace_id = ? and order_number = ?")
                .params(d.marketplace().value(), d.orderNumber()).query(this::row).optional()
                .map(r -> fingerprintOf(r.id()).equals(fingerprint) ? new CbecImportResult.AlreadyRecorded(r)
                        : new CbecImportResult.ConflictingResubmission(d.orderNumber()));
    }

    private String fingerprintOf(UUID id) {
        return jdbc.sql("select fingerprint from supervision_cbec_orders where id = ?").param(id).query(String.class).single();
    }

    /**
     * The buyer's row of the year, created on its own (outside the deciding transaction, where a duplicate
     * key would abort a PostgreSQL transaction) so that it can then be locked; a concurrent creator wins alike.
     */
    private void ensureQuotaRow(String buyer, int year) {
        boolean exists = jdbc.sql("select count(*) from supervision_cbec_quotas where buyer_hash = ? and quota_year = ?")
                .params(buyer, year).query(Long.class).single() > 0;
        if (!exists) {
            try {
                jdbc.sql("insert into supervision_cbec_quotas (buyer_hash, quota_year, used_minor) values (?, ?, 0)")
                        .params(buyer, year).update();
            } catch (DuplicateKeyException createdConcurrently) {
                // the row is there: that is all this wanted
            }
        }
    }

    private CbecImportResult decide(CbecDeclaration d, String buyer, String fingerprint, Instant now) {
        LocalDate date = today(now);
        int year = date.getYear();
        long usedMinor = jdbc.sql("select used_minor from supervision_cbec_quotas where buyer_hash = ? and quota_year = ? for update")
                .params(buyer, year).query(Long.class).single();
        Money used = new Money(usedMinor, CbecOrder.CNY);
        CbecQuote quote = tax.quote(d.order(), used, date);
        long counted = quote.treatment().countsTowardAnnualLimit() ? quote.dutiableValue().minorUnits() : 0;
        if (counted > 0) {
            jdbc.sql("update supervision_cbec_quotas set used_minor = used_minor + ? where buyer_hash = ? and quota_year = ?")
                    .params(counted, buyer, year).update();
        }
        UUID id = TimeOrderedIds.next(clock);
        jdbc.sql("""
                insert into supervision_cbec_orders (id, marketplace_id, order_number, buyer_hash, quota_year, fingerprint,
                    treatment, dutiable_minor, tariff_minor, consumption_minor, vat_minor, tax_minor, counted_minor,
                    annual_before_minor, annual_after_minor, over_annual_limit, rules_date, state, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECORDED', ?)""")
                .params(id, d.marketplace().value(), d.orderNumber(), buyer, year, fingerprint, quote.treatment().name(),
                        quote.dutiableValue().minorUnits(), quote.tariff().minorUnits(), quote.consumptionTax().minorUnits(),
                        quote.vat().minorUnits(), quote.tax().minorUnits(), counted, quote.annualBefore().minorUnits(),
                        quote.annualAfter().minorUnits(), quote.overAnnualLimit(), date, Timestamp.from(now))
                .update();
        if (quote.overAnnualLimit()) {
            breaches.record(Breaches.CBEC_ANNUAL_LIMIT, buyer, year, quote.annualBefore().plus(quote.dutiableValue()),
                    tax.limits(date).annual(), d.marketplace() + ":" + d.orderNumber());
        }
        audit.record("supervision.cbec_import.declare", "cbec_import", id.toString(), null,
                "order=" + d.orderNumber() + " treatment=" + quote.treatment().code() + " tax=" + quote.tax()
                        + " annual_after=" + quote.annualAfter());
        return new CbecImportResult.Recorded(find(id).orElseThrow());
    }

    @Override
    public CbecReturnResult returnOrder(PartyId marketplace, String orderNumber) {
        return tx.execute(status -> {
            Optional<UUID> id = jdbc.sql("select id from supervision_cbec_orders where marketplace_id = ? and order_number = ? for update")
                    .params(marketplace.value(), orderNumber).query(UUID.class).optional();
            if (id.isEmpty()) {
                return new CbecReturnResult.NotFound(orderNumber);
            }
            CbecImportRecord record = find(id.get()).orElseThrow();
            if (record.state() == CbecImportRecord.State.RETURNED) {
                return new CbecReturnResult.AlreadyReturned(record);
            }
            Instant now = clock.instant();
            // the window is counted from the declaration, the platform's record of release (§1.1: 30 days, UNVERIFIED)
            int days = rules.decimal("cn_cbec_import.return_window_days", record.quote().rulesDate()).intValueExact();
            Instant closes = record.recordedAt().plus(Duration.ofDays(days));
            if (now.isAfter(closes)) {
                return new CbecReturnResult.ReturnWindowClosed(closes);
            }
            long counted = jdbc.sql("select counted_minor from supervision_cbec_orders where id = ?").param(id.get())
                    .query(Long.class).single();
            if (counted > 0) {
                // restores the year the order counted in, even when returned in the next one
                jdbc.sql("update supervision_cbec_quotas set used_minor = used_minor - ? where buyer_hash = ? and quota_year = ?")
                        .params(counted, record.buyerHash(), record.quotaYear()).update();
            }
            jdbc.sql("update supervision_cbec_orders set state = 'RETURNED', returned_at = ? where id = ?")
                    .params(Timestamp.from(now), id.get()).update();
            audit.record("supervision.cbec_import.return", "cbec_import", id.get().toString(), "state=RECORDED",
                    "state=RETURNED restored=" + new Money(counted, CbecOrder.CNY));
            return new CbecReturnResult.Returned(find(id.get()).orElseThrow());
        });
    }

    @Override
    public Money annualUsed(IdentityDocument buyer, int year) {
        long used = jdbc.sql("select used_minor from supervision_cbec_quotas where buyer_hash = ? and quota_year = ?")
                .params(buyerHash(buyer), year).query(Long.class).optional().orElse(0L);
        return new Money(used, CbecOrder.CNY);
    }

    @Override
    public Optional<CbecImportRecord> find(UUID id) {
        return jdbc.sql("select * from supervision_cbec_orders where id = ?").param(id).query(this::row).optional();
    }

    @Override
    public List<CbecImportRecord> declared(LocalDate from, LocalDate to, int limit) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new IllegalArgumentException("a period is from a date to a later one, at most one year");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return jdbc.sql("select * from supervision_cbec_orders where rules_date between ? and ? order by recorded_at, id fetch first "
                        + limit + " rows only")
                .params(from, to).query(this::row).list();
    }

    @Override
    public List<CbecImportRecord> ofBuyer(IdentityDocument buyer, int year) {
        return jdbc.sql("select * from supervision_cbec_orders where buyer_hash = ? and quota_year = ? order by recorded_at, id")
                .params(buyerHash(buyer), year).query(this::row).list();
    }

    @Override
    public List<CbecImportRecord> annualLimitBreaches(int year) {
        return jdbc.sql("select * from supervision_cbec_orders where quota_year = ? and over_annual_limit = true order by recorded_at, id")
                .param(year).query(this::row).list();
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneId.of(rules.text("cn_cbec_import.year_zone", LocalDate.ofInstant(now, ZoneId.of("UTC")))));
    }

    private static String fingerprint(String buyer, CbecOrder o) {
        String text = buyer + "|" + o.price() + "|" + o.freight() + "|" + o.insurance() + "|" + o.vatRate().stripTrailingZeros()
                + "|" + o.consumptionTaxRate().stripTrailingZeros() + "|" + o.tariffRate().stripTrailingZeros() + "|" + o.indivisible();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private CbecImportRecord row(ResultSet rs, int n) throws SQLException {
        CbecQuote quote = new CbecQuote(CbecTreatment.valueOf(rs.getString("treatment")), cny(rs, "dutiable_minor"),
                cny(rs, "tariff_minor"), cny(rs, "consumption_minor"), cny(rs, "vat_minor"), cny(rs, "tax_minor"),
                cny(rs, "annual_before_minor"), cny(rs, "annual_after_minor"), rs.getObject("rules_date", LocalDate.class),
                rs.getBoolean("over_annual_limit"));
        Timestamp returned = rs.getTimestamp("returned_at");
        return new CbecImportRecord(rs.getObject("id", UUID.class), new PartyId(rs.getObject("marketplace_id", UUID.class)),
                rs.getString("order_number"), rs.getString("buyer_hash"), rs.getInt("quota_year"), quote,
                CbecImportRecord.State.valueOf(rs.getString("state")), rs.getTimestamp("recorded_at").toInstant(),
                returned == null ? null : returned.toInstant());
    }

    private static Money cny(ResultSet rs, String column) throws SQLException {
        return new Money(rs.getLong(column), CbecOrder.CNY);
    }
}
