package org.finbridge.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.finbridge.risk.aml.Alert;
import org.finbridge.risk.aml.AlertStatus;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlMonitoring;
import org.finbridge.risk.aml.ReportType;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform operators' work queues, one section per duty the logged-in operator holds (duties are
 * separated, see {@code ConsoleRole}): the KYB review queue with its decisions (reviewers), the fraud review
 * queue, the AML cases, the large-transaction reports waiting to be filed and the sanctions hits (risk
 * analysts), the bank reconciliation's exceptions (finance and risk, who read the ledger), and the webhook
 * deliveries that failed for good (administrators). Each queue is read through its module's public API as the
 * operator, a page at a time in the order the operator picks (see {@link PagedTable}): a busy day's thousands of
 * items stay browsable. AML cases stay behind the operator pages (AML Law art. 35: no tipping-off).
 */
@Controller
class OperatorPages {

    static final String PATH = "/console/app/operator";
    /** Open alerts read for the LTR queue; large-value alerts are filed daily, so those waiting are few. */
    static final int LTR_SHOWN = 500;
    /** The AML reporting calendar's zone (China's), which decides when an LTR's day is over. */
    static final ZoneId REPORTING_ZONE = ZoneId.of("Asia/Shanghai");

    /** The AML cases still undecided: a case leaves the analysts' queue when it is closed or its STR filed. */
    private static final java.util.Set<CaseStatus> UNDECIDED = java.util.EnumSet.of(CaseStatus.OPEN, CaseStatus.IN_REVIEW,
            CaseStatus.AWAITING_APPROVAL);

    private final Onboarding onboarding;
    private final Parties parties;
    private final FraudReviews fraud;
    private final AmlCases amlCases;
    private final SanctionsReview sanctions;
    private final Reconciliations reconciliations;
    private final WebhookEndpoints webhooks;
    private final AmlMonitoring monitoring;
    private final Clock clock;

    OperatorPages(Onboarding onboarding, Parties parties, FraudReviews fraud, AmlCases amlCases, SanctionsReview sanctions,
                  Reconciliations reconciliations, WebhookEndpoints webhooks, AmlMonitoring monitoring, Clock clock) {
        this.monitoring = monitoring;
        this.clock = clock;
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
    String queues(Actor actor, @RequestParam MultiValueMap<String, String> query, Model model) {
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
        model.addAttribute("showSettlement", SettlementRunPages.mayRun(actor));
        // the forms carry the queues' pages and orders back, so an action returns to the page it was taken on
        model.addAttribute("back", PagedTable.state(query));
        // each queue is read a page at a time in a stable order (its module's SQL), so thousands of items stay browsable
        if (kyb) {
            model.addAttribute("queue", PagedTable.of("kyb", query, page -> onboarding.inState(KybState.IN_REVIEW, page),
                    this::kybRow, Map.of("operator.registration", "registration", "operator.riskTier", "riskTier"),
                    PATH, "queue-heading"));
            model.addAttribute("riskTiers", RiskTier.values());
        }
        if (risk) {
            model.addAttribute("fraudQueue", PagedTable.of("fraud", query, fraud::queue,
                    (FraudDecision d) -> FraudRow.of(d, name(d.merchantId())),
                    Map.of("operator.decided", "decided", "operator.outcome", "outcome", "operator.score:end", "score"),
                    PATH, "fraud-heading"));
            model.addAttribute("amlCases", PagedTable.of("aml", query, page -> amlCases.list(UNDECIDED, page),
                    (AmlCase c) -> AmlRow.of(c, name(c.partyId())),
                    Map.of("operator.case", "opened", "seller.state", "status", "operator.assignee", "assignee",
                            "regulator.aml.due", "due"), PATH, "aml-heading"));
            model.addAttribute("sanctionsHits", PagedTable.of("hits", query, page -> sanctions.hits(HitStatus.OPEN, page),
                    HitRow::of, Map.of("operator.raised", "raised", "operator.subject", "subject", "operator.list", "list",
                            "operator.entry", "entry", "operator.score:end", "score"), PATH, "hits-heading"));
            // the large-value alerts waiting for their LTR: a few a day, filed by the monitoring pass or from here
            LocalDate today = clock.instant().atZone(REPORTING_ZONE).toLocalDate();
            model.addAttribute("ltrQueue", monitoring.alerts(AlertStatus.OPEN, LTR_SHOWN).stream()
                    .filter(a -> a.category() == ReportType.LTR).map(a -> LtrRow.of(a, name(a.partyId()), today)).toList());
        }
        if (ledger) {
            model.addAttribute("exceptions", PagedTable.of("exceptions", query, page -> reconciliations.exceptions(actor, page),
                    ExceptionRow::of, Map.of("operator.valueDate", "valueDate", "operator.reason", "reason",
                            "seller.amount:end", "amount"), PATH, "exceptions-heading"));
        }
        if (hooks) {
            model.addAttribute("failedDeliveries", PagedTable.of("webhooks", query,
                    page -> webhooks.failedDeliveries(actor, page), DeliveryRow::of,
                    Map.of("operator.lastAttempt", "lastAttempt", "operator.event", "event", "operator.attempts:end", "attempts"),
                    PATH, "webhooks-heading"));
        }
        return "console/operator";
    }

    /** A reviewer's decision on a KYB application in review: approve with a risk tier, or reject, with a reason. */
    @PostMapping("/console/app/operator/kyb/{id}/decision")
    String decide(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String riskTier, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String back, RedirectAttributes flash) {
        requireOperator(actor);
        String page = PagedTable.returnTo(PATH, back, "queue-heading");
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
            return refused(flash, page, "operator.kyb.error.reason");
        }
        KybDecision d;
        if ("APPROVE".equals(decision)) {
            RiskTier tier;
            try {
                tier = RiskTier.valueOf(riskTier);
            } catch (IllegalArgumentException e) {
                return refused(flash, page, "operator.kyb.error.tier");
            }
            d = new KybDecision.Approve(tier, why);
        } else if ("REJECT".equals(decision)) {
            d = new KybDecision.Reject(why);
        } else {
            return refused(flash, page, "operator.kyb.error.decision");
        }
        return switch (onboarding.decide(application, d, actor.name())) {
            case KybResult.Done done -> {
                flash.addFlashAttribute("notice", "APPROVE".equals(decision) ? "operator.kyb.approved" : "operator.kyb.rejected");
                flash.addFlashAttribute("noticeArg", name(done.application().partyId()));
                yield page;
            }
            case KybResult.NotFound nf -> throw new NotFoundException("KYB_NOT_FOUND", "no such application: " + id);
            case KybResult.IllegalTransition t -> refused(flash, page, "operator.kyb.error.state");
            case KybResult.Incomplete i -> refused(flash, page, "operator.kyb.error.state");
            case KybResult.InvalidField f -> refused(flash, page, "operator.kyb.error.reason");
        };
    }

    private static String refused(RedirectAttributes flash, String page, String key) {
        flash.addFlashAttribute("error", key);
        return page;
    }

    private QueueRow kybRow(KybApplication a) {
        Party p = parties.find(a.partyId()).orElse(null);
        return new QueueRow(a.id().toString(), p == null ? a.partyId().toString() : p.legalName(),
                p == null ? "" : p.country(), a.riskTier() == null ? "" : a.riskTier().name(),
                a.registration() == null ? "" : a.registration().registrationNumber(), a.owners().size(),
                a.documents().size());
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

    /** A large-value alert waiting for its LTR; it may be filed once its day is over. */
    record LtrRow(String id, String party, String featureCode, LocalDate day, String amount, int transactions, boolean dayOver) {
        static LtrRow of(Alert a, String party, LocalDate today) {
            LocalDate day = LocalDate.parse(a.windowKey().substring(0, a.windowKey().indexOf(':')));
            return new LtrRow(a.id().toString(), party, a.featureCode() == null ? "" : a.featureCode(), day,
                    a.amountCnyMinor() == null ? "" : Charts.amount(a.amountCnyMinor(), "CNY") + " CNY",
                    a.transactionRefs().size(), day.isBefore(today));
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
