package org.finbridge.console.web;

import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.AmlReports;
import org.finbridge.risk.aml.LtrFiling;
import org.finbridge.risk.aml.CaseId;
import org.finbridge.risk.aml.CaseResult;
import org.finbridge.risk.aml.CaseStatus;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.fraud.ReviewResult;
import org.finbridge.risk.sanctions.DecisionResult;
import org.finbridge.risk.sanctions.HitId;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.SanctionsReview;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk analysts' work on their queues, from the operations page: a payment held for fraud review is
 * approved or declined, an AML case is worked to its decision (notes, a proposal to close it or to file an
 * STR, the second analyst's approval), a possible sanctions match is confirmed or dismissed. Every action
 * goes through the owning module's public API, which audits it; the console asks for a reason each time
 * (it becomes the verdict's note, the case's rationale or the hit's note) and refuses, changing nothing,
 * when one is missing. Only operators holding the risk review duty reach these routes (404 for anyone else,
 * as for an unknown id: AML cases are confidential, AML Law art. 35).
 */
@Controller
class OperatorQueueActions {

    /** The console's limit on a reason: a sentence or two, within what every module keeps. */
    static final int MAX_REASON = 500;

    private final FraudReviews fraud;
    private final AmlCases amlCases;
    private final SanctionsReview sanctions;
    private final AmlReports reports;

    OperatorQueueActions(FraudReviews fraud, AmlCases amlCases, SanctionsReview sanctions, AmlReports reports) {
        this.reports = reports;
        this.fraud = fraud;
        this.amlCases = amlCases;
        this.sanctions = sanctions;
    }

    private static void requireAnalyst(Actor actor) {
        if (!actor.isOperator() || !actor.has(ApiScope.RISK_REVIEW)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no risk review queues for this user");
        }
    }

    private static Optional<String> reason(String text) {
        String why = text == null ? "" : text.strip();
        return why.isEmpty() || why.length() > MAX_REASON ? Optional.empty() : Optional.of(why);
    }

    /**
     * Approves (the payment stands, labelled legitimate) or declines (its money goes back, and it is labelled
     * fraud, which also blocks the card, e-mail, device and address next time) a payment the fraud policy let
     * through for review: risk's {@link FraudReviews#settle}.
     */
    @PostMapping("/console/app/operator/fraud/{id}/review")
    String reviewFraud(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
                       @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String back,
                       RedirectAttributes flash) {
        requireAnalyst(actor);
        String page = PagedTable.returnTo(OperatorPages.PATH, back, "fraud-heading");
        FraudDecision d = fraud.find(id).orElseThrow(() -> new NotFoundException("FRAUD_DECISION_NOT_FOUND", "no such decision: " + id));
        if (!"APPROVE".equals(decision) && !"DECLINE".equals(decision)) {
            return refused(flash, page, "operator.fraud.error.decision", null);
        }
        boolean approve = "APPROVE".equals(decision);
        Optional<String> why = reason(reason);
        if (why.isEmpty()) {
            return refused(flash, page, "operator.fraud.error.reason", null);
        }
        String payment = String.valueOf(d.paymentId());
        return switch (fraud.settle(d.id(), approve, why.get(), actor)) {
            case ReviewResult.Reviewed r -> notice(flash, page, approve ? "operator.fraud.approved" : "operator.fraud.declined", payment);
            case ReviewResult.NotFound nf -> throw new NotFoundException("FRAUD_DECISION_NOT_FOUND", "no such decision: " + id);
            case ReviewResult.AlreadyReviewed a -> refused(flash, page, "operator.fraud.error.reviewed", payment);
            case ReviewResult.InvalidField f -> refused(flash, page, "operator.fraud.error.reason", null);
            case ReviewResult.NotReleased n -> refused(flash, page, "operator.fraud.error.release", payment);
        };
    }

    /**
     * Files a large-value alert's LTR now (REGULATIONS §4.2), rather than at the next monitoring pass: risk's
     * {@link AmlReports#fileLargeValue}, which audits it and files each alert's report once. The regulator then
     * finds the report among the filed ones.
     */
    @PostMapping("/console/app/operator/ltr/{id}/file")
    String fileLtr(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String back,
                   RedirectAttributes flash) {
        requireAnalyst(actor);
        String page = PagedTable.returnTo(OperatorPages.PATH, back, "ltr-heading");
        org.finbridge.risk.aml.AlertId alert;
        try {
            alert = org.finbridge.risk.aml.AlertId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("ALERT_NOT_FOUND", "no such alert: " + id);
        }
        return switch (reports.fileLargeValue(actor, alert)) {
            case LtrFiling.Filed f -> notice(flash, page, "operator.ltr.filed", f.report().id().toString());
            case LtrFiling.NotFound nf -> throw new NotFoundException("ALERT_NOT_FOUND", "no such alert: " + id);
            case LtrFiling.AlreadyFiled a -> refused(flash, page, "operator.ltr.error.filed", id);
            case LtrFiling.DayNotOver d -> refused(flash, page, "operator.ltr.error.day", d.day().toString());
        };
    }

    /**
     * A step on an AML case (REGULATIONS §4, STR case management): a note; the preparer's proposal to close
     * it as not suspicious or to file an STR (an open case is taken by the proposing analyst first); the
     * second analyst's approval, which closes the case or files the STR, or return to review. The text is
     * the note, the rationale or the approver's comment. Large-value reports (LTR) need no case: risk files
     * them by threshold.
     */
    @PostMapping("/console/app/operator/aml/{id}/{action}")
    String workCase(Actor actor, @PathVariable String id, @PathVariable String action,
                    @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String back,
                    RedirectAttributes flash) {
        requireAnalyst(actor);
        String page = PagedTable.returnTo(OperatorPages.PATH, back, "aml-heading");
        CaseId caseId;
        try {
            caseId = CaseId.parse(id);
        } catch (RuntimeException e) {
            throw new NotFoundException("AML_CASE_NOT_FOUND", "no such case: " + id);
        }
        AmlCase current = amlCases.find(caseId).orElseThrow(() -> new NotFoundException("AML_CASE_NOT_FOUND", "no such case: " + id));
        if (!java.util.List.of("note", "propose-no-report", "propose-str", "approve", "return").contains(action)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no such step: " + action);
        }
        Optional<String> why = reason(text);
        if (why.isEmpty()) {
            return refused(flash, page, "operator.aml.error.text", null);
        }
        CaseResult result = switch (action) {
            case "note" -> amlCases.addNote(actor, caseId, why.get());
            case "propose-no-report", "propose-str" -> {
                if (current.status() == CaseStatus.OPEN) {
                    CaseResult taken = amlCases.assign(actor, caseId, actor.name());
                    if (!(taken instanceof CaseResult.Done)) {
                        yield taken;
                    }
                }
                yield amlCases.propose(actor, caseId, action.equals("propose-str") ? AmlCase.Proposal.FILE_STR
                        : AmlCase.Proposal.NO_REPORT, why.get());
            }
            case "approve" -> amlCases.decide(actor, caseId, true, why.get());
            default -> amlCases.decide(actor, caseId, false, why.get());
        };
        return switch (result) {
            case CaseResult.Done done -> notice(flash, page, switch (action) {
                case "note" -> "operator.aml.noted";
                case "propose-no-report" -> "operator.aml.proposed.NO_REPORT";
                case "propose-str" -> "operator.aml.proposed.FILE_STR";
                case "approve" -> "operator.aml.decided." + done.amlCase().status();
                default -> "operator.aml.returned";
            }, id);
            case CaseResult.NotFound nf -> throw new NotFoundException("AML_CASE_NOT_FOUND", "no such case: " + id);
            case CaseResult.InvalidField f -> refused(flash, page, "operator.aml.error.text", null);
            case CaseResult.IllegalTransition t -> refused(flash, page, "operator.aml.error.state", id);
            case CaseResult.FourEyesRequired f -> refused(flash, page, "operator.aml.error.fourEyes", id);
        };
    }

    /**
     * Settles a possible sanctions match: confirmed, the party stays stopped and its payouts blocked (AML Law
     * art. 41); dismissed as a false positive, sanctions releases what the hit held (payouts to the payee)
     * in the same transaction as the decision.
     */
    @PostMapping("/console/app/operator/hits/{id}/decision")
    String decideHit(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
                     @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String back,
                     RedirectAttributes flash) {
        requireAnalyst(actor);
        String page = PagedTable.returnTo(OperatorPages.PATH, back, "hits-heading");
        HitId hit;
        try {
            hit = HitId.parse(id);
        } catch (RuntimeException e) {
            throw new NotFoundException("SANCTIONS_HIT_NOT_FOUND", "no such hit: " + id);
        }
        var found = sanctions.find(hit).orElseThrow(() -> new NotFoundException("SANCTIONS_HIT_NOT_FOUND", "no such hit: " + id));
        HitStatus status;
        if ("CONFIRM".equals(decision)) {
            status = HitStatus.TRUE_MATCH;
        } else if ("DISMISS".equals(decision)) {
            status = HitStatus.FALSE_POSITIVE;
        } else {
            return refused(flash, page, "operator.hits.error.decision", null);
        }
        Optional<String> why = reason(reason);
        if (why.isEmpty()) {
            return refused(flash, page, "operator.hits.error.reason", null);
        }
        return switch (sanctions.decide(hit, status, why.get(), actor)) {
            case DecisionResult.Decided d -> notice(flash, page, status == HitStatus.TRUE_MATCH ? "operator.hits.confirmed"
                    : "operator.hits.dismissed", found.subjectName());
            case DecisionResult.NotFound nf -> throw new NotFoundException("SANCTIONS_HIT_NOT_FOUND", "no such hit: " + id);
            case DecisionResult.AlreadyDecided a -> refused(flash, page, "operator.hits.error.decided", found.subjectName());
            case DecisionResult.InvalidField f -> refused(flash, page, "operator.hits.error.reason", null);
        };
    }

    private static String notice(RedirectAttributes flash, String page, String key, String arg) {
        flash.addFlashAttribute("notice", key);
        flash.addFlashAttribute("noticeArg", arg);
        return page;
    }

    private static String refused(RedirectAttributes flash, String page, String key, String arg) {
        flash.addFlashAttribute("error", key);
        flash.addFlashAttribute("errorArg", arg);
        return page;
    }
}
