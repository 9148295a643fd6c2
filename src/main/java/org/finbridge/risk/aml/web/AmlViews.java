package org.finbridge.risk.aml.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.risk.aml.Alert;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlReport;

/** The JSON shapes of the AML API. Amounts are CNY fen (minor units) with their currency named. */
final class AmlViews {

    private AmlViews() {
    }

    record AlertView(String id, String rule, String category, String featureCode, String partyId, String window,
                     String summary, Long amountCnyMinor, String currency, List<String> transactions, String status,
                     String caseId, String reportId, Instant raisedAt, Instant updatedAt) {
        static AlertView of(Alert a) {
            return new AlertView(a.id().toString(), a.ruleName(), a.category().name(), a.featureCode(), a.partyId().toString(),
                    a.windowKey(), a.summary(), a.amountCnyMinor(), "CNY", a.transactionRefs(), a.status().name(),
                    a.caseId() == null ? null : a.caseId().toString(), a.reportId() == null ? null : a.reportId().toString(),
                    a.raisedAt(), a.updatedAt());
        }
    }

    record CaseView(String id, String partyId, String status, String assignee, String preparer, String proposal,
                    String rationale, String approver, LocalDate dueOn, boolean overdue, Instant openedAt, Instant closedAt,
                    String reportId, List<AlertView> alerts, List<AmlCase.Note> notes, List<AmlCase.StatusChange> history) {
        static CaseView of(AmlCase c) {
            return new CaseView(c.id().toString(), c.partyId().toString(), c.status().name(), c.assignee(), c.preparer(),
                    c.proposal() == null ? null : c.proposal().name(), c.rationale(), c.approver(), c.dueOn(), c.overdue(),
                    c.openedAt(), c.closedAt(), c.reportId() == null ? null : c.reportId().toString(),
                    c.alerts().stream().map(AlertView::of).toList(), c.notes(), c.history());
        }
    }

    record ReportView(String id, String type, String featureCode, String partyId, String caseId, LocalDate subjectDate,
                      LocalDate dueOn, int transactionCount, Instant createdAt, LocalDate keepUntil) {
        static ReportView of(AmlReport r) {
            return new ReportView(r.id().toString(), r.type().name(), r.featureCode(), r.partyId().toString(),
                    r.caseId() == null ? null : r.caseId().toString(), r.subjectDate(), r.dueOn(), r.transactionCount(),
                    r.createdAt(), r.keepUntil());
        }
    }
}
