package org.finbridge.risk.aml.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.risk.aml.Alert;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.AmlReport;
import org.finbridge.risk.aml.CaseId;
import org.finbridge.risk.aml.CaseResult;
import org.finbridge.risk.aml.CaseStatus;
import org.finbridge.risk.aml.ReportId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case work (see {@link CaseStatus}): every command locks the case's row, checks the lifecycle, records
 * the move in the case's history and in the audit log, in one transaction.
 */
@Service
class CaseService implements AmlCases {

    static final int MAX_TEXT = 4_000;

    private static final String SELECT = """
            select id, party_id, status, assignee, preparer, proposal, rationale, approver, due_on, opened_at, closed_at,
                   report_id from aml_cases""";

    private final JdbcClient jdbc;
    private final AlertStore alerts;
    private final ReportService reports;
    private final Parties parties;
    private final AmlAudit audit;
    private final Clock clock;

    CaseService(JdbcClient jdbc, AlertStore alerts, ReportService reports, Parties parties, AmlAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.reports = reports;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(CaseId id, PartyId partyId, CaseStatus status, String assignee, String preparer,
                       AmlCase.Proposal proposal, String rationale, String approver, LocalDate dueOn, Instant openedAt,
                       Instant closedAt, ReportId reportId) {
    }

    // ---- reads

    @Override
    public List<AmlCase> list(CaseStatus status, int limit) {
        return jdbc.sql(SELECT + (status == null ? "" : " where status = :s") + " order by opened_at desc, id desc limit :l")
                .param("s", status == null ? "" : status.name()).param("l", limit).query(CaseService::read).list()
                .stream().map(this::view).toList();
    }

    private static final Map<String, String> CASE_SORTS = Map.of("due", "due_on", "opened", "opened_at",
            "status", "status", "assignee", "assignee");

    @Override
    public org.finbridge.platform.QueuePage<AmlCase> list(java.util.Set<CaseStatus> statuses,
                                                         org.finbridge.platform.QueuePage.Request page) {
        List<String> names = statuses.stream().map(Enum::name).sorted().toList();
        if (names.isEmpty()) {
            return new org.finbridge.platform.QueuePage<>(List.of(), 0, page);
        }
        long total = jdbc.sql("select count(*) from aml_cases where status in (:s)").param("s", names)
                .query(Long.class).single();
        List<AmlCase> items = jdbc.sql(SELECT + " where status in (:s)" + page.orderBy(CASE_SORTS, "due_on", "id")
                        + " limit :l offset :o").param("s", names).param("l", page.size()).param("o", page.offset())
                .query(CaseService::read).list().stream().map(this::view).toList();
        return new org.finbridge.platform.QueuePage<>(items, total, page);
    }

    @Override
    public Optional<AmlCase> find(CaseId id) {
        return row(id, false).map(this::view);
    }

    private Optional<Row> row(CaseId id, boolean lock) {
        return jdbc.sql(SELECT + " where id = :id" + (lock ? " for update" : "")).param("id", id.value())
                .query(CaseService::read).optional();
    }

    private AmlCase view(Row r) {
        List<AmlCase.Note> notes = jdbc.sql("select author, body, written_at from aml_case_notes where case_id = :c"
                        + " order by written_at, id").param("c", r.id().value())
                .query((rs, n) -> new AmlCase.Note(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
        List<AmlCase.StatusChange> history = jdbc.sql("select seq, from_status, to_status, actor, detail, changed_at"
                        + " from aml_case_history where case_id = :c order by seq").param("c", r.id().value())
                .query((rs, n) -> new AmlCase.StatusChange(rs.getInt(1),
                        rs.getString(2) == null ? null : CaseStatus.valueOf(rs.getString(2)), CaseStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant())).list();
        boolean overdue = !r.status().isClosed() && Activity.reportingDay(clock.instant()).isAfter(r.dueOn());
        return new AmlCase(r.id(), r.partyId(), r.status(), r.assignee(), r.preparer(), r.proposal(), r.rationale(),
                r.approver(), r.dueOn(), overdue, r.openedAt(), r.closedAt(), r.reportId(), alerts.ofCase(r.id()), notes, history);
    }

    // ---- alerts join cases

    /** A new suspicious alert joins its customer's open case, or opens one. Runs in the caller's transaction. */
    CaseId attach(Alert alert) {
        CaseId id = openCaseOf(alert.partyId()).orElseGet(() -> create(alert.partyId(), AmlAudit.SYSTEM,
                "alert " + alert.id() + " (" + alert.ruleName() + ")"));
        alerts.attach(alert.id(), id);
        audit.system("aml.alert.attach", "aml_case", id.toString(), "{\"alert\":\"" + alert.id() + "\",\"rule\":\""
                + alert.ruleName() + "\"}");
        return id;
    }

    private Optional<CaseId> openCaseOf(PartyId party) {
        return jdbc.sql("select id from aml_cases where party_id = :p and status <> 'REPORTED' and status <> 'CLOSED_NO_REPORT'"
                        + " order by opened_at limit 1").param("p", party.value())
                .query((rs, n) -> new CaseId(rs.getObject(1, UUID.class))).optional();
    }

    private CaseId create(PartyId party, String actor, String detail) {
        CaseId id = new CaseId(TimeOrderedIds.next(clock));
        Instant now = clock.instant();
        LocalDate due = WorkingDays.plus(Activity.reportingDay(now), ReportService.FILING_WORKING_DAYS);
        jdbc.sql("""
                insert into aml_cases (id, party_id, status, due_on, opened_at, version)
                values (:id, :p, 'OPEN', :due, :now, 0)""")
                .param("id", id.value()).param("p", party.value()).param("due", due).param("now", Journal.ts(now)).update();
        history(id, null, CaseStatus.OPEN, actor, detail);
        return id;
    }

    // ---- commands

    @Override
    @Transactional
    public CaseResult open(Actor actor, String partyId, String reason) {
        PartyId party;
        try {
            party = PartyId.parse(partyId);
        } catch (IllegalArgumentException e) {
            return new CaseResult.InvalidField("partyId", "a party id (pty_…)");
        }
        if (parties.find(party).isEmpty()) {
            return new CaseResult.InvalidField("partyId", "no such party");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            return new CaseResult.InvalidField("reason", "why the case is opened, 1 to " + MAX_TEXT + " characters");
        }
        Optional<CaseId> open = openCaseOf(party);
        CaseId id = open.orElseGet(() -> create(party, actor.name(), "referred by staff"));
        note(id, actor.name(), "Referral: " + reason);
        audit.record(actor, "aml.case.refer", "aml_case", id.toString(), null, "{\"party\":\"" + party + "\",\"existing\":"
                + open.isPresent() + "}");
        return new CaseResult.Done(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public CaseResult assign(Actor actor, CaseId id, String assignee) {
        Optional<Row> row = row(id, true);
        if (row.isEmpty()) {
            return new CaseResult.NotFound();
        }
        if (assignee == null || assignee.isBlank() || assignee.length() > 200) {
            return new CaseResult.InvalidField("assignee", "the analyst's name, 1 to 200 characters");
        }
        Row r = row.get();
        if (!r.status().mayBecome(CaseStatus.IN_REVIEW) || r.status() == CaseStatus.AWAITING_APPROVAL) {
            return new CaseResult.IllegalTransition(r.status(), "assign");
        }
        jdbc.sql("update aml_cases set status = 'IN_REVIEW', assignee = :a, version = version + 1 where id = :id")
                .param("a", assignee.strip()).param("id", id.value()).update();
        history(id, r.status(), CaseStatus.IN_REVIEW, actor.name(), "assigned to " + assignee.strip());
        audit.record(actor, "aml.case.assign", "aml_case", id.toString(), "{\"assignee\":" + json(r.assignee()) + "}",
                "{\"assignee\":" + json(assignee.strip()) + "}");
        return new CaseResult.Done(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public CaseResult addNote(Actor actor, CaseId id, String body) {
        Optional<Row> row = row(id, true);
        if (row.isEmpty()) {
            return new CaseResult.NotFound();
        }
        if (body == null || body.isBlank() || body.length() > MAX_TEXT) {
            return new CaseResult.InvalidField("body", "the note, 1 to " + MAX_TEXT + " characters");
        }
        if (row.get().status().isClosed()) {
            return new CaseResult.IllegalTransition(row.get().status(), "note");
        }
        note(id, actor.name(), body);
        audit.record(actor, "aml.case.note", "aml_case", id.toString(), null, "{\"length\":" + body.length() + "}");
        return new CaseResult.Done(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public CaseResult propose(Actor actor, CaseId id, AmlCase.Proposal proposal, String rationale) {
        Optional<Row> row = row(id, true);
        if (row.isEmpty()) {
            return new CaseResult.NotFound();
        }
        if (proposal == null) {
            return new CaseResult.InvalidField("proposal", "FILE_STR or NO_REPORT");
        }
        if (rationale == null || rationale.isBlank() || rationale.length() > MAX_TEXT) {
            return new CaseResult.InvalidField("rationale", "the reasons for the decision, 1 to " + MAX_TEXT + " characters");
        }
        Row r = row.get();
        if (r.status() != CaseStatus.IN_REVIEW) {
            return new CaseResult.IllegalTransition(r.status(), "propose");
        }
        jdbc.sql("""
                update aml_cases set status = 'AWAITING_APPROVAL', preparer = :p, proposal = :prop, rationale = :r,
                    approver = null, version = version + 1 where id = :id""")
                .param("p", actor.name()).param("prop", proposal.name()).param("r", rationale).param("id", id.value()).update();
        history(id, r.status(), CaseStatus.AWAITING_APPROVAL, actor.name(), "proposes " + proposal);
        audit.record(actor, "aml.case.propose", "aml_case", id.toString(), null, "{\"proposal\":\"" + proposal + "\"}");
        return new CaseResult.Done(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public CaseResult decide(Actor actor, CaseId id, boolean approve, String comment) {
        Optional<Row> row = row(id, true);
        if (row.isEmpty()) {
            return new CaseResult.NotFound();
        }
        if (comment != null && comment.length() > MAX_TEXT) {
            return new CaseResult.InvalidField("comment", "at most " + MAX_TEXT + " characters");
        }
        Row r = row.get();
        if (r.status() != CaseStatus.AWAITING_APPROVAL) {
            return new CaseResult.IllegalTransition(r.status(), approve ? "approve" : "reject");
        }
        if (actor.name().equals(r.preparer())) {
            audit.record(actor, "aml.case.decide.refuse", "aml_case", id.toString(), null, "{\"reason\":\"FOUR_EYES\"}");
            return new CaseResult.FourEyesRequired(r.preparer());
        }
        if (comment != null && !comment.isBlank()) {
            note(id, actor.name(), comment);
        }
        if (!approve) {
            jdbc.sql("update aml_cases set status = 'IN_REVIEW', proposal = null, version = version + 1 where id = :id")
                    .param("id", id.value()).update();
            history(id, r.status(), CaseStatus.IN_REVIEW, actor.name(), "proposal " + r.proposal() + " sent back");
            audit.record(actor, "aml.case.reject", "aml_case", id.toString(), null, "{\"proposal\":\"" + r.proposal() + "\"}");
            return new CaseResult.Done(find(id).orElseThrow());
        }
        Instant now = clock.instant();
        jdbc.sql("update aml_cases set approver = :a where id = :id").param("a", actor.name()).param("id", id.value()).update();
        CaseStatus to = r.proposal() == AmlCase.Proposal.FILE_STR ? CaseStatus.REPORTED : CaseStatus.CLOSED_NO_REPORT;
        ReportId reportId = null;
        if (to == CaseStatus.REPORTED) {
            AmlReport report = reports.fileSuspicious(find(id).orElseThrow(), actor.name(), now);
            reportId = report.id();
        }
        jdbc.sql("update aml_cases set status = :s, closed_at = :now, report_id = :r, version = version + 1 where id = :id")
                .param("s", to.name()).param("now", Journal.ts(now)).param("r", reportId == null ? null : reportId.value())
                .param("id", id.value()).update();
        history(id, r.status(), to, actor.name(), reportId == null ? "closed without a report" : "STR " + reportId + " filed");
        audit.record(actor, "aml.case.approve", "aml_case", id.toString(), "{\"preparer\":" + json(r.preparer()) + "}",
                "{\"status\":\"" + to + "\"" + (reportId == null ? "" : ",\"report\":\"" + reportId + "\"") + "}");
        return new CaseResult.Done(find(id).orElseThrow());
    }

    private void note(CaseId id, String author, String body) {
        jdbc.sql("insert into aml_case_notes (id, case_id, author, body, written_at) values (:id, :c, :a, :b, :now)")
                .param("id", TimeOrderedIds.next(clock)).param("c", id.value()).param("a", Journal.clip(author, 200))
                .param("b", body).param("now", Journal.ts(clock.instant())).update();
    }

    private void history(CaseId id, CaseStatus from, CaseStatus to, String actor, String detail) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from aml_case_history where case_id = :c")
                .param("c", id.value()).query(Integer.class).single();
        jdbc.sql("""
                insert into aml_case_history (id, case_id, seq, from_status, to_status, actor, detail, changed_at)
                values (:id, :c, :seq, :from, :to, :actor, :detail, :now)""")
                .param("id", TimeOrderedIds.next(clock)).param("c", id.value()).param("seq", seq)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("actor", Journal.clip(actor, 200))
                .param("detail", Journal.clip(detail, 2000)).param("now", Journal.ts(clock.instant())).update();
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Row read(ResultSet rs, int n) throws SQLException {
        UUID report = rs.getObject("report_id", UUID.class);
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        String proposal = rs.getString("proposal");
        return new Row(new CaseId(rs.getObject("id", UUID.class)), new PartyId(rs.getObject("party_id", UUID.class)),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("assignee"), rs.getString("preparer"),
                proposal == null ? null : AmlCase.Proposal.valueOf(proposal), rs.getString("rationale"),
                rs.getString("approver"), rs.getObject("due_on", LocalDate.class),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant(),
                report == null ? null : new ReportId(report));
    }
}
