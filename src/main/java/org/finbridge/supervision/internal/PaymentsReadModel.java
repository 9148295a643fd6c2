package org.finbridge.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.supervision.MerchantReceipts;
import org.finbridge.supervision.RuleBook;
import org.finbridge.supervision.Violations;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Supervision's own copy of what the payments module reported: each captured payment (who was paid, in which
 * currency, how much, refunded how much) and each seller's annual goods-trade receipts in USD against SAFE's
 * registration threshold (regulations notes §2). It is fed by {@link PaymentEvent}s, applied once per
 * (payment, step) in the transaction that records the step (a seller's annual total as that transaction's last
 * write), and reads no table of the payments module.
 */
@Component
class PaymentsReadModel implements MerchantReceipts {

    private static final Set<String> RECEIPTS = Set.of("payment.captured", "payment.succeeded");
    private static final Set<String> REVERSALS = Set.of("payment.refunded", "dispute.lost");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final UsdValues usd;
    private final RuleBook rules;
    private final Breaches breaches;
    private final BopLedger bop;
    private final Violations violations;
    private final PaymentAttribution attribution;
    private final RunningTotals totals;

    PaymentsReadModel(JdbcClient jdbc, UsdValues usd, RuleBook rules, Breaches breaches, BopLedger bop, Violations violations,
                      PaymentAttribution attribution, RunningTotals totals) {
        this.attribution = attribution;
        this.totals = totals;
        this.jdbc = jdbc;
        this.usd = usd;
        this.rules = rules;
        this.breaches = breaches;
        this.bop = bop;
        this.violations = violations;
    }

    @EventListener
    void on(PaymentEvent event) {
        boolean receipt = RECEIPTS.contains(event.type());
        boolean reversal = REVERSALS.contains(event.type());
        if ((!receipt && !reversal) || event.amount() <= 0 || !firstTime(event)) {
            return;
        }
        Money amount = new Money(event.amount(), CurrencyCode.of(event.currency()));
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), BEIJING);
        Optional<Money> inUsd = usd.inUsd(amount, day);
        UUID payment = event.paymentId().value();
        if (receipt) {
            PaymentAttribution.Attributes a = attribution.attributes(event, day);
            Long usdMinor = inUsd.map(Money::minorUnits).orElse(null);
            // a payment's first capture (most are its only one) is one statement; a later one adds to its row
            int created = jdbc.sql("""
                    insert into supervision_payments (payment_id, merchant_id, order_reference, currency, captured_minor,
                        refunded_minor, usd_captured_minor, captured_on, merchant_country, buyer_country, connector, institution_id)
                    select ?, ?, ?, ?, ?, 0, cast(? as bigint), ?, ?, ?, ?, cast(? as uuid)
                    where not exists (select 1 from supervision_payments where payment_id = ?)""")
                    .params(payment, event.merchantId().value(), event.orderReference(), event.currency(), amount.minorUnits(),
                            usdMinor, day, a.merchantCountry(), a.buyerCountry(), a.connector(), a.institution(), payment)
                    .update();
            if (created == 0) {
                jdbc.sql("""
                        update supervision_payments set captured_minor = captured_minor + ?,
                            usd_captured_minor = case when usd_captured_minor is null then null else usd_captured_minor + ? end,
                            merchant_country = ?, buyer_country = ?, connector = ?, institution_id = ?
                        where payment_id = ?""")
                        .params(amount.minorUnits(), usdMinor == null ? 0L : usdMinor, a.merchantCountry(), a.buyerCountry(),
                                a.connector(), a.institution(), payment).update();
            }
            attribution.captured(a, event, amount, day);
        } else {
            jdbc.sql("update supervision_payments set refunded_minor = refunded_minor + ? where payment_id = ?")
                    .params(amount.minorUnits(), payment).update();
            bop.refund(event.merchantId(), event.paymentId().toString(), amount, event.paymentId() + ":" + event.seq(), day);
        }
        inUsd.ifPresent(value -> atCommit(() -> addReceipts(event.merchantId(), day, receipt ? value : value.negate(), event)));
    }

    /**
     * Runs in the payment's transaction, as its last writes before the commit. The seller's year row is
     * written by each of its payments: its lock is held from this update to the commit, and every other
     * payment of the seller waits for it; written last, it is held for the commit only, not also for the
     * writes of the listeners after this one.
     */
    private static void atCommit(Runnable write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                write.run();
            }
        });
    }

    /** Marks the event as counted, in one round trip: false when it was counted before (a redelivery). */
    private boolean firstTime(PaymentEvent event) {
        UUID payment = event.paymentId().value();
        return jdbc.sql("""
                insert into supervision_payment_events (payment_id, seq) select ?, ?
                where not exists (select 1 from supervision_payment_events where payment_id = ? and seq = ?)""")
                .params(payment, event.seq(), payment, event.seq()).update() == 1;
    }

    private void addReceipts(PartyId merchant, LocalDate day, Money usdDelta, PaymentEvent event) {
        int year = day.getYear();
        // the usual receipt leaves a seller below SAFE's bands: then one statement adds it and answers that it
        // stays there (band BELOW exactly when the total is under the warning floor and not over the trigger)
        long belowUnder = Math.min(usdRule("cn_fx.merchant_warning_floor_usd", day).minorUnits(),
                usdRule("cn_fx.merchant_registration_trigger_usd", day).minorUnits() + 1);
        if (jdbc.sql("""
                update supervision_merchant_receipts set usd_minor = usd_minor + ?
                where merchant_id = ? and receipt_year = ? and band = 'BELOW' and usd_minor + ? < ?""")
                .params(usdDelta.minorUnits(), merchant.value(), year, usdDelta.minorUnits(), belowUnder).update() == 1) {
            return;
        }
        // the seller's first receipt of the year, or one that enters, leaves or stays in a band
        totals.add("update supervision_merchant_receipts set usd_minor = usd_minor + ? where merchant_id = ? and receipt_year = ?",
                List.of(usdDelta.minorUnits(), merchant.value(), year),
                "insert into supervision_merchant_receipts (merchant_id, receipt_year, usd_minor, band) values (?, ?, ?, 'BELOW')",
                List.of(merchant.value(), year, usdDelta.minorUnits()));
        record Receipts(long total, String band) {
        }
        Receipts r = jdbc.sql("select usd_minor, band from supervision_merchant_receipts where merchant_id = ? and receipt_year = ?")
                .params(merchant.value(), year).query((rs, n) -> new Receipts(rs.getLong(1), rs.getString(2))).single();
        long total = r.total();
        Band band = band(new Money(total, UsdValues.USD), day);
        if (!band.name().equals(r.band())) {
            // written when the seller changes band, a few times a year at most, not on every receipt
            jdbc.sql("update supervision_merchant_receipts set band = ? where merchant_id = ? and receipt_year = ?")
                    .params(band.name(), merchant.value(), year).update();
        }
        if (band != Band.BELOW) {
            String kind = band == Band.WARNING ? Breaches.MERCHANT_WARNING_BAND : Breaches.MERCHANT_REGISTRATION_REQUIRED;
            String limitKey = band == Band.WARNING ? "cn_fx.merchant_warning_floor_usd" : "cn_fx.merchant_registration_trigger_usd";
            // once per seller, year and band: the reference is the band itself
            breaches.record(kind, merchant.toString(), year, new Money(total, UsdValues.USD), usdRule(limitKey, day), band.name());
        }
        if (band == Band.REGISTRATION_REQUIRED) {
            // the platform cannot see SAFE's list: a case is opened for a regulator to confirm the seller's registration
            violations.detect(merchant, "CN_FX_RECEIPTS_OVER_REGISTRATION_THRESHOLD", "goods-trade receipts of " + year + " reached "
                    + new Money(total, UsdValues.USD) + ", over the USD 200,000 threshold for the 贸易外汇收支企业名录 (regulations notes §2)",
                    "receipts-registration:" + merchant + ":" + year);
        }
    }

    /** SAFE's bands: over USD 200,000 registration; USD 180,000 up to 200,000 warning (regulations notes §2). */
    Band band(Money receipts, LocalDate day) {
        if (receipts.compareTo(usdRule("cn_fx.merchant_registration_trigger_usd", day)) > 0) {
            return Band.REGISTRATION_REQUIRED;
        }
        return receipts.compareTo(usdRule("cn_fx.merchant_warning_floor_usd", day)) >= 0 ? Band.WARNING : Band.BELOW;
    }

    private Money usdRule(String key, LocalDate day) {
        return new Money(rules.decimal(key, day).movePointRight(2).longValueExact(), UsdValues.USD);
    }

    @Override
    public YearTotal of(PartyId merchant, int year) {
        return jdbc.sql("select * from supervision_merchant_receipts where merchant_id = ? and receipt_year = ?")
                .params(merchant.value(), year).query(PaymentsReadModel::total).optional()
                .orElse(new YearTotal(merchant, year, Money.zero(UsdValues.USD), Band.BELOW));
    }

    @Override
    public List<YearTotal> flagged(int year) {
        return jdbc.sql("select * from supervision_merchant_receipts where receipt_year = ? and band <> 'BELOW' order by usd_minor desc, merchant_id")
                .param(year).query(PaymentsReadModel::total).list();
    }

    private static YearTotal total(ResultSet rs, int n) throws SQLException {
        return new YearTotal(new PartyId(rs.getObject("merchant_id", UUID.class)), rs.getInt("receipt_year"),
                new Money(rs.getLong("usd_minor"), UsdValues.USD), Band.valueOf(rs.getString("band")));
    }
}
