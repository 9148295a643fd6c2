package org.finbridge.risk.aml.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.risk.aml.AlertId;
import org.finbridge.risk.aml.AlertStatus;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.AmlMonitoring;
import org.finbridge.risk.aml.AmlReports;
import org.finbridge.risk.aml.CaseId;
import org.finbridge.risk.aml.CaseResult;
import org.finbridge.risk.aml.CaseStatus;
import org.finbridge.risk.aml.ReportId;
import org.finbridge.risk.aml.ReportType;
import org.finbridge.risk.aml.web.AmlViews.AlertView;
import org.finbridge.risk.aml.web.AmlViews.CaseView;
import org.finbridge.risk.aml.web.AmlViews.ReportView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * AML alerts, cases and reports for the platform's analysts (scope {@code risk:review}, operators only:
 * STR work is confidential, AML Law art. 35, so no merchant ever sees it), and the filed reports read-only
 * for supervisors (scope {@code supervision:read}, regulators). Refusals: 400 INVALID_FIELD, 404
 * ALERT_NOT_FOUND / CASE_NOT_FOUND / REPORT_NOT_FOUND, 409 ILLEGAL_CASE_TRANSITION / FOUR_EYES_REQUIRED.
 */
@RestController
class AmlController {

    static final String BASE = "/api/v1/aml";
    static final String SUPERVISION = "/api/v1/supervision/aml-reports";
    static final MediaType XML = MediaType.APPLICATION_XML;

    private final AmlMonitoring monitoring;
    private final AmlCases cases;
    private final AmlReports reports;

    AmlController(AmlMonitoring monitoring, AmlCases cases, AmlReports reports) {
        this.monitoring = monitoring;
        this.cases = cases;
        this.reports = reports;
    }

    // ---- alerts

    @GetMapping(BASE + "/alerts")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> alerts(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        Optional<AlertStatus> s = parse(AlertStatus.class, status);
        if (status != null && s.isEmpty()) {
            return invalid("status", "OPEN, IN_CASE or REPORTED");
        }
        return ResponseEntity.ok(monitoring.alerts(s.orElse(null), clamp(limit)).stream().map(AlertView::of).toList());
    }

    @GetMapping(BASE + "/alerts/{id}")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    AlertView alert(@PathVariable String id) {
        return monitoring.alert(id(id, AlertId::parse, "ALERT_NOT_FOUND")).map(AlertView::of)
                .orElseThrow(() -> new NotFoundException("ALERT_NOT_FOUND", "no such object: " + id));
    }

    // ---- cases

    @GetMapping(BASE + "/cases")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> cases(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        Optional<CaseStatus> s = parse(CaseStatus.class, status);
        if (status != null && s.isEmpty()) {
            return invalid("status", "OPEN, IN_REVIEW, AWAITING_APPROVAL, REPORTED or CLOSED_NO_REPORT");
        }
        return ResponseEntity.ok(cases.list(s.orElse(null), clamp(limit)).stream().map(CaseView::of).toList());
    }

    record ReferralBody(String partyId, String reason) {
    }

    /** A staff referral: opens a case on the party (or answers its open case, with the referral as a note). */
    @PostMapping(BASE + "/cases")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> refer(Actor actor, @RequestBody ReferralBody body) {
        CaseResult r = cases.open(actor, body.partyId(), body.reason());
        if (r instanceof CaseResult.Done d) {
            return ResponseEntity.created(URI.create(BASE + "/cases/" + d.amlCase().id())).body(CaseView.of(d.amlCase()));
        }
        return answer(r, body.partyId());
    }

    @GetMapping(BASE + "/cases/{id}")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    CaseView amlCase(@PathVariable String id) {
        return cases.find(id(id, CaseId::parse, "CASE_NOT_FOUND")).map(CaseView::of)
                .orElseThrow(() -> new NotFoundException("CASE_NOT_FOUND", "no such object: " + id));
    }

    record AssignBody(String assignee) {
    }

    @PostMapping(BASE + "/cases/{id}/assignment")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> assign(Actor actor, @PathVariable String id, @RequestBody AssignBody body) {
        return answer(cases.assign(actor, id(id, CaseId::parse, "CASE_NOT_FOUND"), body.assignee()), id);
    }

    record NoteBody(String body) {
    }

    @PostMapping(BASE + "/cases/{id}/notes")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> note(Actor actor, @PathVariable String id, @RequestBody NoteBody body) {
        return answer(cases.addNote(actor, id(id, CaseId::parse, "CASE_NOT_FOUND"), body.body()), id);
    }

    record ProposalBody(String proposal, String rationale) {
    }

    @PostMapping(BASE + "/cases/{id}/proposal")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> propose(Actor actor, @PathVariable String id, @RequestBody ProposalBody body) {
        CaseId caseId = id(id, CaseId::parse, "CASE_NOT_FOUND");
        AmlCase.Proposal proposal = parse(AmlCase.Proposal.class, body.proposal()).orElse(null);
        return answer(cases.propose(actor, caseId, proposal, body.rationale()), id);
    }

    record DecisionBody(String decision, String comment) {
    }

    /** The second person's decision: {@code APPROVE} (file the STR or close) or {@code REJECT} (back to review). */
    @PostMapping(BASE + "/cases/{id}/decision")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> decide(Actor actor, @PathVariable String id, @RequestBody DecisionBody body) {
        CaseId caseId = id(id, CaseId::parse, "CASE_NOT_FOUND");
        if (body.decision() == null || !(body.decision().equalsIgnoreCase("APPROVE") || body.decision().equalsIgnoreCase("REJECT"))) {
            return invalid("decision", "APPROVE or REJECT");
        }
        return answer(cases.decide(actor, caseId, body.decision().equalsIgnoreCase("APPROVE"), body.comment()), id);
    }

    // ---- reports: analysts and supervisors

    @GetMapping(BASE + "/reports")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> reports(@RequestParam(required = false) String type, @RequestParam(defaultValue = "100") int limit) {
        return listReports(type, limit);
    }

    @GetMapping(BASE + "/reports/{id}")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ReportView report(@PathVariable String id) {
        return findReport(id);
    }

    @GetMapping(value = BASE + "/reports/{id}/xml", produces = "application/xml")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<String> reportXml(@PathVariable String id) {
        return xml(id);
    }

    @GetMapping(SUPERVISION)
    @Access(value = ApiScope.SUPERVISION_READ, kinds = org.finbridge.party.PartyKind.REGULATOR)
    ResponseEntity<?> supervisedReports(@RequestParam(required = false) String type, @RequestParam(defaultValue = "100") int limit) {
        return listReports(type, limit);
    }

    @GetMapping(SUPERVISION + "/{id}")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = org.finbridge.party.PartyKind.REGULATOR)
    ReportView supervisedReport(@PathVariable String id) {
        return findReport(id);
    }

    @GetMapping(value = SUPERVISION + "/{id}/xml", produces = "application/xml")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = org.finbridge.party.PartyKind.REGULATOR)
    ResponseEntity<String> supervisedReportXml(@PathVariable String id) {
        return xml(id);
    }

    private ResponseEntity<?> listReports(String type, int limit) {
        Optional<ReportType> t = parse(ReportType.class, type);
        if (type != null && t.isEmpty()) {
            return invalid("type", "LTR or STR");
        }
        return ResponseEntity.ok(reports.list(t.orElse(null), clamp(limit)).stream().map(ReportView::of).toList());
    }

    private ReportView findReport(String id) {
        return reports.find(id(id, ReportId::parse, "REPORT_NOT_FOUND")).map(ReportView::of)
                .orElseThrow(() -> new NotFoundException("REPORT_NOT_FOUND", "no such object: " + id));
    }

    private ResponseEntity<String> xml(String id) {
        return reports.xml(id(id, ReportId::parse, "REPORT_NOT_FOUND"))
                .map(x -> ResponseEntity.ok().contentType(XML).body(x))
                .orElseThrow(() -> new NotFoundException("REPORT_NOT_FOUND", "no such object: " + id));
    }

    private static ResponseEntity<?> answer(CaseResult r, String id) {
        return switch (r) {
            case CaseResult.Done d -> ResponseEntity.ok(CaseView.of(d.amlCase()));
            case CaseResult.NotFound n -> throw new NotFoundException("CASE_NOT_FOUND", "no such object: " + id);
            case CaseResult.InvalidField f -> invalid(f.field(), f.reason());
            case CaseResult.IllegalTransition t -> Problems.response(HttpStatus.CONFLICT, "ILLEGAL_CASE_TRANSITION",
                    "a case " + t.status() + " cannot " + t.action());
            case CaseResult.FourEyesRequired f -> Problems.response(HttpStatus.CONFLICT, "FOUR_EYES_REQUIRED",
                    "the proposal was prepared by " + f.preparer() + "; another person must decide it");
        };
    }

    private static <T> T id(String text, java.util.function.Function<String, T> parser, String code) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(code, "no such object: " + text);
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(value.strip())).findFirst();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 500));
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }
}
