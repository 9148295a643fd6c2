package org.finbridge.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.finbridge.party.Access;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 3's isolation matrix: every API endpoint (read from the application's own route list) × every
 * role × {its own object, another party's object, a nonexistent id}. An endpoint the matrix does not
 * describe fails the test, and so does a description of an endpoint that no longer exists.
 *
 * <p>The matrix states, independently of the {@link Access} annotations it checks, who may call each
 * endpoint: a role that may not answers 403 whatever the object; a role that may gets its own object
 * (never 401/403/404/5xx), and 404 for another party's object exactly as for a nonexistent one; a
 * refused write leaves the audit log (hence every audited table) untouched.
 */
@ApplicationTest
class IsolationMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcClient jdbc;

    /** The objects a request may name; for the nonexistent case every id is fresh. */
    record Objects(String party, String kyb, String bankAccount, String consent, String apiKey, String ledgerAccount,
                   String transfer, String otherParty, String webhookEndpoint, String webhookDelivery, String quote,
                   String payment, String order, String shipment, String declaration, String tradeRecord,
                   String sanctionsHit, String amlAlert, String amlCase, String amlReport, String loan, String programme,
                   String violation, String fraudDecision, String creditRecord, String creditObjection,
                   String creditSubject, String listingCase) {
    }

    /** Who may call an endpoint: a scope, and the party kinds besides operators (empty set = every kind). */
    record Rule(ApiScope scope, Set<PartyKind> kinds, boolean operatorOnly) {
        static Rule anyKind(ApiScope scope) {
            return new Rule(scope, Set.of(), false);
        }

        static Rule kinds(ApiScope scope, PartyKind... kinds) {
            return new Rule(scope, Set.of(kinds), false);
        }

        static Rule operator(ApiScope scope) {
            return new Rule(scope, Set.of(), true);
        }

        boolean admits(PartyKind kind, Set<ApiScope> scopes) {
            if (!scopes.contains(scope)) {
                return false;
            }
            return kind == PartyKind.OPERATOR || (!operatorOnly && (kinds.isEmpty() || kinds.contains(kind)));
        }
    }

    record Request(String path, Object body) {
    }

    record Entry(Rule rule, Function<Objects, Request> request) {
    }

    private static final Map<String, Entry> MATRIX = new LinkedHashMap<>();

    /** Public by the webhook rules, yet never resolves (RFC 6761 .invalid), so no test event leaves the machine. */
    static final String MATRIX_WEBHOOK_URL = "https://hooks.matrix.invalid/finbridge";

    /** Consents must expire within five years of the application's clock. */
    private static volatile String inAYear;

    @Autowired
    org.finbridge.support.MutableClock clock;

    @Autowired
    org.finbridge.fx.Fx fx;

    @Autowired
    org.finbridge.fx.ReferenceRates rates;

    @org.junit.jupiter.api.BeforeEach
    void consentsExpireInAYear() {
        inAYear = clock.instant().plus(java.time.Duration.ofDays(365)).toString();
        org.finbridge.fx.FxTestRates.publishToday(rates, clock); // quotes need a current fixing
    }

    private static void add(String route, Rule rule, Function<Objects, Request> request) {
        if (MATRIX.put(route, new Entry(rule, request)) != null) {
            throw new IllegalStateException("twice in the matrix: " + route);
        }
    }

    private static Request get(String path) {
        return new Request(path, null);
    }

    static {
        // parties
        add("POST /api/v1/parties", Rule.operator(ApiScope.PARTIES_ADMIN),
                o -> new Request("/api/v1/parties", Map.of("kind", "BUYER", "country", "DE", "legalName", "Matrix Buyer")));
        add("GET /api/v1/parties/{id}", Rule.anyKind(ApiScope.PARTIES_READ), o -> get("/api/v1/parties/" + o.party()));
        // merchant KYB
        add("POST /api/v1/parties/{id}/kyb", Rule.kinds(ApiScope.PARTIES_WRITE, PartyKind.MERCHANT),
                o -> new Request("/api/v1/parties/" + o.party() + "/kyb", Map.of("registrationNumber", "X1",
                        "registeredAddress", "1 Road", "incorporationDate", "2020-01-01", "businessDescription", "toys")));
        add("GET /api/v1/parties/{id}/kyb", Rule.kinds(ApiScope.PARTIES_READ, PartyKind.MERCHANT),
                o -> get("/api/v1/parties/" + o.party() + "/kyb"));
        add("GET /api/v1/kyb/{id}", Rule.kinds(ApiScope.PARTIES_READ, PartyKind.MERCHANT), o -> get("/api/v1/kyb/" + o.kyb()));
        add("GET /api/v1/kyb", Rule.operator(ApiScope.KYB_REVIEW), o -> get("/api/v1/kyb"));
        add("POST /api/v1/kyb/{id}/owners", Rule.kinds(ApiScope.PARTIES_WRITE, PartyKind.MERCHANT),
                o -> new Request("/api/v1/kyb/" + o.kyb() + "/owners", Map.of("fullName", "Wang Fang", "nationality", "CN",
                        "documentType", "CN_RESIDENT_ID", "documentNumber", "11010519491231002X", "ownershipBasisPoints", 6000)));
        add("POST /api/v1/kyb/{id}/documents", Rule.kinds(ApiScope.PARTIES_WRITE, PartyKind.MERCHANT),
                o -> new Request("/api/v1/kyb/" + o.kyb() + "/documents", Map.of("type", "BUSINESS_LICENCE",
                        "number", "L-1", "issuer", "SAMR", "fileName", "licence.pdf", "contentType", "application/pdf",
                        "contentBase64", "JVBERi0xLjQK")));
        add("POST /api/v1/kyb/{id}/submit", Rule.kinds(ApiScope.PARTIES_WRITE, PartyKind.MERCHANT),
                o -> new Request("/api/v1/kyb/" + o.kyb() + "/submit", Map.of()));
        add("POST /api/v1/kyb/{id}/decision", Rule.operator(ApiScope.KYB_REVIEW),
                o -> new Request("/api/v1/kyb/" + o.kyb() + "/decision", Map.of("decision", "REJECT", "reason", "matrix")));
        // payout bank accounts
        add("POST /api/v1/parties/{id}/bank-accounts", Rule.anyKind(ApiScope.PARTIES_WRITE),
                o -> new Request("/api/v1/parties/" + o.party() + "/bank-accounts", Map.of("currency", "EUR",
                        "iban", "GB82WEST12345698765432", "bic", "NWBKGB2L", "holderName", "Someone Else Ltd")));
        add("GET /api/v1/parties/{id}/bank-accounts", Rule.anyKind(ApiScope.PARTIES_READ),
                o -> get("/api/v1/parties/" + o.party() + "/bank-accounts"));
        add("GET /api/v1/bank-accounts", Rule.operator(ApiScope.KYB_REVIEW), o -> get("/api/v1/bank-accounts"));
        add("POST /api/v1/bank-accounts/{id}/decision", Rule.operator(ApiScope.KYB_REVIEW),
                o -> new Request("/api/v1/bank-accounts/" + o.bankAccount() + "/decision", Map.of("approve", false, "reason", "matrix")));
        // consents
        add("POST /api/v1/parties/{id}/consents", Rule.anyKind(ApiScope.CONSENTS_WRITE),
                o -> new Request("/api/v1/parties/" + o.party() + "/consents", Map.of("granteeId", o.otherParty(),
                        "scope", "TRADE_DATA", "purpose", "LOAN_APPLICATION", "expiresAt", inAYear)));
        add("GET /api/v1/parties/{id}/consents", Rule.anyKind(ApiScope.PARTIES_READ),
                o -> get("/api/v1/parties/" + o.party() + "/consents"));
        add("POST /api/v1/parties/{id}/consents/{consentId}/revoke", Rule.anyKind(ApiScope.CONSENTS_WRITE),
                o -> new Request("/api/v1/parties/" + o.party() + "/consents/" + o.consent() + "/revoke", Map.of()));
        // API keys and console users
        add("POST /api/v1/parties/{partyId}/api-keys", Rule.anyKind(ApiScope.USERS_MANAGE),
                o -> new Request("/api/v1/parties/" + o.party() + "/api-keys", Map.of("scopes", List.of("parties:read"))));
        add("GET /api/v1/parties/{partyId}/api-keys", Rule.anyKind(ApiScope.USERS_MANAGE),
                o -> get("/api/v1/parties/" + o.party() + "/api-keys"));
        add("POST /api/v1/parties/{partyId}/api-keys/{keyId}/rotate", Rule.anyKind(ApiScope.USERS_MANAGE),
                o -> new Request("/api/v1/parties/" + o.party() + "/api-keys/" + o.apiKey() + "/rotate", Map.of("overlapSeconds", 60)));
        add("POST /api/v1/parties/{partyId}/api-keys/{keyId}/revoke", Rule.anyKind(ApiScope.USERS_MANAGE),
                o -> new Request("/api/v1/parties/" + o.party() + "/api-keys/" + o.apiKey() + "/revoke", Map.of()));
        add("POST /api/v1/parties/{partyId}/console-users", Rule.anyKind(ApiScope.USERS_MANAGE),
                o -> new Request("/api/v1/parties/" + o.party() + "/console-users", Map.of("email",
                        "m" + TimeOrderedIds.next() + "@example.com", "password", "correct horse battery", "role", "MERCHANT")));
        add("GET /api/v1/parties/{partyId}/console-users", Rule.anyKind(ApiScope.USERS_MANAGE),
                o -> get("/api/v1/parties/" + o.party() + "/console-users"));
        // buyer KYC
        add("GET /api/v1/parties/{partyId}/kyc", Rule.kinds(ApiScope.PARTIES_READ, PartyKind.BUYER),
                o -> get("/api/v1/parties/" + o.party() + "/kyc"));
        add("POST /api/v1/parties/{partyId}/kyc/verification", Rule.kinds(ApiScope.PARTIES_WRITE, PartyKind.BUYER),
                o -> new Request("/api/v1/parties/" + o.party() + "/kyc/verification", Map.of("fullName", "Wang Fang",
                        "documentType", "CN_RESIDENT_ID", "documentCountry", "CN", "documentNumber", "11010519491231002X")));
        // ledger internals: the platform's finance desk only
        add("POST /api/v1/ledger/accounts", Rule.operator(ApiScope.LEDGER_WRITE),
                o -> new Request("/api/v1/ledger/accounts", Map.of("currency", "EUR", "type", "MATRIX")));
        add("GET /api/v1/ledger/accounts/{id}", Rule.operator(ApiScope.LEDGER_READ),
                o -> get("/api/v1/ledger/accounts/" + o.ledgerAccount()));
        add("POST /api/v1/ledger/transfers", Rule.operator(ApiScope.LEDGER_WRITE),
                o -> new Request("/api/v1/ledger/transfers", Map.of("transfers", List.of(Map.of("id",
                        TimeOrderedIds.format("tr", TimeOrderedIds.next()), "debitAccountId", o.ledgerAccount(), "creditAccountId", o.ledgerAccount(), "amount", 1, "currency", "EUR", "code", "MATRIX")))));
        add("GET /api/v1/ledger/transfers/{id}", Rule.operator(ApiScope.LEDGER_READ),
                o -> get("/api/v1/ledger/transfers/" + o.transfer()));
        add("GET /api/v1/ledger/accounts/{id}/transfers", Rule.operator(ApiScope.LEDGER_READ),
                o -> get("/api/v1/ledger/accounts/" + o.ledgerAccount() + "/transfers"));
        add("GET /api/v1/ledger/accounts/{id}/balances", Rule.operator(ApiScope.LEDGER_READ),
                o -> get("/api/v1/ledger/accounts/" + o.ledgerAccount() + "/balances"));
        // webhook endpoints: every kind of party may receive events about itself
        String hooks = "/api/v1/webhook-endpoints";
        add("POST " + hooks, Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> new Request(hooks, Map.of("url", MATRIX_WEBHOOK_URL, "eventTypes", List.of("*"))));
        add("GET " + hooks, Rule.anyKind(ApiScope.WEBHOOKS_MANAGE), o -> get(hooks));
        add("GET " + hooks + "/{id}", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE), o -> get(hooks + "/" + o.webhookEndpoint()));
        add("POST " + hooks + "/{id}", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> new Request(hooks + "/" + o.webhookEndpoint(), Map.of("description", "matrix")));
        add("POST " + hooks + "/{id}/ping", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> new Request(hooks + "/" + o.webhookEndpoint() + "/ping", Map.of()));
        add("GET " + hooks + "/{id}/deliveries", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> get(hooks + "/" + o.webhookEndpoint() + "/deliveries"));
        add("GET " + hooks + "/{id}/deliveries/{deliveryId}", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> get(hooks + "/" + o.webhookEndpoint() + "/deliveries/" + o.webhookDelivery()));
        add("POST " + hooks + "/{id}/deliveries/{deliveryId}/redeliver", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> new Request(hooks + "/" + o.webhookEndpoint() + "/deliveries/" + o.webhookDelivery() + "/redeliver", Map.of()));
        add("POST " + hooks + "/{id}/rotate-secret", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> new Request(hooks + "/" + o.webhookEndpoint() + "/rotate-secret", Map.of("overlapSeconds", 60)));
        add("POST " + hooks + "/{id}/disable", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> new Request(hooks + "/" + o.webhookEndpoint() + "/disable", Map.of()));
        add("POST " + hooks + "/{id}/enable", Rule.anyKind(ApiScope.WEBHOOKS_MANAGE),
                o -> new Request(hooks + "/" + o.webhookEndpoint() + "/enable", Map.of()));
        // sanctions screening: the platform's risk analysts only
        String sanctions = "/api/v1/sanctions";
        add("POST " + sanctions + "/lists", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(sanctions + "/lists?format=csv", Map.of("list", "MATRIX-EMPTY", "file",
                        java.util.Base64.getEncoder().encodeToString("id,name\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        add("GET " + sanctions + "/lists", Rule.operator(ApiScope.RISK_REVIEW), o -> get(sanctions + "/lists"));
        add("POST " + sanctions + "/screenings", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(sanctions + "/screenings", Map.of("name", "Matrix Nobody")));
        add("GET " + sanctions + "/hits", Rule.operator(ApiScope.RISK_REVIEW), o -> get(sanctions + "/hits?status=OPEN"));
        add("POST " + sanctions + "/hits/{id}/decision", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(sanctions + "/hits/" + o.sanctionsHit() + "/decision", Map.of("decision", "FALSE_POSITIVE",
                        "note", "matrix")));

        // AML monitoring: alerts and cases for the platform's analysts only (STR work is confidential); the
        // filed reports also read-only for supervisors. One case and report serve every world.
        String aml = "/api/v1/aml";
        add("GET " + aml + "/alerts", Rule.operator(ApiScope.RISK_REVIEW), o -> get(aml + "/alerts"));
        add("GET " + aml + "/alerts/{id}", Rule.operator(ApiScope.RISK_REVIEW), o -> get(aml + "/alerts/" + o.amlAlert()));
        add("GET " + aml + "/cases", Rule.operator(ApiScope.RISK_REVIEW), o -> get(aml + "/cases"));
        add("POST " + aml + "/cases", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(aml + "/cases", Map.of("partyId", o.party(), "reason", "matrix referral")));
        add("GET " + aml + "/cases/{id}", Rule.operator(ApiScope.RISK_REVIEW), o -> get(aml + "/cases/" + o.amlCase()));
        add("POST " + aml + "/cases/{id}/assignment", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(aml + "/cases/" + o.amlCase() + "/assignment", Map.of("assignee", "matrix")));
        add("POST " + aml + "/cases/{id}/notes", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(aml + "/cases/" + o.amlCase() + "/notes", Map.of("body", "matrix")));
        add("POST " + aml + "/cases/{id}/proposal", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(aml + "/cases/" + o.amlCase() + "/proposal", Map.of("proposal", "NO_REPORT", "rationale", "matrix")));
        add("POST " + aml + "/cases/{id}/decision", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(aml + "/cases/" + o.amlCase() + "/decision", Map.of("decision", "REJECT")));
        add("GET " + aml + "/reports", Rule.operator(ApiScope.RISK_REVIEW), o -> get(aml + "/reports"));
        add("GET " + aml + "/reports/{id}", Rule.operator(ApiScope.RISK_REVIEW), o -> get(aml + "/reports/" + o.amlReport()));
        add("GET " + aml + "/reports/{id}/xml", Rule.operator(ApiScope.RISK_REVIEW),
                o -> get(aml + "/reports/" + o.amlReport() + "/xml"));
        String supervised = "/api/v1/supervision/aml-reports";
        add("GET " + supervised, Rule.kinds(ApiScope.SUPERVISION_READ, PartyKind.REGULATOR), o -> get(supervised));
        add("GET " + supervised + "/{id}", Rule.kinds(ApiScope.SUPERVISION_READ, PartyKind.REGULATOR),
                o -> get(supervised + "/" + o.amlReport()));
        add("GET " + supervised + "/{id}/xml", Rule.kinds(ApiScope.SUPERVISION_READ, PartyKind.REGULATOR),
                o -> get(supervised + "/" + o.amlReport() + "/xml"));
        // fraud scoring: the platform's risk analysts only
        String fraud = "/api/v1/risk/fraud";
        add("GET " + fraud + "/reviews", Rule.operator(ApiScope.RISK_REVIEW), o -> get(fraud + "/reviews"));
        add("GET " + fraud + "/decisions", Rule.operator(ApiScope.RISK_REVIEW),
                o -> get(fraud + "/decisions?paymentId=" + TimeOrderedIds.format("pay", new java.util.UUID(0, 1))));
        add("GET " + fraud + "/decisions/{id}", Rule.operator(ApiScope.RISK_REVIEW), o -> get(fraud + "/decisions/" + o.fraudDecision()));
        add("POST " + fraud + "/decisions/{id}/review", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(fraud + "/decisions/" + o.fraudDecision() + "/review", Map.of("verdict", "LEGITIMATE", "note", "matrix")));
        add("GET " + fraud + "/models", Rule.operator(ApiScope.RISK_REVIEW), o -> get(fraud + "/models"));
        add("POST " + fraud + "/models/{version}/activate", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(fraud + "/models/lr-20261127-20000/activate", Map.of()));
        add("POST " + fraud + "/bins", Rule.operator(ApiScope.RISK_REVIEW),
                o -> new Request(fraud + "/bins", Map.of("bin", "999999", "country", "US")));

        // payments: merchants act on their own; disputes and the buyer simulation are the operators'
        String pay = "/api/v1/payments";
        add("POST " + pay, Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay, Map.of("amount", 1_000, "currency", "EUR", "orderReference", "matrix",
                        "method", Map.of("type", "BANK_TRANSFER"))));
        add("GET " + pay, Rule.kinds(ApiScope.PAYMENTS_READ, PartyKind.MERCHANT), o -> get(pay));
        add("GET " + pay + "/{id}", Rule.kinds(ApiScope.PAYMENTS_READ, PartyKind.MERCHANT), o -> get(pay + "/" + o.payment()));
        add("GET " + pay + "/{id}/routing", Rule.kinds(ApiScope.PAYMENTS_READ, PartyKind.MERCHANT),
                o -> get(pay + "/" + o.payment() + "/routing"));
        add("POST " + pay + "/{id}/confirm", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay + "/" + o.payment() + "/confirm", Map.of()));
        add("POST " + pay + "/{id}/3ds", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay + "/" + o.payment() + "/3ds", Map.of("authenticated", true)));
        add("POST " + pay + "/{id}/capture", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay + "/" + o.payment() + "/capture", Map.of("amount", 400)));
        add("POST " + pay + "/{id}/void", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay + "/" + o.payment() + "/void", Map.of()));
        add("POST " + pay + "/{id}/cancel", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay + "/" + o.payment() + "/cancel", Map.of()));
        add("POST " + pay + "/{id}/refunds", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay + "/" + o.payment() + "/refunds", Map.of("amount", 100)));
        add("POST " + pay + "/{id}/dispute", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(pay + "/" + o.payment() + "/dispute", Map.of("amount", 100, "reason", "matrix")));
        add("POST " + pay + "/{id}/dispute/evidence", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request(pay + "/" + o.payment() + "/dispute/evidence", Map.of("evidence", "receipt")));
        add("POST " + pay + "/{id}/dispute/close", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(pay + "/" + o.payment() + "/dispute/close", Map.of("outcome", "WON")));
        add("POST " + pay + "/{id}/simulate", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(pay + "/" + o.payment() + "/simulate", Map.of("paid", true)));
        // FX
        add("GET /api/v1/fx/reference-rates", Rule.anyKind(ApiScope.FX_READ),
                o -> get("/api/v1/fx/reference-rates?base=USD&quote=CNY&date=2024-03-15"));
        add("POST /api/v1/fx/quotes", Rule.kinds(ApiScope.FX_TRADE, PartyKind.MERCHANT),
                o -> new Request("/api/v1/fx/quotes", Map.of("sellCurrency", "USD", "buyCurrency", "CNY", "sellAmount", 100)));
        add("GET /api/v1/fx/quotes/{id}", Rule.kinds(ApiScope.FX_READ, PartyKind.MERCHANT), o -> get("/api/v1/fx/quotes/" + o.quote()));
        add("POST /api/v1/fx/quotes/{id}/execute", Rule.kinds(ApiScope.FX_TRADE, PartyKind.MERCHANT),
                o -> new Request("/api/v1/fx/quotes/" + o.quote() + "/execute", Map.of()));
        add("GET /api/v1/fx/exposure", Rule.operator(ApiScope.FX_READ), o -> get("/api/v1/fx/exposure"));
        add("GET /api/v1/fx/pricing-tiers/{partyId}", Rule.operator(ApiScope.FX_READ),
                o -> get("/api/v1/fx/pricing-tiers/" + o.party()));
        add("POST /api/v1/fx/pricing-tiers/{partyId}", Rule.operator(ApiScope.FX_TRADE),
                o -> new Request("/api/v1/fx/pricing-tiers/" + o.party(), Map.of("tier", "PREFERRED")));
        // settlement: merchants read their own policy and statements; operators set terms, record deliveries, run
        String stl = "/api/v1/settlement";
        add("GET " + stl + "/parties/{partyId}/policy", Rule.kinds(ApiScope.PAYMENTS_READ, PartyKind.MERCHANT),
                o -> get(stl + "/parties/" + o.party() + "/policy"));
        add("POST " + stl + "/parties/{partyId}/policy", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(stl + "/parties/" + o.party() + "/policy", Map.of("mode", "HOLDING_PERIOD", "holdingDays", 3,
                        "calendar", "TARGET2")));
        add("GET " + stl + "/parties/{partyId}/statements", Rule.kinds(ApiScope.PAYMENTS_READ, PartyKind.MERCHANT),
                o -> get(stl + "/parties/" + o.party() + "/statements"));
        // a date long before any test payment: the run releases nothing other tests rely on
        add("POST " + stl + "/runs", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(stl + "/runs", Map.of("businessDate", "2000-01-03")));
        add("GET " + stl + "/runs", Rule.operator(ApiScope.PAYMENTS_READ), o -> get(stl + "/runs"));
        add("POST " + stl + "/payments/{id}/delivery", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(stl + "/payments/" + o.payment() + "/delivery", Map.of()));
        // payouts: a merchant pays out to its own verified account (named in the body: another's answers 422);
        // operators write and read the bank files and feed back the banks' status reports
        add("POST /api/v1/payouts", Rule.kinds(ApiScope.PAYMENTS_WRITE, PartyKind.MERCHANT),
                o -> new Request("/api/v1/payouts", Map.of("amount", 100, "currency", "EUR", "bankAccountId", o.bankAccount())));
        add("GET /api/v1/payouts", Rule.kinds(ApiScope.PAYMENTS_READ, PartyKind.MERCHANT), o -> get("/api/v1/payouts"));
        add("POST /api/v1/payouts/batches", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request("/api/v1/payouts/batches", Map.of("currency", "EUR")));
        add("GET /api/v1/payouts/batches", Rule.operator(ApiScope.PAYMENTS_READ), o -> get("/api/v1/payouts/batches"));
        add("POST /api/v1/payouts/cross-border-messages", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request("/api/v1/payouts/cross-border-messages", Map.of("currency", "EUR")));
        add("POST /api/v1/payouts/status-reports", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request("/api/v1/payouts/status-reports", Map.of("not", "a pain.002 file")));
        // reconciliation is the operators'; safeguarding reports are read by operators and regulators
        add("POST " + stl + "/reconciliations", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(stl + "/reconciliations", Map.of("fileId", "bsf_matrix")));
        add("GET " + stl + "/reconciliation-exceptions", Rule.operator(ApiScope.PAYMENTS_READ),
                o -> get(stl + "/reconciliation-exceptions"));
        // three-way reconciliation: connector reports in, results out, operators only
        add("POST " + stl + "/connector-reports", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(stl + "/connector-reports", Map.of("not", "a settlement report")));
        add("POST " + stl + "/three-way-reconciliations", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(stl + "/three-way-reconciliations", Map.of("date", "2000-01-03", "statementFileIds", List.of())));
        add("GET " + stl + "/three-way-reconciliations", Rule.operator(ApiScope.PAYMENTS_READ),
                o -> get(stl + "/three-way-reconciliations?date=2000-01-03"));
        add("POST " + stl + "/safeguarding-reports", Rule.operator(ApiScope.PAYMENTS_WRITE),
                o -> new Request(stl + "/safeguarding-reports", Map.of("date", "2000-01-03")));
        add("GET " + stl + "/safeguarding-reports", Rule.kinds(ApiScope.SUPERVISION_READ, PartyKind.REGULATOR),
                o -> get(stl + "/safeguarding-reports"));
        // trade records: marketplaces submit orders, logistics providers shipments, merchants (and
        // marketplaces for their sellers) declarations; each sees its own
        add("POST /api/v1/trade/orders", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.MARKETPLACE),
                o -> new Request("/api/v1/trade/orders", Map.of("marketplaceId", o.party(), "orderNumber", "MATRIX-1",
                        "merchantId", o.otherParty(), "buyerReference", "b", "currency", "EUR", "totalMinorUnits", 100,
                        "orderedAt", "2026-01-01T00:00:00Z", "items", List.of(Map.of("hsCode", "392690", "description", "case",
                                "quantity", 1, "unitPriceMinorUnits", 100)))));
        add("GET /api/v1/trade/orders/{id}", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.MARKETPLACE, PartyKind.MERCHANT),
                o -> get("/api/v1/trade/orders/" + o.order()));
        add("POST /api/v1/trade/orders/{id}/payment", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.MARKETPLACE),
                o -> new Request("/api/v1/trade/orders/" + o.order() + "/payment", Map.of("paymentReference", "MATRIX-PAY",
                        "currency", "EUR", "amountMinorUnits", 100, "paidAt", "2026-01-01T00:05:00Z")));
        add("POST /api/v1/trade/shipments", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.LOGISTICS_PROVIDER),
                o -> new Request("/api/v1/trade/shipments", Map.of("carrier", "SF", "waybill", "MATRIX-1",
                        "marketplaceId", o.otherParty(), "orderNumber", "MATRIX-1")));
        add("GET /api/v1/trade/shipments/{id}", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.LOGISTICS_PROVIDER),
                o -> get("/api/v1/trade/shipments/" + o.shipment()));
        add("POST /api/v1/trade/shipments/{id}/events", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.LOGISTICS_PROVIDER),
                o -> new Request("/api/v1/trade/shipments/" + o.shipment() + "/events", Map.of("type", "PICKED_UP",
                        "occurredAt", "2026-01-02T00:00:00Z", "country", "CN", "place", "Shenzhen")));
        add("POST /api/v1/trade/declarations", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.MERCHANT, PartyKind.MARKETPLACE),
                o -> new Request("/api/v1/trade/declarations", Map.of("declarationNumber", "531620260000000001",
                        "customsMode", "9610", "direction", "EXPORT", "orderNumber", "MATRIX-1")));
        add("GET /api/v1/trade/declarations/{id}", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.MERCHANT, PartyKind.MARKETPLACE),
                o -> get("/api/v1/trade/declarations/" + o.declaration()));
        add("GET /api/v1/trade/records/{id}", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.MERCHANT, PartyKind.MARKETPLACE),
                o -> get("/api/v1/trade/records/" + o.tradeRecord()));
        add("POST /api/v1/trade/imports", Rule.kinds(ApiScope.TRADE_SUBMIT, PartyKind.MARKETPLACE,
                        PartyKind.LOGISTICS_PROVIDER, PartyKind.MERCHANT),
                o -> new Request("/api/v1/trade/imports?kind=ORDERS&format=JSON_LINES", Map.of("orderNumber", "MATRIX-2")));
        // financing: lenders publish programmes and see their portfolio; merchants see offers, apply, accept and
        // repay; lenders and merchants read their own loans; credit reviewers and the programme's lender decide referrals;
        // finance funds lenders
        String fin = "/api/v1/financing";
        add("POST " + fin + "/programmes", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.LENDER),
                o -> new Request(fin + "/programmes", Map.of("name", "matrix", "product", "TERM_LOAN", "currency", "CNY",
                        "annualRate", 0.1, "months", 3, "limitsByGrade", Map.of("UNRATED", 1_000))));
        add("GET " + fin + "/programmes", Rule.kinds(ApiScope.LOANS_READ, PartyKind.LENDER), o -> get(fin + "/programmes"));
        add("POST " + fin + "/lenders/{partyId}/funding", new Rule(ApiScope.LOANS_WRITE, Set.of(PartyKind.LENDER), true),
                o -> new Request(fin + "/lenders/" + o.party() + "/funding", Map.of("amount", 1, "currency", "CNY",
                        "reference", "matrix-" + TimeOrderedIds.next())));
        add("GET " + fin + "/parties/{partyId}/offers", Rule.kinds(ApiScope.LOANS_READ, PartyKind.MERCHANT),
                o -> get(fin + "/parties/" + o.party() + "/offers"));
        add("GET " + fin + "/parties/{partyId}/borrowing-base", Rule.kinds(ApiScope.LOANS_READ, PartyKind.MERCHANT),
                o -> get(fin + "/parties/" + o.party() + "/borrowing-base?currency=CNY"));
        add("POST " + fin + "/loans", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.MERCHANT),
                o -> new Request(fin + "/loans", Map.of("programmeId", o.programme(), "principal", 100, "merchantId", o.party())));
        add("POST " + fin + "/loans/import-credits", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.MERCHANT),
                o -> new Request(fin + "/loans/import-credits", Map.of("programmeId", o.programme(), "principal", 100,
                        "merchantId", o.party(), "supplierBankAccountId", o.bankAccount(), "invoiceReference", "matrix")));
        add("GET " + fin + "/loans", Rule.kinds(ApiScope.LOANS_READ, PartyKind.MERCHANT, PartyKind.LENDER), o -> get(fin + "/loans"));
        add("GET " + fin + "/loans/{id}", Rule.kinds(ApiScope.LOANS_READ, PartyKind.MERCHANT, PartyKind.LENDER),
                o -> get(fin + "/loans/" + o.loan()));
        add("POST " + fin + "/loans/{id}/decision", Rule.kinds(ApiScope.LOANS_REVIEW, PartyKind.LENDER),
                o -> new Request(fin + "/loans/" + o.loan() + "/decision", Map.of("decision", "DECLINE", "reason", "matrix")));
        add("POST " + fin + "/loans/{id}/accept", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.MERCHANT),
                o -> new Request(fin + "/loans/" + o.loan() + "/accept", Map.of()));
        add("POST " + fin + "/loans/{id}/repayments", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.MERCHANT),
                o -> new Request(fin + "/loans/" + o.loan() + "/repayments", Map.of("amount", 1)));
        add("POST " + fin + "/loans/{id}/deposit", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.MERCHANT),
                o -> new Request(fin + "/loans/" + o.loan() + "/deposit", Map.of("amount", 1)));
        add("POST " + fin + "/loans/{id}/deposit/withdrawal", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.MERCHANT),
                o -> new Request(fin + "/loans/" + o.loan() + "/deposit/withdrawal", Map.of()));
        add("POST " + fin + "/loans/{id}/guarantee", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.LENDER),
                o -> new Request(fin + "/loans/" + o.loan() + "/guarantee", Map.of("guarantorId", o.party(),
                        "coverageBasisPoints", 5_000)));
        add("POST " + fin + "/programmes/{id}/guarantee", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.LENDER),
                o -> new Request(fin + "/programmes/" + o.programme() + "/guarantee", Map.of("guarantorId", o.party(),
                        "coverageBasisPoints", 5_000)));
        add("POST " + fin + "/guarantees/terms", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.GUARANTOR),
                o -> new Request(fin + "/guarantees/terms", Map.of("currency", "CNY", "exposureLimit", 1_000,
                        "feeBasisPoints", 100)));
        add("GET " + fin + "/guarantors/{partyId}/guarantees", Rule.kinds(ApiScope.LOANS_READ, PartyKind.GUARANTOR),
                o -> get(fin + "/guarantors/" + o.party() + "/guarantees?currency=CNY"));
        add("POST " + fin + "/loans/{id}/restructurings", Rule.kinds(ApiScope.LOANS_WRITE, PartyKind.LENDER),
                o -> new Request(fin + "/loans/" + o.loan() + "/restructurings", Map.of("extendMonths", 3, "reason", "matrix")));
        add("GET " + fin + "/loans/{id}/restructurings", Rule.kinds(ApiScope.LOANS_READ, PartyKind.MERCHANT, PartyKind.LENDER),
                o -> get(fin + "/loans/" + o.loan() + "/restructurings"));
        add("POST " + fin + "/loans/{id}/restructurings/decision", Rule.operator(ApiScope.LOANS_REVIEW),
                o -> new Request(fin + "/loans/" + o.loan() + "/restructurings/decision",
                        Map.of("decision", "REJECT", "reason", "matrix")));
        add("GET " + fin + "/lenders/{partyId}/portfolio", Rule.kinds(ApiScope.LOANS_READ, PartyKind.LENDER),
                o -> get(fin + "/lenders/" + o.party() + "/portfolio?currency=CNY"));
    }

    static {
        // credit registry: providers contribute and answer objections to their own records; a subject reads and
        // disputes its own record; a grantee reads a report only with the subject's consent (o.creditSubject()
        // consented to the world's own party); operators hold neither the subject's nor a grantee's rights
        String credit = "/api/v1/credit";
        Rule provider = Rule.kinds(ApiScope.CREDIT_CONTRIBUTE, PartyKind.MARKETPLACE, PartyKind.LOGISTICS_PROVIDER,
                PartyKind.LENDER);
        Rule subject = Rule.kinds(ApiScope.CREDIT_OWN, PartyKind.MERCHANT, PartyKind.BUYER);
        add("POST " + credit + "/contributions", provider, o -> new Request(credit + "/contributions", Map.of(
                "subjectId", o.otherParty(), "category", "SALE", "sourceRecord", "matrix-" + TimeOrderedIds.next(),
                "amount", 10, "currency", "EUR", "occurredAt", "2026-01-01T00:00:00Z")));
        add("GET " + credit + "/objections", provider, o -> get(credit + "/objections?state=OPEN"));
        add("POST " + credit + "/objections/{id}/answer", provider,
                o -> new Request(credit + "/objections/" + o.creditObjection() + "/answer", Map.of("decision", "KEEP",
                        "reasons", "matrix: verified")));
        add("GET " + credit + "/parties/{id}/report", subject, o -> get(credit + "/parties/" + o.party() + "/report"));
        add("GET " + credit + "/parties/{id}/records", subject, o -> get(credit + "/parties/" + o.party() + "/records"));
        add("GET " + credit + "/parties/{id}/access-log", subject, o -> get(credit + "/parties/" + o.party() + "/access-log"));
        add("POST " + credit + "/parties/{id}/statements", subject, o -> new Request(credit + "/parties/" + o.party()
                + "/statements", Map.of("contributionId", o.creditRecord(), "text", "matrix statement")));
        add("POST " + credit + "/parties/{id}/objections", subject, o -> new Request(credit + "/parties/" + o.party()
                + "/objections", Map.of("contributionId", o.creditRecord(), "reason", "matrix objection")));
        add("GET " + credit + "/parties/{id}/objections", subject, o -> get(credit + "/parties/" + o.party() + "/objections"));
        add("POST " + credit + "/parties/{id}/grade-publication", Rule.kinds(ApiScope.CREDIT_OWN, PartyKind.MERCHANT),
                o -> new Request(credit + "/parties/" + o.party() + "/grade-publication", Map.of("published", false)));
        add("GET " + credit + "/parties/{id}/listing-cases", subject,
                o -> get(credit + "/parties/" + o.party() + "/listing-cases"));
        add("POST " + credit + "/parties/{id}/listing-cases/{caseId}/response", subject, o -> new Request(credit + "/parties/"
                + o.party() + "/listing-cases/" + o.listingCase() + "/response", Map.of("response", "matrix response")));
        add("POST " + credit + "/parties/{id}/listing-cases/{caseId}/appeal", subject, o -> new Request(credit + "/parties/"
                + o.party() + "/listing-cases/" + o.listingCase() + "/appeal", Map.of("grounds", "matrix grounds")));
        add("GET " + credit + "/reports/{subjectId}", Rule.kinds(ApiScope.CREDIT_REPORTS_READ, PartyKind.LENDER,
                PartyKind.GUARANTOR), o -> get(credit + "/reports/" + o.creditSubject() + "?purpose=LOAN_APPLICATION"));
        // the platform's side of the dishonesty list: operators holding credit-listings:manage, on any party's case
        // (a case at the notice stage: measures before the response window and decisions without an appeal answer 409)
        Rule listings = Rule.operator(ApiScope.CREDIT_LISTINGS);
        String cases = credit + "/listing-cases";
        add("POST " + cases, listings, o -> new Request(cases, Map.of("partyId", o.party(), "policy", "CONFIRMED_FRAUD",
                "conduct", "matrix conduct", "evidence", "matrix evidence")));
        add("GET " + cases, listings, o -> get(cases + "?partyId=" + o.party()));
        add("GET " + cases + "/{caseId}", listings, o -> get(cases + "/" + o.listingCase()));
        add("POST " + cases + "/{caseId}/measures", listings, o -> new Request(cases + "/" + o.listingCase() + "/measures",
                Map.of("measure", "LIMITS", "reasons", "matrix")));
        add("POST " + cases + "/{caseId}/withdrawal", listings, o -> new Request(cases + "/" + o.listingCase() + "/withdrawal",
                Map.of("reasons", "")));
        add("POST " + cases + "/{caseId}/appeal-decision", listings, o -> new Request(cases + "/" + o.listingCase()
                + "/appeal-decision", Map.of("overturned", false, "reasons", "matrix")));
        add("POST " + cases + "/{caseId}/repair", listings, o -> new Request(cases + "/" + o.listingCase() + "/repair",
                Map.of("evidence", "matrix")));
    }

    static {
        // supervision: regulators (and operators holding supervision:read) read; only regulators write, to
        // violation cases and zone policies; a regulator's case is 404 to another regulator
        String sup = "/api/v1/supervision";
        Rule read = Rule.kinds(ApiScope.SUPERVISION_READ, PartyKind.REGULATOR);
        Rule write = Rule.kinds(ApiScope.SUPERVISION_WRITE, PartyKind.REGULATOR);
        add("GET " + sup + "/flows", read, o -> get(sup + "/flows?from=2026-01-01&to=2026-12-31&groupBy=MERCHANT"));
        add("GET " + sup + "/payments", read, o -> get(sup + "/payments?from=2026-01-01&to=2026-12-31"));
        add("GET " + sup + "/quota-breaches", read, o -> get(sup + "/quota-breaches?year=2026"));
        add("GET " + sup + "/merchant-receipts", read, o -> get(sup + "/merchant-receipts?year=2026"));
        add("GET " + sup + "/fx-collections/held", read, o -> get(sup + "/fx-collections/held"));
        add("GET " + sup + "/bop-declarations", read, o -> get(sup + "/bop-declarations?from=2026-01-01&to=2026-12-31"));
        add("GET " + sup + "/institutions", read, o -> get(sup + "/institutions"));
        add("GET " + sup + "/zones", read, o -> get(sup + "/zones"));
        add("POST " + sup + "/zones/{code}", write, o -> new Request(sup + "/zones/MATRIX-ZONE", Map.of("name", "Matrix zone",
                "capabilities", List.of("SIMPLIFIED_HS_DECLARATION"), "limits", Map.of("cn_fx.pilot_single_txn_cap_usd", "60000"),
                "cohort", List.of(), "startsOn", "2026-01-01")));
        add("GET " + sup + "/platform-tax-reports/{quarter}", read, o -> get(sup + "/platform-tax-reports/2026-Q3"));
        add("GET " + sup + "/rules", read, o -> get(sup + "/rules"));
        add("GET " + sup + "/violations", read, o -> get(sup + "/violations"));
        add("GET " + sup + "/violations/{id}", read, o -> get(sup + "/violations/" + o.violation()));
        add("POST " + sup + "/violations", write, o -> new Request(sup + "/violations", Map.of("subjectId", o.otherParty(),
                "ruleCode", "MATRIX_CASE", "description", "filed by the matrix")));
        add("POST " + sup + "/violations/{id}/steps", write, o -> new Request(sup + "/violations/" + o.violation() + "/steps",
                Map.of("action", "investigate")));
        // objects of the platform's whole register, not of one regulator: the same for every target
        add("GET " + sup + "/institutions/{id}", read, o -> get(sup + "/institutions/" + IsolationMatrixTest.supervised[0]));
        add("GET " + sup + "/zones/{code}", read, o -> get(sup + "/zones/" + IsolationMatrixTest.supervised[1]));
        add("GET " + sup + "/fx-collections/{id}", read, o -> get(sup + "/fx-collections/" + IsolationMatrixTest.supervised[2]));
        add("POST " + sup + "/fx-collections/{id}/review", write, o -> new Request(sup + "/fx-collections/" + IsolationMatrixTest.supervised[2]
                + "/review", Map.of("decision", "RELEASE", "note", "matrix")));
        add("GET " + sup + "/cbec-imports", read, o -> get(sup + "/cbec-imports?from=2026-01-01&to=2026-12-31"));
        add("POST " + sup + "/cbec-quotas/status", read, o -> new Request(sup + "/cbec-quotas/status",
                Map.of("documentType", "CN_RESIDENT_ID", "country", "CN", "number", "11010519491231002X")));
        add("POST " + sup + "/fx-quotas/status", read, o -> new Request(sup + "/fx-quotas/status",
                Map.of("documentType", "CN_RESIDENT_ID", "country", "CN", "number", "11010519491231002X")));
        add("GET " + sup + "/safeguarding", read, o -> get(sup + "/safeguarding?from=2026-01-01&to=2026-12-31"));
    }

    /** A licensed institution, a pilot zone and an FX collection held for authenticity, made once for the matrix. */
    private static volatile String[] supervised = new String[3];

    @Autowired
    org.finbridge.supervision.PaymentInstitutions institutions;

    @Autowired
    org.finbridge.supervision.PilotZones zones;

    @Autowired
    org.finbridge.supervision.FxCollections collections;

    @org.junit.jupiter.api.BeforeEach
    synchronized void supervisedObjects() {
        if (supervised[0] != null) {
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        PartyId institution = actors.party(PartyKind.PAYMENT_INSTITUTION).partyId();
        institutions.register(new org.finbridge.supervision.Licence(institution, "MATRIX-" + TimeOrderedIds.next(),
                Set.of("CROSS_BORDER_FX"), Set.of("CN"), today.minusYears(1), today.plusYears(1),
                org.finbridge.money.Money.ofMajor("50000", "USD")));
        zones.define(new org.finbridge.supervision.PilotZone("MATRIX-READ-ZONE", "Matrix zone", Set.of(), Map.of(), Set.of(),
                today.minusYears(1), null, 0));
        // no trade record behind it: held
        org.finbridge.supervision.FxCollection held = collections.receive(actors.party(PartyKind.MERCHANT).partyId(),
                new org.finbridge.trade.OrderReference(actors.party(PartyKind.MARKETPLACE).partyId(), "MATRIX-FX-1"), "matrix-fx-1",
                org.finbridge.money.Money.ofMajor("10", "USD"));
        supervised = new String[] {institution.toString(), "MATRIX-READ-ZONE", held.id().toString()};
    }

    /** A role in the matrix: every party kind with all it may hold, and the operators' separated duties. */
    record Role(String name, PartyKind kind, Set<ApiScope> scopes) {
    }

    static List<Role> roles() {
        List<Role> roles = new ArrayList<>();
        for (PartyKind kind : PartyKind.values()) {
            roles.add(new Role(kind.name(), kind, ApiScope.grantableTo(kind)));
        }
        for (ConsoleRole role : ConsoleRole.operatorRoles()) {
            roles.add(new Role(role.name(), PartyKind.OPERATOR, role.scopes()));
        }
        return roles;
    }

    private Set<String> apiRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    e.getKey().getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        return routes;
    }

    @Test
    void everyApiEndpointIsInTheMatrixAndDeclaresItsAccess() {
        Set<String> routes = apiRoutes();
        assertThat(routes).as("endpoints missing from the isolation matrix").isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("matrix entries for endpoints that no longer exist").isSubsetOf(routes);
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))) {
                assertThat(handler.getMethodAnnotation(Access.class)).as(handler.getShortLogMessage() + " declares @Access")
                        .isNotNull();
            }
        });
    }

    @Test
    void everyRoleSeesItsOwnObjectsOnlyAndNothingChangesWhenRefused() {
        Api operator = actors.operator().api(port);
        Map<PartyKind, World> worlds = new LinkedHashMap<>();
        for (PartyKind kind : PartyKind.values()) {
            worlds.put(kind, new World(kind));
        }
        String ledgerAccount = operator.post("/api/v1/ledger/accounts", Map.of("currency", "EUR", "type", "MATRIX"))
                .body().get("id").asString();
        String ledgerCounter = operator.post("/api/v1/ledger/accounts", Map.of("currency", "EUR", "type", "MATRIX"))
                .body().get("id").asString();
        String transfer = TimeOrderedIds.format("tr", TimeOrderedIds.next());
        assertThat(operator.post("/api/v1/ledger/transfers", Map.of("transfers", List.of(Map.of("id", transfer,
                "debitAccountId", ledgerAccount, "creditAccountId", ledgerCounter, "amount", 5, "currency", "EUR",
                "code", "MATRIX")))).status()).isEqualTo(200);

        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Role role : roles()) {
            World mine = worlds.get(role.kind());
            Api api = role.kind() == PartyKind.OPERATOR
                    ? new Api(port, actors.key(mine.own, role.scopes().toArray(ApiScope[]::new)))
                    : new Api(port, mine.actorKey);
            // the operator acts on everyone's objects: "its own" are those of a party the endpoint serves
            Map<PartyKind, Objects[]> subjects = new LinkedHashMap<>();
            Objects missing = missing();
            for (Map.Entry<String, Entry> e : MATRIX.entrySet()) {
                String route = e.getKey();
                PartyKind served = role.kind() != PartyKind.OPERATOR ? role.kind()
                        : e.getValue().rule().kinds().stream().findFirst().orElse(PartyKind.MERCHANT);
                Objects[] pair = subjects.computeIfAbsent(served, k -> new Objects[] {
                        worlds.get(k).objects(operator, true, ledgerAccount, transfer),
                        worlds.get(k).objects(operator, false, ledgerAccount, transfer)});
                Objects own = pair[0];
                Objects foreign = pair[1];
                boolean write = route.startsWith("POST") || route.startsWith("DELETE") || route.startsWith("PUT");
                boolean admitted = e.getValue().rule().admits(role.kind(), role.scopes());
                for (String target : List.of("own", "foreign", "nonexistent")) {
                    Objects objects = switch (target) {
                        case "own" -> own;
                        case "foreign" -> foreign;
                        default -> missing;
                    };
                    Request request = e.getValue().request().apply(objects);
                    // does this request name an object at all (a party, a file, a key…), or a collection?
                    boolean namesObject = !request.path().equals(e.getValue().request().apply(own).path());
                    long auditBefore = auditRecords();
                    // every write carries a fresh Idempotency-Key (money-moving POSTs require one; the others ignore it)
                    Api.Response r = request.body() == null ? api.get(request.path())
                            : api.with("Idempotency-Key", TimeOrderedIds.next().toString()).post(request.path(), request.body());
                    checked++;
                    String where = role.name() + " " + route + " on " + target + " → " + r.status() + " " + r.code();
                    if (!admitted) {
                        expect(failures, where, r.status() == 403);
                    } else if (!namesObject || (role.kind() == PartyKind.OPERATOR && target.equals("foreign"))) {
                        expect(failures, where, r.status() != 401 && r.status() != 403 && r.status() != 404 && r.status() < 500);
                    } else {
                        expect(failures, where, r.status() == 404);
                    }
                    if (write && (r.status() == 403 || r.status() == 404)) {
                        expect(failures, where + ": a refused write left an audit record", auditRecords() == auditBefore);
                    }
                }
            }
        }
        assertThat(failures).as("isolation failures out of " + checked + " requests").isEmpty();
        assertThat(checked).isEqualTo(roles().size() * MATRIX.size() * 3);
    }

    @Test
    void anonymousAndUnknownKeysReachNoEndpoint() {
        Objects missing = missing();
        for (Map.Entry<String, Entry> e : MATRIX.entrySet()) {
            Request request = e.getValue().request().apply(missing);
            for (Api api : List.of(new Api(port), new Api(port, "fbk_AAAAAAAAAAAA_" + "A".repeat(43)))) {
                // every write carries a fresh Idempotency-Key (money-moving POSTs require one; the others ignore it)
                    Api.Response r = request.body() == null ? api.get(request.path())
                            : api.with("Idempotency-Key", TimeOrderedIds.next().toString()).post(request.path(), request.body());
                assertThat(r.status()).as(e.getKey()).isEqualTo(401);
                assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
            }
        }
    }

    private static void expect(List<String> failures, String what, boolean ok) {
        if (!ok) {
            failures.add(what);
        }
    }

    private static tools.jackson.databind.JsonNode created(Api.Response r, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(201);
        return r.body();
    }

    private long auditRecords() {
        return jdbc.sql("select count(*) from audit_trail").query(Long.class).single();
    }

    private static Objects missing() {
        return new Objects(TimeOrderedIds.format("pty", TimeOrderedIds.next()), TimeOrderedIds.format("kyb", TimeOrderedIds.next()),
                TimeOrderedIds.format("bac", TimeOrderedIds.next()), TimeOrderedIds.format("cns", TimeOrderedIds.next()),
                TimeOrderedIds.format("key", TimeOrderedIds.next()), TimeOrderedIds.format("acc", TimeOrderedIds.next()),
                TimeOrderedIds.format("tr", TimeOrderedIds.next()), TimeOrderedIds.format("pty", TimeOrderedIds.next()),
                TimeOrderedIds.format("whe", TimeOrderedIds.next()), TimeOrderedIds.format("whd", TimeOrderedIds.next()),
                TimeOrderedIds.format("pay", TimeOrderedIds.next()),
                TimeOrderedIds.format("fxq", TimeOrderedIds.next()),
                TimeOrderedIds.format("ord", TimeOrderedIds.next()), TimeOrderedIds.format("shp", TimeOrderedIds.next()),
                TimeOrderedIds.format("dcl", TimeOrderedIds.next()), TimeOrderedIds.format("trd", TimeOrderedIds.next()),
                TimeOrderedIds.format("hit", TimeOrderedIds.next()), TimeOrderedIds.format("alr", TimeOrderedIds.next()),
                TimeOrderedIds.format("amlcase", TimeOrderedIds.next()), TimeOrderedIds.format("amlrpt", TimeOrderedIds.next()),
                TimeOrderedIds.format("loan", TimeOrderedIds.next()), TimeOrderedIds.format("lpg", TimeOrderedIds.next()),
                TimeOrderedIds.format("vio", TimeOrderedIds.next()), TimeOrderedIds.format("frd", TimeOrderedIds.next()),
                TimeOrderedIds.format("ctb", TimeOrderedIds.next()), TimeOrderedIds.format("obj", TimeOrderedIds.next()),
                TimeOrderedIds.format("pty", TimeOrderedIds.next()), TimeOrderedIds.format("lst", TimeOrderedIds.next()));
    }

    /** The AML alert, case and report every world names: made once, through a real payment and two analysts. */
    private String[] amlObjects;

    private String[] amlObjects(Api operator) {
        if (amlObjects == null) {
            PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
            // a payment from a FATF call-for-action country raises an alert, which opens a case
            created(operator.with("Idempotency-Key", TimeOrderedIds.next().toString()).post("/api/v1/payments",
                    Map.of("merchantId", merchant.toString(), "amount", 1_000, "currency", "EUR", "orderReference", "matrix-aml",
                            "buyer", Map.of("country", "KP"), "method", Map.of("type", "CARD", "card", Map.of("number",
                                    "4242424242424242", "expMonth", 12, "expYear", 2099)), "captureMethod", "AUTOMATIC",
                            "confirm", true)), "aml payment");
            org.finbridge.risk.aml.Alert alert = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> amlMonitoring.alerts(null, 500).stream().filter(a -> a.partyId().equals(merchant)
                            && a.caseId() != null).findFirst(), java.util.Optional::isPresent).orElseThrow();
            org.finbridge.party.Actor preparer = new org.finbridge.party.Actor("matrix-a", "key:matrix-a",
                    org.finbridge.party.Actor.Channel.API_KEY, actors.operator().partyId(), PartyKind.OPERATOR, null,
                    Set.of(ApiScope.RISK_REVIEW));
            org.finbridge.party.Actor approver = new org.finbridge.party.Actor("matrix-b", "key:matrix-b",
                    org.finbridge.party.Actor.Channel.API_KEY, actors.operator().partyId(), PartyKind.OPERATOR, null,
                    Set.of(ApiScope.RISK_REVIEW));
            amlCases.assign(preparer, alert.caseId(), "matrix");
            amlCases.propose(preparer, alert.caseId(), org.finbridge.risk.aml.AmlCase.Proposal.FILE_STR, "matrix");
            var decided = (org.finbridge.risk.aml.CaseResult.Done) amlCases.decide(approver, alert.caseId(), true, null);
            amlObjects = new String[] {alert.id().toString(), alert.caseId().toString(), decided.amlCase().reportId().toString()};
        }
        return amlObjects;
    }

    @Autowired
    org.finbridge.risk.aml.AmlMonitoring amlMonitoring;

    @Autowired
    org.finbridge.risk.aml.AmlCases amlCases;

    /** Two parties of one kind (the actor's own and a neighbour's), each with the objects the routes name. */
    final class World {
        final PartyId own;
        final PartyId neighbour;
        final String actorKey;
        final String neighbourKey;

        World(PartyKind kind) {
            TestActors.Credentials me = actors.party(kind);
            this.own = me.partyId();
            this.actorKey = me.key();
            TestActors.Credentials next = actors.party(kind);
            this.neighbour = next.partyId();
            this.neighbourKey = next.key();
        }

        /** The fraud decision on a merchant's payment (every confirmed payment is scored), or a fresh id. */
        private String fraudDecision(Api operator, String payment) {
            Api.Response r = operator.get("/api/v1/risk/fraud/decisions?paymentId=" + payment);
            return r.status() == 200 && r.body().size() > 0 ? r.body().get(0).get("id").asString()
                    : TimeOrderedIds.format("frd", TimeOrderedIds.next());
        }

        /** A card payment authorized for the merchant (payments belong to merchants only). */
        private String payment(Api operator, PartyId merchant) {
            return created(operator.with("Idempotency-Key", TimeOrderedIds.next().toString()).post("/api/v1/payments",
                    Map.of("merchantId", merchant.toString(), "amount", 1_000, "currency", "EUR", "orderReference", "matrix",
                            "method", Map.of("type", "CARD", "card", Map.of("number", "4242424242424242", "expMonth", 12,
                                    "expYear", 2099)), "captureMethod", "MANUAL", "confirm", true)), "payment").get("id").asString();
        }

        Objects objects(Api operator, boolean mine, String ledgerAccount, String transfer) {
            PartyId party = mine ? own : neighbour;
            PartyId other = mine ? neighbour : own;
            String kyb = null;
            String sanctionsHit = TimeOrderedIds.format("hit", TimeOrderedIds.next());
            if (operator.get("/api/v1/parties/" + party).body().get("kind").asString().equals("MERCHANT")) {
                sanctionsHit = sanctionsHitOn(operator, party);
                Api.Response opened = operator.post("/api/v1/parties/" + party + "/kyb", Map.of("registrationNumber", "R",
                        "registeredAddress", "1 Road", "incorporationDate", "2020-01-01", "businessDescription", "toys"));
                kyb = opened.status() == 201 ? opened.body().get("id").asString()
                        : operator.get("/api/v1/parties/" + party + "/kyb").body().get("id").asString();
            }
            String bankAccount = created(operator.post("/api/v1/parties/" + party + "/bank-accounts", Map.of("currency", "EUR",
                    "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX", "holderName", "Nobody In Particular")), "bank account").get("id").asString();
            String consent = created(operator.post("/api/v1/parties/" + party + "/consents", Map.of("granteeId", other.toString(),
                    "scope", "TRADE_DATA", "purpose", "LOAN_APPLICATION", "expiresAt", inAYear)), "consent").get("id").asString();
            String key = created(operator.post("/api/v1/parties/" + party + "/api-keys", Map.of("scopes", List.of("parties:read"))), "key")
                    .get("key").get("id").asString();
            // a webhook endpoint is registered by its owner itself, with a test event to name as a delivery
            Api owner = new Api(port, mine ? actorKey : neighbourKey);
            String webhookEndpoint = created(owner.post("/api/v1/webhook-endpoints", Map.of("url", MATRIX_WEBHOOK_URL,
                    "eventTypes", List.of("*"))), "webhook endpoint").get("endpoint").get("id").asString();
            String webhookDelivery = owner.post("/api/v1/webhook-endpoints/" + webhookEndpoint + "/ping", Map.of())
                    .body().get("id").asString();
            // a quote the party asked for (the Java API quotes for any party; over HTTP only merchants ask)
            String quote = fx.quote(org.finbridge.fx.QuoteRequest.selling(party, org.finbridge.money.CurrencyCode.of("EUR"),
                    org.finbridge.money.CurrencyCode.of("USD"), 1_000), "matrix") instanceof org.finbridge.fx.QuoteResult.Quoted q
                    ? q.quote().id().toString() : TimeOrderedIds.format("fxq", TimeOrderedIds.next());
            Objects missing = missing();
            String payment = kyb == null ? TimeOrderedIds.format("pay", TimeOrderedIds.next()) : payment(operator, party);
            String kind = operator.get("/api/v1/parties/" + party).body().get("kind").asString();
            TradeObjects trade = tradeObjects(party, PartyKind.valueOf(kind), missing);
            String[] financed = financedObjects(party, PartyKind.valueOf(kind));
            String[] credit = creditObjects(party, PartyKind.valueOf(kind));
            return new Objects(party.toString(), kyb == null ? TimeOrderedIds.format("kyb", TimeOrderedIds.next()) : kyb,
                    bankAccount, consent, key, ledgerAccount, transfer, other.toString(), webhookEndpoint, webhookDelivery, quote,
                    payment, trade.order(), trade.shipment(), trade.declaration(), trade.record(), sanctionsHit,
                    amlObjects(operator)[0], amlObjects(operator)[1], amlObjects(operator)[2],
                    financed[0] == null ? missing.loan() : financed[0], financed[1] == null ? missing.programme() : financed[1],
                    kind.equals("REGULATOR") ? TimeOrderedIds.format("vio", violations.file(party, other, "MATRIX_CASE",
                            "matrix case").id()) : missing.violation(),
                    fraudDecision(operator, payment), credit[0] == null ? missing.creditRecord() : credit[0],
                    credit[1] == null ? missing.creditObjection() : credit[1],
                    credit[2] == null ? missing.creditSubject() : credit[2],
                    credit[3] == null ? missing.listingCase() : credit[3]);
        }

        /**
         * The party's credit objects, made through the credit module's API: a record about it (a subject), an
         * objection to a record it contributed (a provider), and a seller that consented to its reading the
         * report (a grantee).
         */
        String[] creditObjects(PartyId party, PartyKind kind) {
            String[] objects = new String[4];
            java.time.Instant at = clock.instant().minus(java.time.Duration.ofDays(2));
            if (kind == PartyKind.MERCHANT || kind == PartyKind.BUYER) {
                PartyId marketplace = actors.party(PartyKind.MARKETPLACE).partyId();
                objects[0] = accepted(new org.finbridge.credit.NewContribution(marketplace, null, party,
                        org.finbridge.credit.ContributionCategory.COMPLAINT, "matrix-" + TimeOrderedIds.next(), 1, null, at,
                        null, at, null)).id();
                // an advance notice only: a warning, never a listing, so the party's other routes are unaffected
                // (one open case per policy: the party's world is built again for every role)
                dishonestyCases.notice(party, org.finbridge.credit.ListingPolicy.REPEATED_TRADE_DISPUTES, "matrix conduct",
                        "matrix evidence", "user:matrix");
                objects[3] = dishonestyCases.cases(party).stream().filter(c -> c.state().equals("NOTICED"))
                        .map(org.finbridge.credit.ListingCase::id).findFirst().orElseThrow();
            }
            if (kind == PartyKind.MARKETPLACE || kind == PartyKind.LOGISTICS_PROVIDER || kind == PartyKind.LENDER) {
                PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
                String record = accepted(new org.finbridge.credit.NewContribution(party, null, merchant,
                        org.finbridge.credit.ContributionCategory.COMPLAINT, "matrix-" + TimeOrderedIds.next(), 1, null, at,
                        null, at, null)).id();
                objects[1] = ((org.finbridge.credit.ReportResult.ObjectionRecorded) creditReports.object(merchant, record,
                        "matrix")).objection().id();
            }
            if (kind == PartyKind.LENDER || kind == PartyKind.GUARANTOR) {
                PartyId merchant = actors.party(PartyKind.MERCHANT).partyId();
                consents.grant(merchant, party, org.finbridge.party.ConsentScope.CREDIT_REPORT,
                        org.finbridge.party.ConsentPurpose.LOAN_APPLICATION, clock.instant().plus(java.time.Duration.ofDays(30)));
                objects[2] = merchant.toString();
            }
            return objects;
        }

        private org.finbridge.credit.Contribution accepted(org.finbridge.credit.NewContribution contribution) {
            return ((org.finbridge.credit.ContributionResult.Accepted) contributions.submit(contribution)).contribution();
        }

        /**
         * A loan application of the party's own: a merchant's under a new lender's programme, or one under a
         * lender's own programme by a new merchant (underwriting declines both: no approved KYB file).
         */
        String[] financedObjects(PartyId party, PartyKind kind) {
            if (kind != PartyKind.MERCHANT && kind != PartyKind.LENDER) {
                return new String[2];
            }
            PartyId lender = kind == PartyKind.LENDER ? party : actors.party(PartyKind.LENDER).partyId();
            PartyId merchant = kind == PartyKind.MERCHANT ? party : actors.party(PartyKind.MERCHANT).partyId();
            var published = (org.finbridge.financing.ProgrammeResult.Published) financing.publish(as(lender, PartyKind.LENDER),
                    new org.finbridge.financing.NewProgramme("matrix", org.finbridge.financing.Product.TERM_LOAN, "CNY",
                            new java.math.BigDecimal("0.10"), 3, org.finbridge.financing.AmortizationMethod.EQUAL_INSTALLMENT,
                            org.finbridge.financing.DayCount.MONTHLY, 0, 0, 0, 0, 30, java.math.BigDecimal.ZERO, 0,
                            Map.of("UNRATED", 1_000_000L)));
            var applied = (org.finbridge.financing.LoanResult.Done) financing.apply(as(merchant, PartyKind.MERCHANT), merchant,
                    published.programme().id(), 1_000, "matrix-" + TimeOrderedIds.next());
            return new String[] {applied.loan().id().toString(), published.programme().id().toString()};
        }

        private org.finbridge.party.Actor as(PartyId party, PartyKind kind) {
            return new org.finbridge.party.Actor("matrix", "key:matrix", org.finbridge.party.Actor.Channel.API_KEY, party, kind,
                    null, ApiScope.grantableTo(kind));
        }

        /** The party's own trade documents, made through the trade module's API as the party. */
        TradeObjects tradeObjects(PartyId party, PartyKind kind, Objects missing) {
            org.finbridge.party.Actor as = new org.finbridge.party.Actor("matrix", "key:matrix",
                    org.finbridge.party.Actor.Channel.API_KEY, party, kind, null, Set.of(ApiScope.TRADE_SUBMIT));
            String number = "MX-" + java.util.UUID.randomUUID().toString().substring(0, 13);
            String at = clock.instant().minus(java.time.Duration.ofDays(1)).toString();
            PartyId marketplace = kind == PartyKind.MARKETPLACE ? party : actors.party(PartyKind.MARKETPLACE).partyId();
            PartyId merchant = kind == PartyKind.MERCHANT ? party : actors.party(PartyKind.MERCHANT).partyId();
            String order = missing.order();
            String declaration = missing.declaration();
            String record = missing.tradeRecord();
            if (kind == PartyKind.MARKETPLACE || kind == PartyKind.MERCHANT) {
                org.finbridge.party.Actor submitter = kind == PartyKind.MARKETPLACE ? as : new org.finbridge.party.Actor("matrix",
                        "key:matrix", org.finbridge.party.Actor.Channel.API_KEY, marketplace, PartyKind.MARKETPLACE, null,
                        Set.of(ApiScope.TRADE_SUBMIT));
                var recorded = (org.finbridge.trade.OrderResult.Recorded) orders.submit(new org.finbridge.trade.NewOrder(null,
                        number, merchant.toString(), null, "buyer", "EUR", 100L, at, List.of(new org.finbridge.trade.NewOrder.Item(
                        "392690", "case", 1L, 100L))), submitter);
                order = recorded.order().id().toString();
                record = recorded.order().reference().recordId().toString();
                var declared = (org.finbridge.trade.DeclarationResult.Recorded) declarations.submit(
                        new org.finbridge.trade.NewDeclaration("5316202600" + String.format("%08d", DECLARATIONS.incrementAndGet()),
                                "9610", "EXPORT", kind == PartyKind.MARKETPLACE ? merchant.toString() : null,
                                kind == PartyKind.MERCHANT ? marketplace.toString() : null, number, null, null, "EUR", 100L, at,
                                List.of(new org.finbridge.trade.NewDeclaration.Line("392690", "case", 1L, 100L))), as);
                declaration = declared.declaration().id().toString();
            }
            String shipment = missing.shipment();
            if (kind == PartyKind.LOGISTICS_PROVIDER) {
                var reported = (org.finbridge.trade.ShipmentResult.Recorded) shipments.submit(new org.finbridge.trade.NewShipment(
                        null, "SF", "MX" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16), marketplace.toString(), number), as);
                shipment = reported.shipment().id().toString();
            }
            return new TradeObjects(order, shipment, declaration, record);
        }

        /**
         * A possible sanctions match of the merchant: a watch list naming the test merchants ("merchant test
         * party N"), then the merchant screened. Every merchant of the tests may hit it; no other test reads
         * these hits, and without the required OFAC list nothing is ever cleared.
         */
        private String sanctionsHitOn(Api operator, PartyId party) {
            Api.Response list = operator.post("/api/v1/sanctions/lists?format=csv", Map.of("list", "MATRIX-WATCH", "file",
                    java.util.Base64.getEncoder().encodeToString("id,name,type\nMW-1,Merchant Test Party,entity\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(list.status()).as("matrix watch list: " + list.body()).isIn(200, 201);
            Api.Response screened = operator.post("/api/v1/sanctions/screenings", Map.of("partyId", party.toString()));
            assertThat(screened.body().get("hits").size()).as("matrix hit: " + screened.body()).isPositive();
            return screened.body().get("hits").get(0).get("id").asString();
        }
    }

    record TradeObjects(String order, String shipment, String declaration, String record) {
    }

    private static final java.util.concurrent.atomic.AtomicInteger DECLARATIONS = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    org.finbridge.trade.Orders orders;

    @Autowired
    org.finbridge.trade.Shipments shipments;

    @Autowired
    org.finbridge.trade.Declarations declarations;

    @Autowired
    org.finbridge.financing.Financing financing;
    @Autowired
    org.finbridge.supervision.Violations violations;
    @Autowired
    org.finbridge.credit.Contributions contributions;
    @Autowired
    org.finbridge.credit.CreditReports creditReports;
    @Autowired
    org.finbridge.credit.DishonestyCases dishonestyCases;
    @Autowired
    org.finbridge.party.Consents consents;

}
