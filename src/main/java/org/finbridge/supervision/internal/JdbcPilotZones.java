package org.finbridge.supervision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.finbridge.party.PartyId;
import org.finbridge.platform.Acting;
import org.finbridge.supervision.PilotZone;
import org.finbridge.supervision.PilotZones;
import org.finbridge.supervision.RuleBook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pilot zones in the database, each change a new version kept in the history (audited). */
@Service
class JdbcPilotZones implements PilotZones {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RuleBook rules;
    private final SupervisionAudit audit;

    JdbcPilotZones(JdbcClient jdbc, Clock clock, RuleBook rules, SupervisionAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    @Transactional
    public PilotZone define(PilotZone zone) {
        return define(zone, authorityOf(zone.code()).orElse(null));
    }

    @Override
    @Transactional
    public Optional<PilotZone> defineAs(PartyId authority, PilotZone zone) {
        // locks the zone's row (when there is one) so that two regulators cannot both take a zone nobody holds
        List<Optional<UUID>> holder = jdbc.sql("select authority_id from supervision_pilot_zones where code = ? for update")
                .param(zone.code()).query((rs, n) -> Optional.ofNullable(rs.getObject("authority_id", UUID.class))).list();
        if (!holder.isEmpty() && holder.get(0).isPresent() && !holder.get(0).get().equals(authority.value())) {
            return Optional.empty();
        }
        return Optional.of(define(zone, authority));
    }

    @Override
    public Optional<PartyId> authorityOf(String code) {
        return jdbc.sql("select authority_id from supervision_pilot_zones where code = ?").param(code)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("authority_id", UUID.class))).list().stream()
                .flatMap(Optional::stream).findFirst().map(PartyId::new);
    }

    private PilotZone define(PilotZone zone, PartyId authority) {
        zone.limits().forEach((key, value) -> {
            try {
                new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("zone limit " + key + " must be a number, not '" + value + "'");
            }
        });
        Optional<PilotZone> before = find(zone.code());
        int version = before.map(z -> z.version() + 1).orElse(1);
        String by = Acting.current().map(Acting.As::name).orElse("system");
        Timestamp now = Timestamp.from(clock.instant());
        PilotZone stored = new PilotZone(zone.code(), zone.name(), zone.capabilities(), zone.limits(), zone.cohort(), zone.startsOn(),
                zone.sunsetOn(), version);
        jdbc.sql("delete from supervision_pilot_zones where code = ?").param(zone.code()).update();
        jdbc.sql("""
                insert into supervision_pilot_zones (code, name, capabilities, limits, cohort, starts_on, sunset_on, version, changed_at,
                    changed_by, authority_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(stored.code(), stored.name(), Codes.join(stored.capabilities()), Codes.joinMap(stored.limits()),
                        Codes.join(stored.cohort()), stored.startsOn(), stored.sunsetOn(), version, now, by,
                        authority == null ? null : authority.value())
                .update();
        String policy = stored.toString();
        jdbc.sql("insert into supervision_pilot_zone_history (code, version, policy, changed_at, changed_by) values (?, ?, ?, ?, ?)")
                .params(stored.code(), version, policy.length() > 8000 ? policy.substring(0, 8000) : policy, now, by).update();
        audit.record("supervision.pilot_zone.define", "pilot_zone", stored.code(), before.map(PilotZone::toString).orElse(null), policy);
        return stored;
    }

    @Override
    public Optional<PilotZone> find(String code) {
        return jdbc.sql("select * from supervision_pilot_zones where code = ?").param(code).query(JdbcPilotZones::row).optional();
    }

    @Override
    public List<PilotZone> all() {
        return jdbc.sql("select * from supervision_pilot_zones order by code").query(JdbcPilotZones::row).list();
    }

    @Override
    public List<PilotZone> of(PartyId party, LocalDate day) {
        return all().stream().filter(z -> z.activeOn(day) && z.cohort().contains(party)).toList();
    }

    @Override
    public Set<String> capabilities(PartyId party, LocalDate day) {
        return of(party, day).stream().flatMap(z -> z.capabilities().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public BigDecimal rule(String key, PartyId party, LocalDate day) {
        return of(party, day).stream().map(z -> z.limits().get(key)).filter(v -> v != null).map(BigDecimal::new)
                .max(BigDecimal::compareTo).orElseGet(() -> rules.decimal(key, day));
    }

    private static PilotZone row(ResultSet rs, int n) throws SQLException {
        return new PilotZone(rs.getString("code"), rs.getString("name"), Codes.split(rs.getString("capabilities")),
                Codes.splitMap(rs.getString("limits")),
                Codes.split(rs.getString("cohort")).stream().map(PartyId::parse).collect(Collectors.toSet()),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("sunset_on", LocalDate.class), rs.getInt("version"));
    }
}
