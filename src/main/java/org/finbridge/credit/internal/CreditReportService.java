package org.finbridge.credit.internal;

import org.finbridge.audit.AuditLog;
import static org.finbridge.credit.internal.ContributionService.instant;
import static org.finbridge.credit.internal.ContributionService.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.finbridge.credit.Contribution;
import org.finbridge.credit.ContributionCategory;
import org.finbridge.credit.CreditReport;
import org.finbridge.credit.CreditReports;
import org.finbridge.credit.Objection;
import org.finbridge.credit.ReportAccess;
import org.finbridge.credit.ReportResult;
import org.finbridge.party.Consent;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.ConsentScope;
import org.finbridge.party.Consents;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports, the access log, statements and objections (REGULATIONS.md §3.1, arts. 16–18, 22, 25). */
@Service
class CreditReportService implements CreditReports {

    static final String REPORT_PREFIX = "rpt";
    static final String OBJECTION_PREFIX = "obj";
    /** Art. 25: a written answer within 20 days. */
    static final Duration ANSWER_WITHIN = Duration.ofDays(20);
    /** The registry answers for a provider that has not verified one day before the deadline. */
    static final Duration AUTO_ANSWER_AFTER = Duration.ofDays(19);
    /** Art. 17: individuals get two free self-queries per year. */
    static final int FREE_SELF_QUERIES = 2;

    private final JdbcClient jdbc;
    private final Parties parties;
    private final Consents consents;
    private final ContributionService contributions;
    private final ScoreStore scores;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    CreditReportService(JdbcClient jdbc, Parties parties, Consents consents, ContributionService contributions, ScoreStore scores,
                  AuditLog audit, org.springframework.context.ApplicationEventPublisher events, Clock clock,
                  @org.springframework.beans.factory.annotation.Value("${finbridge.credit.zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.consents = consents;
        this.contributions = contributions;
        this.scores = scores;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    @Transactional
    public ReportResult issue(PartyId subject, PartyId grantee, ConsentPurpose purpose, String actor) {
        Optional<Party> party = parties.find(subject);
        if (party.isEmpty()) {
            return new ReportResult.NotFound("party " + subject);
        }
        Instant now = now();
        Optional<Consent> consent = consents.heldBy(grantee).stream()
                .filter(c -> c.subject().equals(subject) && c.scope() == ConsentScope.CREDIT_REPORT && c.purpose() == purpose
                        && c.isValidAt(clock.instant()))
                .findFirst();
        if (consent.isEmpty()) {
            return new ReportResult.NoConsent("no valid consent of " + subject + " for a credit report for " + purpose);
        }
        CreditReport report = build(party.get(), now, true);
        log(report, grantee, actor, purpose.name(), consent.get().id(), false, true);
        return new ReportResult.Issued(report);
    }

    @Override
    @Transactional
    public ReportResult selfQuery(PartyId subject, String actor) {
        Optional<Party> party = parties.find(subject);
        if (party.isEmpty()) {
            return new ReportResult.NotFound("party " + subject);
        }
        Instant now = now();
        boolean free = true;
        if (party.get().kind() == PartyKind.BUYER) {
            int year = now.atZone(zone).getYear();
            Instant from = java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
            long freeThisYear = jdbc.sql("""
                    select count(*) from credit_report_access where subject_id = :s and self_query and free_of_charge
                      and accessed_at >= :from""").param("s", subject.value()).param("from", utc(from))
                    .query(Long.class).single();
            free = freeThisYear < FREE_SELF_QUERIES;
        }
        CreditReport report = build(party.get(), now, free);
        log(report, subject, actor, "SELF_QUERY", null, true, free);
        return new ReportResult.Issued(report);
    }

    private void log(CreditReport report, PartyId recipient, String actor, String purpose, String consentId, boolean self,
                     boolean free) {
        String content = "credit report " + report.reportId() + ": score " + (report.score() == null ? "none"
                : report.score().points() + " " + report.score().modelVersion()) + ", " + report.negativeRecords().size()
                + " negative records, " + report.repayments().size() + " repayment records";
        jdbc.sql("""
                insert into credit_report_access (id, subject_id, grantee_id, actor, purpose, consent_id, self_query,
                  free_of_charge, accessed_at, content)
                values (:id, :s, :g, :actor, :purpose, :consent, :self, :free, :at, :content)""")
                .param("id", TimeOrderedIds.parse(REPORT_PREFIX, report.reportId()))
                .param("s", report.subject().value()).param("g", recipient.value()).param("actor", actor)
                .param("purpose", purpose).param("consent", consentId).param("self", self).param("free", free)
                .param("at", utc(report.issuedAt())).param("content", content).update();
        audit.record(actor, self ? "credit.report.self-query" : "credit.report.issue", "party", report.subject().toString(),
                null, report.reportId() + (self ? " to the subject" : " to " + recipient + " for " + purpose + " under consent "
                        + consentId));
    }

    CreditReport build(Party party, Instant now, boolean free) {
        PartyId subject = party.id();
        List<Contribution> records = contributions.about(subject);
        Map<UUID, List<String>> statements = new java.util.HashMap<>();
        jdbc.sql("select contribution_id, text from credit_statements where subject_id = :s order by created_at")
                .param("s", subject.value()).query((rs, i) -> {
                    statements.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                    return null;
                }).list();
        Map<String, Long> behaviour = new TreeMap<>();
        List<CreditReport.Entry> repayments = new ArrayList<>();
        List<CreditReport.Entry> negative = new ArrayList<>();
        Instant yearAgo = now.minus(Duration.ofDays(365));
        for (Contribution c : records) {
            if (c.category().sensitive()) {
                // income, deposits and tax were collected for the provider's purpose, not for reports
                continue;
            }
            CreditReport.Entry entry = new CreditReport.Entry(c.id(), c.category(), c.amount(), c.occurredAt(), c.provider(),
                    "DISPUTED".equals(c.state()),
                    statements.getOrDefault(TimeOrderedIds.parse(ContributionService.PREFIX, c.id()), List.of()));
            if (c.negative()) {
                negative.add(entry);
            }
            if (c.category() == ContributionCategory.REPAYMENT_ON_TIME || c.category() == ContributionCategory.REPAYMENT_OVERDUE) {
                repayments.add(entry);
            } else if (!c.occurredAt().isBefore(yearAgo)) {
                behaviour.merge(c.category().name(), 1L, Long::sum);
            }
        }
        List<Objection> open = objections(subject).stream().filter(o -> o.state() == Objection.State.OPEN).toList();
        return new CreditReport(TimeOrderedIds.format(REPORT_PREFIX, TimeOrderedIds.next(clock)), subject,
                party.kind().name(), party.legalName(), party.country(), party.identifiers(),
                scores.latest(subject).orElse(null), behaviour, repayments, negative, open, now, free);
    }

    @Override
    public List<ReportAccess> accessLog(PartyId subject) {
        return jdbc.sql("""
                select grantee_id, actor, purpose, consent_id, self_query, accessed_at, content from credit_report_access
                where subject_id = :s order by accessed_at, id""").param("s", subject.value())
                .query((rs, i) -> new ReportAccess(new PartyId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), instant(rs, 6), rs.getString(7))).list();
    }

    @Override
    @Transactional
    public ReportResult addStatement(PartyId subject, String contributionId, String text) {
        Optional<Contribution> record = contributions.find(contributionId).filter(c -> c.subject().equals(subject)
                && !"REMOVED".equals(c.state()));
        if (record.isEmpty()) {
            return new ReportResult.NotFound("record " + contributionId);
        }
        if (text == null || text.isBlank() || text.length() > 2000) {
            return new ReportResult.InvalidField("text", "is required, at most 2000 characters");
        }
        jdbc.sql("""
                insert into credit_statements (id, contribution_id, subject_id, text, created_at)
                values (:id, :c, :s, :text, :at)""").param("id", TimeOrderedIds.next(clock))
                .param("c", TimeOrderedIds.parse(ContributionService.PREFIX, contributionId)).param("s", subject.value())
                .param("text", text.strip()).param("at", utc(now())).update();
        audit.record(null, "credit.statement.add", "credit_contribution", contributionId, null, "statement by " + subject);
        return new ReportResult.StatementAdded(contributionId);
    }

    @Override
    @Transactional
    public ReportResult object(PartyId subject, String contributionId, String reason) {
        Optional<Contribution> record = contributions.find(contributionId).filter(c -> c.subject().equals(subject)
                && !"REMOVED".equals(c.state()));
        if (record.isEmpty()) {
            return new ReportResult.NotFound("record " + contributionId);
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return new ReportResult.InvalidField("reason", "is required, at most 2000 characters");
        }
        if ("DISPUTED".equals(record.get().state())) {
            return new ReportResult.Conflict("the record is already disputed");
        }
        Instant now = now();
        UUID id = TimeOrderedIds.next(clock);
        jdbc.sql("""
                insert into credit_objections (id, contribution_id, subject_id, reason, raised_at, due_by, state)
                values (:id, :c, :s, :reason, :at, :due, 'OPEN')""").param("id", id)
                .param("c", TimeOrderedIds.parse(ContributionService.PREFIX, contributionId)).param("s", subject.value())
                .param("reason", reason.strip()).param("at", utc(now)).param("due", utc(now.plus(ANSWER_WITHIN))).update();
        jdbc.sql("update credit_contributions set state = 'DISPUTED' where id = :c")
                .param("c", TimeOrderedIds.parse(ContributionService.PREFIX, contributionId)).update();
        String formatted = TimeOrderedIds.format(OBJECTION_PREFIX, id);
        audit.record(null, "credit.objection.raise", "credit_objection", formatted, null,
                contributionId + " disputed by " + subject + ", answer due " + now.plus(ANSWER_WITHIN));
        return new ReportResult.ObjectionRecorded(find(formatted).orElseThrow());
    }

    @Override
    @Transactional
    public ReportResult decide(String objectionId, Objection.Decision decision, String reasons, Double correctedAmount,
                               String actor) {
        Optional<Objection> objection = find(objectionId);
        if (objection.isEmpty()) {
            return new ReportResult.NotFound("objection " + objectionId);
        }
        if (objection.get().state() != Objection.State.OPEN) {
            return new ReportResult.Conflict("the objection was answered on " + objection.get().answeredAt());
        }
        if (decision == null) {
            return new ReportResult.InvalidField("decision", "is required");
        }
        if (reasons == null || reasons.isBlank() || reasons.length() > 2000) {
            return new ReportResult.InvalidField("reasons", "are required, at most 2000 characters");
        }
        if (correctedAmount != null && (!Double.isFinite(correctedAmount) || correctedAmount < 0)) {
            return new ReportResult.InvalidField("correctedAmount", "must be a number, not negative");
        }
        UUID contribution = TimeOrderedIds.parse(ContributionService.PREFIX, objection.get().contributionId());
        Instant now = now();
        Objection.State state = switch (decision) {
            case CORRECT -> Objection.State.CORRECTED;
            case KEEP -> Objection.State.KEPT;
            case UNDETERMINED -> Objection.State.UNDETERMINED;
        };
        switch (decision) {
            case CORRECT -> {
                if (correctedAmount == null) {
                    jdbc.sql("update credit_contributions set state = 'REMOVED' where id = :c").param("c", contribution).update();
                } else {
                    jdbc.sql("update credit_contributions set state = 'CORRECTED', amount = :a where id = :c")
                            .param("a", correctedAmount).param("c", contribution).update();
                }
            }
            case KEEP -> jdbc.sql("update credit_contributions set state = 'ACTIVE' where id = :c").param("c", contribution).update();
            // undetermined: the dispute mark stays, and both views are on record (art. 25)
            case UNDETERMINED -> { }
        }
        jdbc.sql("""
                update credit_objections set state = :state, answer = :answer, answered_at = :at, answered_by = :by
                where id = :id and state = 'OPEN'""").param("state", state.name()).param("answer", reasons.strip())
                .param("at", utc(now)).param("by", actor).param("id", TimeOrderedIds.parse(OBJECTION_PREFIX, objectionId))
                .update();
        // everyone who received a report holding the record since it was received
        Contribution record = contributions.find(objection.get().contributionId()).orElseThrow();
        List<UUID> recipients = jdbc.sql("""
                select distinct grantee_id from credit_report_access where subject_id = :s and not self_query
                  and accessed_at >= :since""").param("s", record.subject().value()).param("since", utc(record.receivedAt()))
                .query(UUID.class).list();
        for (UUID recipient : recipients) {
            jdbc.sql("insert into credit_objection_notices (id, objection_id, recipient_id, notified_at) values (:id, :o, :r, :at)")
                    .param("id", TimeOrderedIds.next(clock)).param("o", TimeOrderedIds.parse(OBJECTION_PREFIX, objectionId))
                    .param("r", recipient).param("at", utc(now)).update();
        }
        audit.record(actor, "credit.objection.answer", "credit_objection", objectionId, "OPEN",
                state + ": " + reasons.strip() + "; " + recipients.size() + " recipients notified");
        if (decision == Objection.Decision.CORRECT) {
            events.publishEvent(new ContributionCorrected(record.subject()));
        }
        return new ReportResult.ObjectionRecorded(find(objectionId).orElseThrow());
    }

    /** Answers, before the 20-day deadline, the objections a provider has not verified in time. */
    @Transactional
    public int answerOverdue() {
        Instant limit = clock.instant().minus(AUTO_ANSWER_AFTER);
        List<UUID> overdue = jdbc.sql("select id from credit_objections where state = 'OPEN' and raised_at <= :limit")
                .param("limit", utc(limit)).query(UUID.class).list();
        for (UUID id : overdue) {
            decide(TimeOrderedIds.format(OBJECTION_PREFIX, id), Objection.Decision.UNDETERMINED,
                    "The provider did not verify the record in time; it stays marked as disputed with the subject's"
                            + " objection shown beside it (Credit Reporting Industry Regulation art. 25).", null, "system");
        }
        return overdue.size();
    }

    /** Who was notified of an objection's answer. */
    List<PartyId> notified(String objectionId) {
        return jdbc.sql("select recipient_id from credit_objection_notices where objection_id = :o order by recipient_id")
                .param("o", TimeOrderedIds.parse(OBJECTION_PREFIX, objectionId)).query(UUID.class).list()
                .stream().map(PartyId::new).toList();
    }

    @Override
    public List<Objection> objections(PartyId subject) {
        return jdbc.sql(OBJECTIONS + " where subject_id = :s order by raised_at, id").param("s", subject.value())
                .query(CreditReportService::readObjection).list();
    }

    @Override
    public Optional<Objection> objection(String objectionId) {
        return find(objectionId);
    }

    @Override
    public List<Objection> objectionsToRecordsOf(PartyId provider) {
        return jdbc.sql(OBJECTIONS + """
                 where contribution_id in (select id from credit_contributions where provider_party_id = :p)
                order by raised_at, id""").param("p", provider.value()).query(CreditReportService::readObjection).list();
    }

    Optional<Objection> find(String objectionId) {
        UUID id;
        try {
            id = TimeOrderedIds.parse(OBJECTION_PREFIX, objectionId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return jdbc.sql(OBJECTIONS + " where id = :id").param("id", id).query(CreditReportService::readObjection).optional();
    }

    static final String OBJECTIONS = """
            select id, contribution_id, subject_id, reason, raised_at, due_by, state, answer, answered_at from credit_objections""";

    static Objection readObjection(ResultSet rs, int row) throws SQLException {
        return new Objection(TimeOrderedIds.format(OBJECTION_PREFIX, rs.getObject(1, UUID.class)),
                TimeOrderedIds.format(ContributionService.PREFIX, rs.getObject(2, UUID.class)),
                new PartyId(rs.getObject(3, UUID.class)), rs.getString(4), instant(rs, 5), instant(rs, 6),
                Objection.State.valueOf(rs.getString(7)), rs.getString(8), instant(rs, 9));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
