package org.finbridge.supervision.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.finbridge.money.Money;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/** Records quota breaches for the regulator, once per kind, subject, year and reference. */
@Component
class Breaches {

    static final String CBEC_ANNUAL_LIMIT = "CBEC_ANNUAL_LIMIT";
    static final String FX_EVIDENCE_REQUIRED = "FX_INDIVIDUAL_EVIDENCE_REQUIRED";
    static final String FX_OVER_QUOTA_ON_EVIDENCE = "FX_INDIVIDUAL_OVER_QUOTA_ON_EVIDENCE";
    static final String MERCHANT_WARNING_BAND = "MERCHANT_WARNING_BAND";
    static final String MERCHANT_REGISTRATION_REQUIRED = "MERCHANT_REGISTRATION_REQUIRED";
    static final String INSTITUTION_SINGLE_TXN_LIMIT = "INSTITUTION_SINGLE_TXN_LIMIT";
    static final String INSTITUTION_DAILY_VOLUME_LIMIT = "INSTITUTION_DAILY_VOLUME_LIMIT";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Breaches(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void record(String kind, String subject, int year, Money amount, Money limit, String reference) {
        boolean seen = jdbc.sql("select count(*) from supervision_quota_breaches where kind = ? and subject = ? and quota_year = ? and reference = ?")
                .params(kind, subject, year, reference).query(Long.class).single() > 0;
        if (!seen) {
            try {
                // under a savepoint: two payments of one institution and day may both find its daily breach new, and
                // the loser of that race must not abort the transaction of the payment it was reported in
                savepoint.executeWithoutResult(status -> jdbc.sql("""
                        insert into supervision_quota_breaches (id, kind, subject, quota_year, currency, amount_minor, limit_minor,
                            reference, detected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(TimeOrderedIds.next(clock), kind, subject, year, amount.currency().code(), amount.minorUnits(),
                                limit.minorUnits(), reference, Timestamp.from(clock.instant()))
                        .update());
            } catch (DuplicateKeyException recordedConcurrently) {
                // recorded once, by the other: all this wanted
            }
        }
    }
}
