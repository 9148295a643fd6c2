package org.finbridge.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.KybApplication;
import org.finbridge.party.KybApplicationId;
import org.finbridge.party.KybDecision;
import org.finbridge.party.KybResult;
import org.finbridge.party.KybState;
import org.finbridge.party.Onboarding;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.RiskTier;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.CaseStatus;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.ReviewHit;
import org.finbridge.risk.sanctions.SanctionsReview;
import org.finbridge.settlement.ReconciliationOutcome;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.webhooks.WebhookDelivery;
import org.finbridge.webhooks.WebhookEndpoints;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform operators' work queues, one section per duty the logged-in operator holds (duties are
 * separated, see {@code ConsoleRole}): the KYB review queue with its decisions (reviewers), the fraud review
 * queue, the AML cases and the sanctions hits (risk analysts), the bank reconciliation's exceptions (finance
 * and risk, who read the ledger), and the webhook deliveries that failed for good (administrators). Each
 * queue is read through its module's public API as the operator; AML cases stay behind the operator pages
 * (AML Law art. 35: no tipping-off).
 */
@Controller
class OperatorPages {

    /**
     * Items shown per queue, oldest (or most urgent) first. A backlog beyond it is worked from the top; until
     * the queues page, it is kept large enough that a busy day's backlog fits.
     */
    static final int QUEUE = 500;

    private final Onboarding onboarding;
    private final Parties parties;
    private final FraudReviews fraud;
    private final AmlCases amlCases;
    private final SanctionsReview sanctions;
    private final Reconciliations reconciliations;
    private final WebhookEndpoints webhooks;

    OperatorPages(Onboarding onboarding, Parties parties, FraudReviews fraud, AmlCases amlCases, SanctionsReview sanctions,
                  Reconciliations reconciliations, WebhookEndpoints webhooks) {
        this.onboarding = onboarding;
        this.parties = parties;
        this.fraud = fraud;
        this.amlCases = amlCases;
        this.sanctions = sanctions;
        this.reconciliations = reconciliations;
        this.webhooks = webhooks;
    }

    private static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no operator pages for this user");
        }
    }

    @GetMapping("/console/app/operator")
    String queues(Actor actor, Model model) {
        requireOperator(actor);
        model.addAttribute("actor", actor);
        boolean kyb = actor.has(ApiScope.KYB_REVIEW);
        boolean risk = actor.has(ApiScope.RISK_REVIEW);
        boolean ledger = actor.has(ApiScope.LEDGER_READ);
        boolean hooks = actor.has(ApiScope.WEBHOOKS_MANAGE);
        model.addAttribute("showKyb", kyb);
        model.addAttribute("showRisk", risk);
        model.addAttribute("showReconciliation", ledger);
        model.addAttribute("showWebhooks", hooks);
        if (kyb) {
            List<QueueRow> queue = new ArrayList<>();
            for (KybApplication a : onboarding.inState(KybState.IN_REVIEW, QUEUE)) {
                Party p = parties.find(a.partyId()).orElse(null);
                queue.add(new QueueRow(a.id().toString(), p == null ? a.partyId().toString() : p.legalName(),
                        p == null ? "" : p.country(), a.riskTier() == null ? "" : a.riskTier().name(),
                        a.registration() == null ? "" : a.registration().registrationNumber(), a.owners().size(),
                        a.documents().size()));
            }
            model.addAttribute("queue", queue);
            model.addAttribute("riskTiers", RiskTier.values());
        }
        if (risk) {
            model.addAttribute("fraudQueue", fraud.queue(QUEUE).stream().map(d -> FraudRow.of(d, name(d.merchantId()))).toList());
            // the undecided cases, whatever their age: the earliest deadline first
            List<AmlCase> open = new ArrayList<>();
            for (CaseStatus status : List.of(CaseStatus.OPEN, CaseStatus.IN_REVIEW, CaseStatus.AWAITING_APPROVAL)) {
                open.addAll(amlCases.list(status, QUEUE));
            }
            model.addAttribute("amlCases", open.stream().sorted(java.util.Comparator.comparing(AmlCase::dueOn))
                    .limit(QUEUE).map(c -> AmlRow.of(c, name(c.partyId()))).toList());
            model.addAttribute("sanctionsHits", sanctions.hits(HitStatus.OPEN, QUEUE).stream().map(HitRow::of).toList());
        }
        if (ledger) {
            model.addAttribute("exceptions", reconciliations.exceptions(actor, QUEUE).stream().map(ExceptionRow::of).toList());
        }
        if (hooks) {
            model.addAttribute("failedDeliveries", webhooks.failedDeliveries(actor, QUEUE).stream().map(DeliveryRow::of).toList());
        }
        return "console/operator";
    }

    /** A reviewer's decision on a KYB application in review: approve with a risk tier, or reject, with a reason. */
    @PostMapping("/console/app/operator/kyb/{id}/decision")
    String decide(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String riskTier, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes flash) {
        requireOperator(actor);
        if (!actor.has(ApiScope.KYB_REVIEW)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "this operator reviews no KYB applications");
        }
        KybApplicationId application;
        try {
            application = KybApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("KYB_NOT_FOUND", "no such application: " + id);
        }
        String why = reason.trim();
        if (why.isEmpty() || why.length() > 500) {
            return refused(flash, "operator.kyb.error.reason");
        }
        KybDecision d;
        if ("APPROVE".equals(decision)) {
            RiskTier tier;
            try {
                tier = RiskTier.valueOf(riskTier);
            } catch (IllegalArgumentException e) {
                return refused(flash, "operator.kyb.error.tier");
            }
            d = new KybDecision.Approve(tier, why);
        } else if ("REJECT".equals(decision)) {
            d = new KybDecision.Reject(why);
        } else {
            return refused(flash, "operator.kyb.error.decision");
        }
        return switch (onboarding.decide(application, d, actor.name())) {
            case KybResult.Done done -> {
                flash.addFlashAttribute("notice", "APPROVE".equals(decision) ? "operator.kyb.approved" : "operator.kyb.rejected");
                flash.addFlashAttribute("noticeArg", name(done.application().partyId()));
                yield "redirect:/console/app/operator";
            }
            case KybResult.NotFound nf -> throw new NotFoundException("KYB_NOT_FOUND", "no such application: " + id);
            case KybResult.IllegalTransition t -> refused(flash, "operator.kyb.error.state");
            case KybResult.Incomplete i -> refused(flash, "operator.kyb.error.state");
            case KybResult.InvalidField f -> refused(flash, "operator.kyb.error.reason");
        };
    }

    private static String refused(RedirectAttributes flash, String key) {
        flash.addFlashAttribute("error", key);
        return "redirect:/console/app/operator";
    }

    private String name(PartyId party) {
        return party == null ? "" : parties.find(party).map(Party::legalName).orElse(party.toString());
    }

    record QueueRow(String applicationId, String merchant, String country, String riskTier, String registrationNumber,
                    int owners, int documents) {
    }

    record FraudRow(String id, String payment, String merchant, String outcome, String score, String reasons, Instant decidedAt) {
        static FraudRow of(FraudDecision d, String merchant) {
            return new FraudRow(d.id(), d.paymentId() == null ? "" : d.paymentId().toString(), merchant, d.outcome().name(),
                    String.format(java.util.Locale.ROOT, "%.3f", d.score()), String.join("; ", d.reasons()), d.decidedAt());
        }
    }

    /** A case to work; while it awaits approval, what was proposed and by whom (the approver must be someone else). */
    record AmlRow(String id, String party, String status, String assignee, int alerts, LocalDate dueOn, boolean overdue,
                  String proposal, String preparer) {
        static AmlRow of(AmlCase c, String party) {
            return new AmlRow(c.id().toString(), party, c.status().name(), c.assignee() == null ? "" : c.assignee(),
                    c.alerts().size(), c.dueOn(), c.overdue(), c.proposal() == null ? "" : c.proposal().name(),
                    c.preparer() == null ? "" : c.preparer());
        }
    }

    record HitRow(String id, String subject, String role, String list, String entry, String score, Instant raisedAt) {
        static HitRow of(ReviewHit h) {
            return new HitRow(h.id().toString(), h.subjectName(), h.subjectRole() == null ? "" : h.subjectRole(), h.listCode(),
                    h.entryName(), h.score() == null ? "" : h.score().toPlainString(), h.raisedAt());
        }
    }

    record ExceptionRow(String line, String reason, String payout, String amount, LocalDate valueDate) {
        static ExceptionRow of(ReconciliationOutcome.ExceptionLine e) {
            return new ExceptionRow(e.lineId(), e.reason().name(), e.payoutId() == null ? "" : e.payoutId(),
                    e.currency() == null ? "" : Charts.amount(e.amountMinorUnits(), e.currency()) + " " + e.currency(), e.valueDate());
        }
    }

    record DeliveryRow(String id, String endpoint, String eventType, int attempts, String lastError, Instant lastAttemptAt) {
        static DeliveryRow of(WebhookDelivery d) {
            String error = d.lastStatusCode() != null ? "HTTP " + d.lastStatusCode() : d.lastError() == null ? "" : d.lastError();
            return new DeliveryRow(d.id().toString(), d.endpointId().toString(), d.eventType(), d.attempts(), error, d.lastAttemptAt());
        }
    }
}
