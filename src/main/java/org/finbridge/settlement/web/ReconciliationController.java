package org.finbridge.settlement.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.Problems;
import org.finbridge.settlement.ConnectorReportResult;
import org.finbridge.settlement.ReconciliationOutcome;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.settlement.SafeguardingReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconciliation of imported bank statements (operators) and the daily safeguarding reports, which
 * operators compute and both operators and regulators read (scope {@code supervision:read}).
 */
@RestController
class ReconciliationController {

    private final Reconciliations reconciliations;

    ReconciliationController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    record ReconcileBody(String fileId) {
    }

    record ReportBody(String date) {
    }

    @PostMapping("/api/v1/settlement/reconciliations")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> reconcile(Actor actor, @RequestBody ReconcileBody body) {
        return reconciliations.reconcile(actor, body.fileId()).<ResponseEntity<?>>map(ResponseEntity::ok)
                // the file is named in the body: an unknown one is a refused request, not a missing resource
                .orElseGet(() -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_STATEMENT_FILE",
                        "no imported bank statement file " + body.fileId()));
    }

    @GetMapping("/api/v1/settlement/reconciliation-exceptions")
    @Access(value = ApiScope.PAYMENTS_READ, operatorOnly = true)
    List<ReconciliationOutcome.ExceptionLine> exceptions(Actor actor, @RequestParam(defaultValue = "100") int limit) {
        return reconciliations.exceptions(actor, limit);
    }

    /**
     * A connector's daily settlement report, as the connector publishes it (CSV, sent as the request body
     * whatever its declared type), for the three-way reconciliation.
     */
    @PostMapping("/api/v1/settlement/connector-reports")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> importConnectorReport(Actor actor, @RequestBody String csv,
                                            @RequestParam(name = "fileName", required = false) String fileName) {
        return switch (reconciliations.importConnectorReport(actor, fileName, csv)) {
            case ConnectorReportResult.Imported i -> ResponseEntity.status(HttpStatus.CREATED).body(i);
            case ConnectorReportResult.AlreadyImported a -> ResponseEntity.ok(a);
            case ConnectorReportResult.Conflicting c -> Problems.response(HttpStatus.CONFLICT, "CONNECTOR_REPORT_CONFLICT",
                    "a different report of " + c.connector() + " for " + c.date() + " in " + c.currency() + " is already kept");
            case ConnectorReportResult.Unreadable u -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNREADABLE_CONNECTOR_REPORT",
                    u.problem());
        };
    }

    record ThreeWayBody(String date, List<String> statementFileIds) {
    }

    @PostMapping("/api/v1/settlement/three-way-reconciliations")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> reconcileThreeWay(Actor actor, @RequestBody ThreeWayBody body) {
        LocalDate date;
        try {
            date = LocalDate.parse(body.date());
        } catch (DateTimeParseException | NullPointerException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", "date must be a date like 2026-11-27");
        }
        List<String> files = body.statementFileIds() == null ? List.of() : body.statementFileIds();
        return reconciliations.reconcileThreeWay(actor, date, files).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_STATEMENT_FILE",
                        "no imported bank statement file among " + files));
    }

    @GetMapping("/api/v1/settlement/three-way-reconciliations")
    @Access(value = ApiScope.PAYMENTS_READ, operatorOnly = true)
    ResponseEntity<?> threeWay(Actor actor, @RequestParam String date) {
        try {
            return ResponseEntity.ok(reconciliations.threeWay(actor, LocalDate.parse(date)));
        } catch (DateTimeParseException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", "date must be a date like 2026-11-27");
        }
    }

    @PostMapping("/api/v1/settlement/safeguarding-reports")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<?> computeReport(Actor actor, @RequestBody ReportBody body) {
        LocalDate date;
        try {
            date = LocalDate.parse(body.date());
        } catch (DateTimeParseException | NullPointerException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", "date must be a date like 2026-11-27");
        }
        return ResponseEntity.ok(reconciliations.safeguarding(date, actor.name()));
    }

    @GetMapping("/api/v1/settlement/safeguarding-reports")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<SafeguardingReport> reports(Actor actor, @RequestParam(defaultValue = "30") int limit) {
        return reconciliations.safeguardingReports(actor, limit);
    }
}
