package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.Payments;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.CaseStatus;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.SanctionsReview;
import org.finbridge.settlement.PayoutState;
import org.finbridge.settlement.Settlement;
import org.finbridge.supervision.BopDeclarations;
import org.finbridge.supervision.BopStatus;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' queue actions and the regulator's BOP status over HTTP, as a browser sends them (a console
 * session cookie, the CSRF token, a form): what each does, and that every refusal — another role, an id that
 * is unknown or names another kind of object, a missing reason, no CSRF token, a step the object's lifecycle
 * does not allow — changes nothing: not the decision, the case, the hit, the payout, the payment, the
 * declaration, nor the audit trail. Money moves only on a decline; the ledger invariant sweep ends each test.
 */
@ApplicationTest
class OperatorQueueActionsTest {

    static final String FORM = ConsoleSessions.FORM;

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    Payments payments;
    @Autowired
    FraudReviews fraud;
    @Autowired
    AmlCases amlCases;
    @Autowired
    SanctionsReview sanctions;
    @Autowired
    Settlement settlement;
    @Autowired
    BopDeclarations bop;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    TestActors actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerInvariants invariants;

    OperatorQueueFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = OperatorQueueFixtures.of(context, actors.operator().partyId());
    }

    @Test
    void refusalsChangeNothing() {
        OperatorQueueFixtures.HeldForReview held = fixtures.heldForReview(4_200);
        AmlCase amlCase = fixtures.referredCase();
        OperatorQueueFixtures.HeldPayout payout = fixtures.heldPayout();
        String decision = held.decision().id();
        String caseId = amlCase.id().toString();
        String hit = payout.hit().toString();

        Api analyst = session(actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        Api reviewer = session(actors.operator().partyId(), ConsoleRole.OPERATOR_KYB_REVIEWER);
        Api finance = session(actors.operator().partyId(), ConsoleRole.OPERATOR_FINANCE);
        Api merchant = session(held.payment().merchantId(), ConsoleRole.MERCHANT);
        Api regulator = session(actors.party(PartyKind.REGULATOR).partyId(), ConsoleRole.REGULATOR);
        // Background work of the shared context (screening, AML evaluation, batchers) audits too: count only
        // records about the objects these refusals aim at.
        List<String> aimedAt = List.of(decision, caseId, hit, held.payment().id().toString(), payout.payout().id().toString());
        long audited = audited(aimedAt);

        // no reason: refused on the page, in the person's language
        assertRefused(analyst, "/console/app/operator/fraud/" + decision + "/review", Map.of("decision", "DECLINE", "reason", "  "),
                "A reason of 1 to 500 characters is required. The payment is unchanged.");
        assertRefused(analyst, "/console/app/operator/fraud/" + decision + "/review", Map.of("decision", "SHRUG", "reason", "x"),
                "Choose approve or decline. The payment is unchanged.");
        assertRefused(analyst, "/console/app/operator/hits/" + hit + "/decision", Map.of("decision", "DISMISS"),
                "A reason of 1 to 500 characters is required. The hit is unchanged.");
        assertRefused(analyst, "/console/app/operator/aml/" + caseId + "/propose-no-report", Map.of("text", ""),
                "A note or rationale of 1 to 500 characters is required. The case is unchanged.");
        assertRefused(analyst, "/console/app/operator/aml/" + caseId + "/note", Map.of("text", "x".repeat(501)),
                "A note or rationale of 1 to 500 characters is required. The case is unchanged.");
        Api.Response zh = analyst.with("Accept-Language", "zh-CN").postRaw("/console/app/operator/hits/" + hit + "/decision?lang=zh-CN",
                form(Map.of("decision", "DISMISS")), FORM);
        assertThat(zh.status()).isEqualTo(302);
        assertThat(analyst.get("/console/app/operator?lang=zh-CN").raw().body()).contains("须填写 1 至 500 个字符的理由。命中记录未变更。");

        // unknown ids, ids of another kind of object, unknown steps: 404
        String unknownDecision = TimeOrderedIds.format("frd", TimeOrderedIds.next());
        String unknownCase = TimeOrderedIds.format("amlcase", TimeOrderedIds.next());
        String unknownHit = TimeOrderedIds.format("hit", TimeOrderedIds.next());
        Map<String, Map<String, String>> writes = new LinkedHashMap<>();
        writes.put("/console/app/operator/fraud/" + decision + "/review", Map.of("decision", "DECLINE", "reason", "stolen card"));
        writes.put("/console/app/operator/hits/" + hit + "/decision", Map.of("decision", "DISMISS", "reason", "other company"));
        writes.put("/console/app/operator/aml/" + caseId + "/propose-no-report", Map.of("text", "explained by a wholesale contract"));
        for (String path : List.of("/console/app/operator/fraud/" + unknownDecision + "/review",
                "/console/app/operator/fraud/" + caseId + "/review", "/console/app/operator/fraud/" + held.payment().id() + "/review",
                "/console/app/operator/hits/" + unknownHit + "/decision", "/console/app/operator/hits/" + decision + "/decision",
                "/console/app/operator/hits/not-an-id/decision",
                "/console/app/operator/aml/" + unknownCase + "/note", "/console/app/operator/aml/" + hit + "/note",
                "/console/app/operator/aml/" + caseId + "/delete")) {
            Api.Response r = analyst.postRaw(path, form(Map.of("decision", "DECLINE", "reason", "x", "text", "x")), FORM);
            assertThat(r.status()).as(path).isEqualTo(404);
        }
        // other roles, and other parties' people, reach none of them: 404 as for an unknown id
        for (Api other : List.of(reviewer, finance, merchant, regulator)) {
            writes.forEach((path, body) -> assertThat(other.postRaw(path, form(body), FORM).status()).as(path).isEqualTo(404));
        }
        // a session without its CSRF token is refused before anything runs
        writes.forEach((path, body) -> assertThat(analyst.with("X-XSRF-TOKEN", "forged").postRaw(path, form(body), FORM).status())
                .as(path).isEqualTo(403));

        assertThat(fraud.find(decision).orElseThrow().review()).isEqualTo(FraudDecision.ReviewStatus.OPEN);
        assertThat(payments.find(PaymentFixtures.operatorActor(actors.operator().partyId()), held.payment().id()).orElseThrow().state())
                .isEqualTo(PaymentState.CAPTURED);
        assertThat(amlCases.find(amlCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(amlCases.find(amlCase.id()).orElseThrow().notes()).hasSize(amlCase.notes().size());
        assertThat(sanctions.find(payout.hit()).orElseThrow().status()).isEqualTo(HitStatus.OPEN);
        assertThat(fixtures.now(payout.payout()).state()).isEqualTo(PayoutState.HELD);
        assertThat(audited(aimedAt)).as("a refusal writes no audit record").isEqualTo(audited);

        // four eyes: the analyst who proposed cannot approve; the case waits for a second analyst
        assertThat(post(analyst, "/console/app/operator/aml/" + caseId + "/propose-no-report",
                Map.of("text", "explained by a wholesale contract")).status()).isEqualTo(302);
        assertThat(amlCases.find(amlCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
        assertThat(audited(aimedAt)).as("an accepted action is audited against the same ids").isGreaterThan(audited);
        assertRefused(analyst, "/console/app/operator/aml/" + caseId + "/approve", Map.of("text", "agreed"),
                "You prepared the proposal on case " + caseId + ": a second analyst must decide it (four eyes). The case is unchanged.");
        assertThat(amlCases.find(amlCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
        Api second = session(actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        assertThat(post(second, "/console/app/operator/aml/" + caseId + "/approve", Map.of("text", "agreed")).status()).isEqualTo(302);
        assertThat(page).contains("Case " + caseId + " closed: not suspicious.");
        AmlCase closed = amlCases.find(amlCase.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED_NO_REPORT);
        assertThat(closed.rationale()).isEqualTo("explained by a wholesale contract");
        // a closed case takes no further step
        assertRefused(second, "/console/app/operator/aml/" + caseId + "/note", Map.of("text", "late"),
                "Case " + caseId + " does not allow this step where it stands. It is unchanged.");

        // a hit decided once is not decided again
        assertThat(post(analyst, "/console/app/operator/hits/" + hit + "/decision",
                Map.of("decision", "DISMISS", "reason", "registry number differs")).status()).isEqualTo(302);
        assertThat(fixtures.now(payout.payout()).state()).isEqualTo(PayoutState.CREATED);
        assertRefused(second, "/console/app/operator/hits/" + hit + "/decision", Map.of("decision", "CONFIRM", "reason", "sure?"),
                "The hit on " + payout.legalName() + " has already been decided. Nothing was changed.");
        assertThat(sanctions.find(payout.hit()).orElseThrow().status()).isEqualTo(HitStatus.FALSE_POSITIVE);
        assertThat(invariants.sweep().isClean()).isTrue();
    }

    @Test
    void aDeclineGivesTheMoneyBackAndAnApprovalLetsThePaymentStand() {
        OperatorQueueFixtures.HeldForReview declined = fixtures.heldForReview(7_700);
        OperatorQueueFixtures.HeldForReview approved = fixtures.heldForReview(3_300);
        Api analyst = session(actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        int reviews = count("risk.fraud.review");

        assertThat(post(analyst, "/console/app/operator/fraud/" + declined.decision().id() + "/review",
                Map.of("decision", "DECLINE", "reason", "cardholder denies the order")).status()).isEqualTo(302);
        assertThat(page)
                .contains("Payment " + declined.payment().id() + " declined: its money went back to the buyer and it is labelled fraud.");
        var payment = payments.find(PaymentFixtures.operatorActor(actors.operator().partyId()), declined.payment().id()).orElseThrow();
        assertThat(payment.state()).isEqualTo(PaymentState.REFUNDED);
        assertThat(payment.refunded()).isEqualTo(payment.captured()).isPositive();
        FraudDecision d = fraud.find(declined.decision().id()).orElseThrow();
        assertThat(d.review()).isEqualTo(FraudDecision.ReviewStatus.REVIEWED);
        assertThat(d.label()).isEqualTo(FraudDecision.Verdict.FRAUD);
        assertThat(d.reviewNote()).isEqualTo("cardholder denies the order [refunded]");

        assertThat(post(analyst, "/console/app/operator/fraud/" + approved.decision().id() + "/review",
                Map.of("decision", "APPROVE", "reason", "repeat buyer, same device")).status()).isEqualTo(302);
        assertThat(fraud.find(approved.decision().id()).orElseThrow().label()).isEqualTo(FraudDecision.Verdict.LEGITIMATE);
        assertThat(payments.find(PaymentFixtures.operatorActor(actors.operator().partyId()), approved.payment().id()).orElseThrow().state())
                .isEqualTo(PaymentState.CAPTURED);
        assertThat(count("risk.fraud.review")).isEqualTo(reviews + 2);

        // an authorization not yet captured is voided: the buyer's money was only held
        OperatorQueueFixtures.HeldForReview authorized = fixtures.heldForReview(5_500, org.finbridge.payments.CaptureMethod.MANUAL);
        assertThat(authorized.payment().state()).isEqualTo(PaymentState.AUTHORIZED);
        assertThat(post(analyst, "/console/app/operator/fraud/" + authorized.decision().id() + "/review",
                Map.of("decision", "DECLINE", "reason", "card reported stolen")).status()).isEqualTo(302);
        assertThat(page).contains("Payment " + authorized.payment().id() + " declined");
        var voided = payments.find(PaymentFixtures.operatorActor(actors.operator().partyId()), authorized.payment().id()).orElseThrow();
        assertThat(voided.state()).isEqualTo(PaymentState.VOIDED);
        assertThat(voided.captured()).isZero();
        assertThat(fraud.find(authorized.decision().id()).orElseThrow().reviewNote()).isEqualTo("card reported stolen [authorization voided]");

        // reviewed once: a second verdict is refused and the refund is not repeated
        assertRefused(analyst, "/console/app/operator/fraud/" + declined.decision().id() + "/review",
                Map.of("decision", "DECLINE", "reason", "again"),
                "Payment " + declined.payment().id() + " has already been reviewed. Nothing was changed.");
        assertThat(payments.find(PaymentFixtures.operatorActor(actors.operator().partyId()), declined.payment().id()).orElseThrow().refunded())
                .isEqualTo(payment.refunded());
        assertThat(invariants.sweep().isClean()).isTrue();
    }

    @Test
    void aRegulatorRecordsADeclarationsStatusThroughItsLifecycle() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        UUID declaration = fixtures.bopDeclaration(today);
        assertThat(bop.find(declaration).orElseThrow().status()).isEqualTo(BopStatus.RECORDED);
        Api regulator = session(actors.party(PartyKind.REGULATOR).partyId(), ConsoleRole.REGULATOR);
        Api analyst = session(actors.operator().partyId(), ConsoleRole.OPERATOR_RISK_ANALYST);
        String path = "/console/app/regulator/bop/" + declaration + "/status";
        int steps = count("supervision.bop.status");

        assertThat(post(analyst, path, Map.of("status", "FILED", "note", "SAFE-1")).status()).isEqualTo(404);
        assertThat(post(regulator, "/console/app/regulator/bop/" + UUID.randomUUID() + "/status",
                Map.of("status", "FILED", "note", "SAFE-1")).status()).isEqualTo(404);
        assertThat(post(regulator, "/console/app/regulator/bop/not-an-id/status", Map.of("status", "FILED", "note", "SAFE-1")).status())
                .isEqualTo(404);
        assertRefusedOn(regulator, "/console/app/regulator", path, Map.of("status", "ACCEPTED", "note", " "),
                "A reference or reason of 1 to 500 characters is required. The declaration is unchanged.");
        assertRefusedOn(regulator, "/console/app/regulator", path, Map.of("status", "RECORDED", "note", "back"),
                "Choose filed, accepted or rejected. The declaration is unchanged.");
        assertThat(bop.find(declaration).orElseThrow().status()).isEqualTo(BopStatus.RECORDED);
        assertThat(count("supervision.bop.status")).isEqualTo(steps);

        assertThat(post(regulator, path, Map.of("status", "FILED", "note", "SAFE-2026-000123")).status()).isEqualTo(302);
        assertThat(post(regulator, path, Map.of("status", "REJECTED", "note", "postscript names two codes")).status()).isEqualTo(302);
        assertThat(post(regulator, path, Map.of("status", "FILED", "note", "SAFE-2026-000124")).status()).isEqualTo(302);
        assertThat(post(regulator, path, Map.of("status", "ACCEPTED", "note", "SAFE ack 88")).status()).isEqualTo(302);
        assertThat(page).contains("recorded as accepted.");
        var accepted = bop.find(declaration).orElseThrow();
        assertThat(accepted.status()).isEqualTo(BopStatus.ACCEPTED);
        assertThat(accepted.statusNote()).isEqualTo("SAFE ack 88");
        assertThat(accepted.statusAt()).isNotNull();
        assertThat(count("supervision.bop.status")).isEqualTo(steps + 4);

        // accepted is final
        assertRefusedOn(regulator, "/console/app/regulator", path, Map.of("status", "REJECTED", "note", "late"),
                "This declaration cannot take that status from where it stands (an accepted one is final). It is unchanged.");
        assertThat(bop.find(declaration).orElseThrow().status()).isEqualTo(BopStatus.ACCEPTED);
        assertThat(count("supervision.bop.status")).isEqualTo(steps + 4);
    }

    private void assertRefused(Api api, String path, Map<String, String> body, String message) {
        assertRefusedOn(api, "/console/app/operator", path, body, message);
    }

    private void assertRefusedOn(Api api, String target, String path, Map<String, String> body, String message) {
        Api.Response r = post(api, path, body);
        assertThat(r.status()).as(path).isEqualTo(302);
        assertThat(java.net.URI.create(r.raw().headers().firstValue("location").orElseThrow()).getRawPath()).endsWith(target);
        assertThat(page).as(path).contains(message.replace("'", "&#39;"));
    }

    /** The page a browser shows after the last post: the redirect followed (which also takes the message). */
    String page = "";

    /** Posts the form and, like a browser, follows the redirect (the page shows, and so consumes, the message). */
    private Api.Response post(Api api, String path, Map<String, String> body) {
        Api.Response r = api.postRaw(path, form(body), FORM);
        java.net.URI location = r.status() == 302 ? java.net.URI.create(r.raw().headers().firstValue("location").orElseThrow()) : null;
        page = location == null ? "" : api.get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()))
                .raw().body();
        return r;
    }

    private static String form(Map<String, String> fields) {
        return ConsoleSessions.form(fields);
    }

    private long audited(List<String> objectIds) {
        return jdbc.sql("select count(*) from audit_trail where object_id in (:ids)").param("ids", objectIds).query(Long.class).single();
    }

    private int count(String action) {
        return jdbc.sql("select count(*) from audit_trail where action = ?").param(action).query(Integer.class).single();
    }

    private Api session(PartyId party, ConsoleRole role) {
        return ConsoleSessions.session(port, users, clock, party, role);
    }
}
