package org.finbridge.supervision.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.finbridge.money.Money;
import org.finbridge.supervision.FxDirection;
import org.finbridge.supervision.FxQuotaResult;
import org.finbridge.supervision.IdentityDocument;
import org.finbridge.supervision.IndividualFxQuotas;
import org.finbridge.supervision.RuleBook;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The USD 50,000 annual facilitation quota per person and direction (regulations notes §2; Appendix A
 * {@code cn_fx.individual_annual_quota_usd}), decided under a lock of the person's year and direction, like
 * the CBEC quota, so concurrent conversions never pass it without evidence.
 */
@Service
class JdbcIndividualFxQuotas implements IndividualFxQuotas {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RuleBook rules;
    private final IdentityHasher hasher;
    private final UsdValues usd;
    private final Breaches breaches;
    private final SupervisionAudit audit;
    private final TransactionTemplate tx;

    JdbcIndividualFxQuotas(JdbcClient jdbc, Clock clock, RuleBook rules, IdentityHasher hasher, UsdValues usd, Breaches breaches,
                           SupervisionAudit audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.hasher = hasher;
        this.usd = usd;
        this.breaches = breaches;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public FxQuotaResult use(String reference, IdentityDocument person, FxDirection direction, Money amount, boolean evidenceAttached) {
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw new IllegalArgumentException("a reference of 1 to 100 characters is required");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("the amount must be positive");
        }
        if (seen(reference)) {
            return new FxQuotaResult.AlreadyCounted(reference);
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, BEIJING);
        Optional<Money> inUsd = usd.inUsd(amount, day);
        if (inUsd.isEmpty()) {
            return new FxQuotaResult.NoReferenceRate(amount.currency().code());
        }
        String hash = hasher.hash(person);
        int year = day.getYear();
        ensureRow(hash, year, direction);
        Money quota = quota(day);
        try {
            return tx.execute(status -> {
                long used = jdbc.sql("select used_usd_minor from supervision_fx_quotas where person_hash = ? and quota_year = ? and direction = ? for update")
                        .params(hash, year, direction.name()).query(Long.class).single();
                Money after = new Money(used, UsdValues.USD).plus(inUsd.get());
                boolean over = after.compareTo(quota) > 0;
                if (over && !evidenceAttached) {
                    breaches.record(Breaches.FX_EVIDENCE_REQUIRED, hash, year, after, quota, reference);
                    Money remaining = new Money(Math.max(0, quota.minorUnits() - used), UsdValues.USD);
                    return new FxQuotaResult.EvidenceRequired(inUsd.get(), remaining);
                }
                jdbc.sql("update supervision_fx_quotas set used_usd_minor = ? where person_hash = ? and quota_year = ? and direction = ?")
                        .params(after.minorUnits(), hash, year, direction.name()).update();
                jdbc.sql("""
                        insert into supervision_fx_quota_uses (reference, person_hash, quota_year, direction, currency, amount_minor,
                            usd_minor, over_quota, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(reference, hash, year, direction.name(), amount.currency().code(), amount.minorUnits(),
                                inUsd.get().minorUnits(), over, Timestamp.from(now)).update();
                if (over) {
                    breaches.record(Breaches.FX_OVER_QUOTA_ON_EVIDENCE, hash, year, after, quota, reference);
                }
                audit.record("supervision.fx_quota.use", "fx_quota_use", reference, null,
                        direction + " " + amount + " = " + inUsd.get() + " used_after=" + after + (over ? " on evidence" : ""));
                return new FxQuotaResult.Counted(inUsd.get(), after, over);
            });
        } catch (DuplicateKeyException countedConcurrently) {
            return new FxQuotaResult.AlreadyCounted(reference);
        }
    }

    @Override
    public Money quota(LocalDate day) {
        return new Money(rules.decimal("cn_fx.individual_annual_quota_usd", day).movePointRight(2).longValueExact(), UsdValues.USD);
    }

    @Override
    public Money used(IdentityDocument person, FxDirection direction, int year) {
        return new Money(jdbc.sql("select used_usd_minor from supervision_fx_quotas where person_hash = ? and quota_year = ? and direction = ?")
                .params(hasher.hash(person), year, direction.name()).query(Long.class).optional().orElse(0L), UsdValues.USD);
    }

    private boolean seen(String reference) {
        return jdbc.sql("select count(*) from supervision_fx_quota_uses where reference = ?").param(reference).query(Long.class).single() > 0;
    }

    private void ensureRow(String hash, int year, FxDirection direction) {
        boolean exists = jdbc.sql("select count(*) from supervision_fx_quotas where person_hash = ? and quota_year = ? and direction = ?")
                .params(hash, year, direction.name()).query(Long.class).single() > 0;
        if (!exists) {
            try {
                jdbc.sql("insert into supervision_fx_quotas (person_hash, quota_year, direction, used_usd_minor) values (?, ?, ?, 0)")
                        .params(hash, year, direction.name()).update();
            } catch (DuplicateKeyException createdConcurrently) {
                // there now: all this wanted
            }
        }
    }
}
