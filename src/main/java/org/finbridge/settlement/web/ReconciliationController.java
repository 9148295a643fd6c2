package org.finbridge.settlement.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.Problems;
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
