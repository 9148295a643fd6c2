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
import org.finbridge.party.PartyId;
import org.finbridge.supervision.InstitutionCheck;
import org.finbridge.supervision.Licence;
import org.finbridge.supervision.PaymentInstitutions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The licence register. A transaction is checked in the order a regulator would: registered at all, licence
 * valid that day, the business within its scope, the region within its regions (a licence for {@code CN}
 * covers every province), and the amount within its single-transaction limit.
 */
@Service
class JdbcPaymentInstitutions implements PaymentInstitutions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SupervisionAudit audit;

    JdbcPaymentInstitutions(JdbcClient jdbc, Clock clock, SupervisionAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Licence register(Licence l) {
        Optional<Licence> before = find(l.institution());
        forgetRegister();
        jdbc.sql("delete from supervision_institutions where party_id = ?").param(l.institution().value()).update();
        // a connector is operated by one institution at a time: naming it here takes it from its previous operator
        for (Licence other : all()) {
            if (other.connectors().stream().anyMatch(l.connectors()::contains)) {
                java.util.Set<String> kept = new java.util.TreeSet<>(other.connectors());
                kept.removeAll(l.connectors());
                jdbc.sql("update supervision_institutions set connectors = ? where party_id = ?")
                        .params(Codes.join(kept), other.institution().value()).update();
                audit.record("supervision.institution.connectors", "payment_institution", other.institution().toString(),
                        Codes.join(other.connectors()), Codes.join(kept));
            }
        }
        jdbc.sql("""
                insert into supervision_institutions (party_id, licence_number, scopes, regions, valid_from, valid_to, limit_currency,
                    limit_minor, daily_limit_minor, connectors, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.institution().value(), l.licenceNumber(), Codes.join(l.scopes()), Codes.join(l.regions()), l.validFrom(),
                        l.validTo(), l.singleTransactionLimit().currency().code(), l.singleTransactionLimit().minorUnits(),
                        l.dailyVolumeLimit() == null ? null : l.dailyVolumeLimit().minorUnits(), Codes.join(l.connectors()),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record("supervision.institution.register", "payment_institution", l.institution().toString(),
                before.map(Licence::toString).orElse(null), l.toString());
        return l;
    }

    @Override
    public Optional<Licence> find(PartyId institution) {
        return jdbc.sql("select * from supervision_institutions where party_id = ?").param(institution.value())
                .query(JdbcPaymentInstitutions::row).optional();
    }

    @Override
    public List<Licence> all() {
        return jdbc.sql("select * from supervision_institutions order by licence_number").query(JdbcPaymentInstitutions::row).list();
    }

    @Override
    public Optional<Licence> operating(String connector, LocalDate day) {
        if (connector == null) {
            return Optional.empty();
        }
        // the register is small (one row per licensed institution): filtered here rather than by a LIKE on the list
        return register().stream().filter(l -> l.connectors().contains(connector) && l.validOn(day)).findFirst();
    }

    /**
     * The register as read at most {@link #REGISTER_TTL_NANOS} ago. Every captured payment is attributed to
     * the institution operating its connector, and the register changes a few times a year: a change made
     * on this node is seen at once, one made on another node within five seconds.
     */
    private List<Licence> register() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.readAt() > REGISTER_TTL_NANOS) {
            s = new Snapshot(all(), now);
            snapshot = s;
        }
        return s.licences();
    }

    private void forgetRegister() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a read between this change and its commit would keep the old register until it expires
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private record Snapshot(List<Licence> licences, long readAt) {
    }

    private static final long REGISTER_TTL_NANOS = 5_000_000_000L;
    private volatile Snapshot snapshot;

    @Override
    public InstitutionCheck check(PartyId institution, String scope, String region, Money amount, LocalDate day) {
        Optional<Licence> found = find(institution);
        if (found.isEmpty()) {
            return new InstitutionCheck.NotRegistered();
        }
        Licence l = found.get();
        if (!l.validOn(day)) {
            return new InstitutionCheck.LicenceNotValid(l.validFrom(), l.validTo());
        }
        if (!l.scopes().contains(scope)) {
            return new InstitutionCheck.OutsideScope(scope);
        }
        String country = region.contains("-") ? region.substring(0, region.indexOf('-')) : region;
        if (!l.regions().contains(region) && !l.regions().contains(country)) {
            return new InstitutionCheck.OutsideRegions(region);
        }
        Money limit = l.singleTransactionLimit();
        if (!amount.currency().equals(limit.currency()) || amount.compareTo(limit) > 0) {
            return new InstitutionCheck.OverLimit(limit);
        }
        return new InstitutionCheck.Permitted(l);
    }

    private static Licence row(ResultSet rs, int n) throws SQLException {
        CurrencyCode currency = CurrencyCode.of(rs.getString("limit_currency"));
        Long daily = rs.getObject("daily_limit_minor", Long.class);
        return new Licence(new PartyId(rs.getObject("party_id", UUID.class)), rs.getString("licence_number"),
                Codes.split(rs.getString("scopes")), Codes.split(rs.getString("regions")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), new Money(rs.getLong("limit_minor"), currency),
                daily == null ? null : new Money(daily, currency), Codes.split(rs.getString("connectors")));
    }
}
