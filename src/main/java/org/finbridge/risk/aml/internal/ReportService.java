package org.finbridge.risk.aml.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.risk.aml.Alert;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlReport;
import org.finbridge.risk.aml.AmlReports;
import org.finbridge.risk.aml.CaseId;
import org.finbridge.risk.aml.DeletionResult;
import org.finbridge.risk.aml.ReportId;
import org.finbridge.risk.aml.ReportType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files LTRs (when their day is over) and STRs (when a case's filing is approved) as XML records, and
 * keeps them: AML Law 2024 art. 34 requires transaction records for at least 10 years after the
 * transaction (REGULATIONS §4.1, Appendix A {@code cn_aml.record_retention_years}), so a report can be
 * deleted only from its {@code keep_until} day on.
 */
@Service
class ReportService implements AmlReports {

    /** LTR within 5 working days of the transaction; STR within 5 working days of confirmation (REGULATIONS §4.2 ⚠). */
    static final int FILING_WORKING_DAYS = 5;

    private static final String SELECT = """
            select id, report_type, feature_code, party_id, case_id, subject_date, due_on, transaction_count, created_at,
                   keep_until from aml_reports""";

    private final JdbcClient jdbc;
    private final Journal journal;
    private final AlertStore alerts;
    private final Parties parties;
    private final AmlAudit audit;
    private final Clock clock;
    private final String ricd;
    private final String finc;

    ReportService(JdbcClient jdbc, Journal journal, AlertStore alerts, Parties parties, AmlAudit audit, Clock clock,
                  @Value("${finbridge.aml.reporting-institution-code:@N}") String ricd,
                  @Value("${finbridge.aml.branch-code:@N}") String finc) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.alerts = alerts;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
        this.ricd = ricd;
        this.finc = finc;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public org.finbridge.risk.aml.LtrFiling fileLargeValue(org.finbridge.party.Actor actor, org.finbridge.risk.aml.AlertId id) {
        if (!actor.isOperator()) {
            return new org.finbridge.risk.aml.LtrFiling.NotFound(id);
        }
        Optional<Alert> found = alerts.lock(id).filter(a -> a.category() == ReportType.LTR);
        if (found.isEmpty()) {
            return new org.finbridge.risk.aml.LtrFiling.NotFound(id);
        }
        Alert alert = found.get();
        if (alert.status() != org.finbridge.risk.aml.AlertStatus.OPEN) {
            return new org.finbridge.risk.aml.LtrFiling.AlreadyFiled(alert.status(), alert.reportId());
        }
        LocalDate day = LocalDate.parse(alert.windowKey().substring(0, alert.windowKey().indexOf(':')));
        if (!day.isBefore(Activity.reportingDay(clock.instant()))) {
            return new org.finbridge.risk.aml.LtrFiling.DayNotOver(day);
        }
        AmlReport report = fileLargeValue(alert);
        audit.record(actor, "aml.report.file.request", "aml_alert", id.toString(), "OPEN",
                "{\"type\":\"LTR\",\"report\":\"" + report.id() + "\"}");
        return new org.finbridge.risk.aml.LtrFiling.Filed(report);
    }

    /** Files the LTR of a large-value alert whose day is over (the caller checks the day). */
    AmlReport fileLargeValue(Alert alert) {
        List<AmlTransaction> transactions = journal.byIds(alert.transactionRefs());
        LocalDate day = LocalDate.parse(alert.windowKey().substring(0, alert.windowKey().indexOf(':')));
        String direction = alert.windowKey().substring(alert.windowKey().indexOf(':') + 1);
        long cny = transactions.stream().filter(AmlTransaction::inCny).mapToLong(t -> t.amount().minorUnits()).sum();
        long usd = transactions.stream().filter(t -> !t.inCny()).mapToLong(AmlTransaction::usdOrZero).sum();
        ReportId id = new ReportId(TimeOrderedIds.next(clock));
        LocalDate due = WorkingDays.plus(day, FILING_WORKING_DAYS);
        LocalDate keepUntil = Retention.keepUntil(day);
        String xml = ReportXml.write(header(id, ReportType.LTR, due, keepUntil), customer(alert.partyId()),
                new ReportXml.LargeValue(alert.featureCode(), day, direction, cny, usd), null, transactions);
        AmlReport report = store(id, ReportType.LTR, alert.featureCode(), alert.partyId(), null, day, due, keepUntil,
                transactions.size(), xml);
        alerts.markReported(List.of(alert.id()), id);
        audit.system("aml.report.file", "aml_report", id.toString(), "{\"type\":\"LTR\",\"featureCode\":\""
                + alert.featureCode() + "\",\"alert\":\"" + alert.id() + "\",\"transactions\":" + transactions.size() + "}");
        return report;
    }

    /** Files the STR of a case whose filing a second person approved. */
    AmlReport fileSuspicious(AmlCase amlCase, String approver, Instant decidedAt) {
        Set<String> refs = new LinkedHashSet<>();
        List<ReportXml.RuleHit> rules = new ArrayList<>();
        Instant detected = amlCase.openedAt();
        for (Alert a : amlCase.alerts()) {
            refs.addAll(a.transactionRefs());
            rules.add(new ReportXml.RuleHit(a.ruleName(), a.windowKey(), a.summary()));
            detected = a.raisedAt().isBefore(detected) ? a.raisedAt() : detected;
        }
        if (rules.isEmpty()) {
            rules.add(new ReportXml.RuleHit("staff-referral", "case", "referred by staff; see the rationale"));
        }
        List<AmlTransaction> transactions = journal.byIds(refs);
        ReportId id = new ReportId(TimeOrderedIds.next(clock));
        LocalDate day = Activity.reportingDay(decidedAt);
        LocalDate due = WorkingDays.plus(day, FILING_WORKING_DAYS);
        LocalDate keepUntil = Retention.keepUntil(day);
        String xml = ReportXml.write(header(id, ReportType.STR, due, keepUntil), customer(amlCase.partyId()), null,
                new ReportXml.Suspicion(amlCase.id().toString(), rules, amlCase.rationale(), amlCase.preparer(), approver,
                        detected, decidedAt), transactions);
        AmlReport report = store(id, ReportType.STR, null, amlCase.partyId(), amlCase.id(), day, due, keepUntil,
                transactions.size(), xml);
        alerts.markReported(amlCase.alerts().stream().map(Alert::id).toList(), id);
        return report;
    }

    private ReportXml.Header header(ReportId id, ReportType type, LocalDate due, LocalDate keepUntil) {
        return new ReportXml.Header(id.toString(), type, ricd, finc, clock.instant(), due, keepUntil);
    }

    private ReportXml.Customer customer(PartyId partyId) {
        Optional<Party> party = parties.find(partyId);
        if (party.isEmpty()) {
            return new ReportXml.Customer(partyId.toString(), null, false, null, null, null);
        }
        Party p = party.get();
        boolean person = p.kind() == PartyKind.BUYER;
        String idType = null;
        String idNumber = null;
        for (Map.Entry<String, String> e : p.identifiers().entrySet()) {
            String scheme = e.getKey().toUpperCase(Locale.ROOT).replace('-', '_');
            // customer identification type codes of the monitoring centre's format (REGULATIONS §4.2)
            String code = switch (scheme) {
                case "USCC" -> "21";
                case "CN_RESIDENT_ID" -> "11";
                case "PASSPORT" -> "15";
                default -> null;
            };
            if (code != null) {
                idType = code;
                idNumber = e.getValue();
                break;
            }
        }
        String name = p.legalNameOriginal() != null ? p.legalNameOriginal() : p.legalName();
        return new ReportXml.Customer(partyId.toString(), name, person, idType, idNumber, p.country());
    }

    private AmlReport store(ReportId id, ReportType type, String featureCode, PartyId party, CaseId caseId, LocalDate day,
                            LocalDate due, LocalDate keepUntil, int count, String xml) {
        String problem = ReportXml.problem(xml);
        if (problem != null) {
            throw new IllegalStateException("an AML report failed its own schema: " + problem);
        }
        jdbc.sql("""
                insert into aml_reports (id, report_type, feature_code, party_id, case_id, subject_date, due_on,
                    transaction_count, xml, created_at, keep_until)
                values (:id, :type, :code, :party, :case, :day, :due, :count, :xml, :now, :keep)""")
                .param("id", id.value()).param("type", type.name()).param("code", featureCode).param("party", party.value())
                .param("case", caseId == null ? null : caseId.value()).param("day", day).param("due", due)
                .param("count", count).param("xml", xml).param("now", Journal.ts(clock.instant())).param("keep", keepUntil)
                .update();
        return find(id).orElseThrow();
    }

    @Override
    public List<AmlReport> list(ReportType type, int limit) {
        return jdbc.sql(SELECT + (type == null ? "" : " where report_type = :t") + " order by created_at desc, id desc limit :l")
                .param("t", type == null ? "" : type.name()).param("l", limit).query(ReportService::read).list();
    }

    @Override
    public Optional<AmlReport> find(ReportId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(ReportService::read).optional();
    }

    @Override
    public Optional<String> xml(ReportId id) {
        return jdbc.sql("select xml from aml_reports where id = :id").param("id", id.value()).query(String.class).optional();
    }

    @Override
    @Transactional
    public DeletionResult delete(Actor actor, ReportId id) {
        Optional<AmlReport> report = find(id);
        if (report.isEmpty()) {
            return new DeletionResult.NotFound();
        }
        if (Retention.refusal(report.get().keepUntil(), clock).isPresent()) {
            audit.record(actor, "aml.report.delete.refuse", "aml_report", id.toString(), null,
                    "{\"keepUntil\":\"" + report.get().keepUntil() + "\"}");
            return new DeletionResult.RetentionPeriod(report.get().keepUntil());
        }
        jdbc.sql("delete from aml_reports where id = :id").param("id", id.value()).update();
        audit.record(actor, "aml.report.delete", "aml_report", id.toString(), "{\"type\":\"" + report.get().type()
                + "\",\"subjectDate\":\"" + report.get().subjectDate() + "\"}", null);
        return new DeletionResult.Deleted(id);
    }

    private static AmlReport read(ResultSet rs, int n) throws SQLException {
        UUID caseId = rs.getObject("case_id", UUID.class);
        return new AmlReport(new ReportId(rs.getObject("id", UUID.class)), ReportType.valueOf(rs.getString("report_type")),
                rs.getString("feature_code"), new PartyId(rs.getObject("party_id", UUID.class)),
                caseId == null ? null : new CaseId(caseId), rs.getObject("subject_date", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getInt("transaction_count"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("keep_until", LocalDate.class));
    }
}
