package org.finbridge.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.platform.Acting;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.supervision.Violation;
import org.finbridge.supervision.ViolationDecided;
import org.finbridge.supervision.ViolationDecision;
import org.finbridge.supervision.ViolationResult;
import org.finbridge.supervision.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Violation cases: each step locks the case, checks the transition with {@link Violation.State#mayBecome},
 * records the step and audits it in one transaction; a decision publishes {@link ViolationDecided}.
 */
@Service
class JdbcViolations implements Violations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SupervisionAudit audit;
    private final ApplicationEventPublisher events;

    JdbcViolations(JdbcClient jdbc, Clock clock, SupervisionAudit audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public Violation file(PartyId authority, PartyId subject, String ruleCode, String description) {
        check(ruleCode, description);
        UUID id = open(subject, null, Violation.Source.REGULATOR, ruleCode, description, null);
        // filed by a regulator: it handles the case and investigates from the start
        jdbc.sql("update supervision_violations set authority_id = ?, state = 'INVESTIGATING' where id = ?")
                .params(authority.value(), id).update();
        step(id, Violation.State.INVESTIGATING, "filed: " + description);
        return find(id, null).orElseThrow();
    }

    @Override
    @Transactional
    public Violation detect(PartyId subject, String ruleCode, String description, String reference) {
        check(ruleCode, description);
        Optional<UUID> existing = jdbc.sql("select id from supervision_violations where detection_ref = ?").param(reference)
                .query(UUID.class).optional();
        UUID id = existing.orElseGet(() -> open(subject, null, Violation.Source.RULE, ruleCode, description, reference));
        return find(id, null).orElseThrow();
    }

    private static void check(String ruleCode, String description) {
        if (ruleCode == null || !ruleCode.matches("[A-Z0-9_]{1,64}")) {
            throw new IllegalArgumentException("a rule code of 1 to 64 capitals, digits or '_' is required");
        }
        if (description == null || description.isBlank() || description.length() > 2000) {
            throw new IllegalArgumentException("a description of 1 to 2000 characters is required");
        }
    }

    private UUID open(PartyId subject, PartyId authority, Violation.Source source, String ruleCode, String description, String reference) {
        UUID id = TimeOrderedIds.next(clock);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into supervision_violations (id, subject_id, authority_id, source, rule_code, description, state, detection_ref,
                    opened_at, updated_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(id, subject.value(), authority == null ? null : authority.value(), source.name(), ruleCode, description,
                        reference, now, now).update();
        step(id, Violation.State.OPEN, description);
        return id;
    }

    @Override
    @Transactional
    public ViolationResult investigate(UUID id, PartyId authority) {
        return move(id, authority, Violation.State.INVESTIGATING, null, null);
    }

    @Override
    @Transactional
    public ViolationResult decide(UUID id, PartyId authority, ViolationDecision decision) {
        return move(id, authority, Violation.State.DECIDED, decision, null);
    }

    @Override
    @Transactional
    public ViolationResult remediate(UUID id, PartyId authority, String note) {
        return move(id, authority, Violation.State.REMEDIATING, null, note);
    }

    @Override
    @Transactional
    public ViolationResult close(UUID id, PartyId authority, String note) {
        return move(id, authority, Violation.State.CLOSED, null, note);
    }

    private ViolationResult move(UUID id, PartyId authority, Violation.State to, ViolationDecision decision, String note) {
        if (note != null && note.length() > 2000) {
            throw new IllegalArgumentException("a note is at most 2000 characters");
        }
        Optional<Violation> locked = jdbc.sql("select * from supervision_violations where id = ? for update").param(id)
                .query(JdbcViolations::row).optional().filter(v -> visible(v, authority));
        if (locked.isEmpty()) {
            return new ViolationResult.NotFound();
        }
        Violation v = locked.get();
        if (!v.state().mayBecome(to)) {
            return new ViolationResult.IllegalTransition(v.state(), to);
        }
        Instant now = clock.instant();
        jdbc.sql("update supervision_violations set state = ?, authority_id = ?, updated_at = ? where id = ?")
                .params(to.name(), authority.value(), Timestamp.from(now), id).update();
        if (decision != null) {
            jdbc.sql("""
                    update supervision_violations set decision_kind = ?, fine_currency = ?, fine_minor = ?, decision_terms = ?,
                        decision_until = ? where id = ?""")
                    .params(decision.kind().name(), decision.fine() == null ? null : decision.fine().currency().code(),
                            decision.fine() == null ? null : decision.fine().minorUnits(), decision.terms(), decision.until(), id)
                    .update();
        }
        if (to == Violation.State.REMEDIATING) {
            jdbc.sql("update supervision_violations set remediation = ? where id = ?").params(note, id).update();
        }
        step(id, to, decision != null ? decision.toString() : note);
        Violation after = find(id, null).orElseThrow();
        if (decision != null) {
            events.publishEvent(new ViolationDecided(id, v.subject(), authority, v.ruleCode(), decision, now));
        }
        return new ViolationResult.Moved(after);
    }

    private void step(UUID id, Violation.State state, String note) {
        int step = jdbc.sql("select coalesce(max(step), 0) + 1 from supervision_violation_steps where violation_id = ?").param(id)
                .query(Integer.class).single();
        String actor = Acting.current().map(Acting.As::name).orElse("system");
        String clipped = note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note;
        jdbc.sql("insert into supervision_violation_steps (violation_id, step, state, actor, note, stepped_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, step, state.name(), actor, clipped, Timestamp.from(clock.instant())).update();
        audit.record("supervision.violation." + state.name().toLowerCase(), "violation", id.toString(), null,
                state + (clipped == null ? "" : " " + clipped));
    }

    /** A regulator sees its cases and rule-detected cases nobody took up; the platform (null) sees all. */
    private static boolean visible(Violation v, PartyId viewer) {
        return viewer == null || v.authority() == null || v.authority().equals(viewer);
    }

    @Override
    public Optional<Violation> find(UUID id, PartyId viewer) {
        return jdbc.sql("select * from supervision_violations where id = ?").param(id).query(JdbcViolations::row).optional()
                .filter(v -> visible(v, viewer));
    }

    @Override
    public List<Violation> visibleTo(PartyId viewer, Violation.State state) {
        return jdbc.sql("""
                select * from supervision_violations where (cast(? as uuid) is null or authority_id is null or authority_id = ?)
                    and (cast(? as varchar(16)) is null or state = ?) order by opened_at desc, id limit 500""")
                .params(viewer == null ? null : viewer.value(), viewer == null ? null : viewer.value(),
                        state == null ? null : state.name(), state == null ? null : state.name())
                .query(JdbcViolations::row).list();
    }

    private static Violation row(ResultSet rs, int n) throws SQLException {
        UUID authority = rs.getObject("authority_id", UUID.class);
        String kind = rs.getString("decision_kind");
        ViolationDecision decision = null;
        if (kind != null) {
            String currency = rs.getString("fine_currency");
            decision = new ViolationDecision(ViolationDecision.Kind.valueOf(kind),
                    currency == null ? null : new Money(rs.getLong("fine_minor"), CurrencyCode.of(currency)), rs.getString("decision_terms"),
                    rs.getObject("decision_until", LocalDate.class));
        }
        return new Violation(rs.getObject("id", UUID.class), new PartyId(rs.getObject("subject_id", UUID.class)),
                authority == null ? null : new PartyId(authority), Violation.Source.valueOf(rs.getString("source")),
                rs.getString("rule_code"), rs.getString("description"), Violation.State.valueOf(rs.getString("state")), decision,
                rs.getString("remediation"), rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
