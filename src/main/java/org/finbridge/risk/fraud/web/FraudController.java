package org.finbridge.risk.fraud.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.payments.PaymentId;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudModelVersion;
import org.finbridge.risk.fraud.FraudModels;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.fraud.ReviewResult;
import org.finbridge.risk.fraud.internal.BinCountries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fraud decisions, the review queue, the model registry and the BIN table: the platform's risk
 * analysts only (scope {@code risk:review}, operators). Refusals: 400 INVALID_FIELD, 404
 * DECISION_NOT_FOUND / MODEL_NOT_FOUND, 409 ALREADY_REVIEWED.
 */
@RestController
@RequestMapping("/api/v1/risk/fraud")
class FraudController {

    private final FraudReviews reviews;
    private final FraudModels models;
    private final BinCountries bins;

    FraudController(FraudReviews reviews, FraudModels models, BinCountries bins) {
        this.reviews = reviews;
        this.models = models;
        this.bins = bins;
    }

    record DecisionView(String id, String paymentId, String merchantId, String outcome, double score, String modelVersion,
                        List<String> reasons, Instant decidedAt, String review, String reviewedBy, String reviewNote,
                        Instant reviewedAt, String label, String labelSource) {
        static DecisionView of(FraudDecision d) {
            return new DecisionView(d.id(), d.paymentId().toString(), d.merchantId().toString(), d.outcome().name(), d.score(),
                    d.modelVersion(), d.reasons(), d.decidedAt(), d.review().name(), d.reviewedBy(), d.reviewNote(),
                    d.reviewedAt(), d.label() == null ? null : d.label().name(), d.labelSource());
        }
    }

    /** The review queue: decisions waiting for an operator, oldest first. */
    @GetMapping("/reviews")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    List<DecisionView> queue(@RequestParam(defaultValue = "100") int limit) {
        return reviews.queue(limit).stream().map(DecisionView::of).toList();
    }

    /** The decisions made on a payment ({@code paymentId}, required). */
    @GetMapping("/decisions")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> ofPayment(@RequestParam(required = false) String paymentId) {
        if (paymentId == null) {
            return invalid("paymentId", "is required");
        }
        PaymentId id;
        try {
            id = PaymentId.parse(paymentId);
        } catch (IllegalArgumentException e) {
            return invalid("paymentId", "is not a payment id");
        }
        return ResponseEntity.ok(reviews.ofPayment(id).stream().map(DecisionView::of).toList());
    }

    @GetMapping("/decisions/{id}")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    DecisionView decision(@PathVariable String id) {
        return reviews.find(id).map(DecisionView::of)
                .orElseThrow(() -> new NotFoundException("DECISION_NOT_FOUND", "no such object: " + id));
    }

    record ReviewBody(String verdict, String note) {
    }

    @PostMapping("/decisions/{id}/review")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> review(Actor actor, @PathVariable String id, @RequestBody ReviewBody body) {
        FraudDecision.Verdict verdict = null;
        if (body.verdict() != null) {
            try {
                verdict = FraudDecision.Verdict.valueOf(body.verdict().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return invalid("verdict", "FRAUD or LEGITIMATE");
            }
        }
        return switch (reviews.review(id, verdict, body.note(), actor)) {
            case ReviewResult.Reviewed r -> ResponseEntity.ok(DecisionView.of(r.decision()));
            case ReviewResult.NotFound n -> throw new NotFoundException("DECISION_NOT_FOUND", "no such object: " + id);
            case ReviewResult.AlreadyReviewed a -> Problems.response(HttpStatus.CONFLICT, "ALREADY_REVIEWED",
                    "the decision was reviewed as " + a.decision().label() + " by " + a.decision().reviewedBy());
            case ReviewResult.InvalidField f -> invalid(f.field(), f.reason());
            case ReviewResult.NotReleased n -> Problems.response(HttpStatus.CONFLICT, "PAYMENT_NOT_RELEASED", n.reason());
        };
    }

    @GetMapping("/models")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    List<FraudModelVersion> models() {
        return models.versions();
    }

    @PostMapping("/models/{version}/activate")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    FraudModelVersion activate(Actor actor, @PathVariable String version) {
        if (!models.activate(version, actor)) {
            throw new NotFoundException("MODEL_NOT_FOUND", "no such object: " + version);
        }
        return models.active().orElseThrow();
    }

    record BinBody(String bin, String country) {
    }

    /** Sets the issuing country of a BIN (from a licensed BIN table); setting it again replaces it. */
    @PostMapping("/bins")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> setBin(Actor actor, @RequestBody BinBody body) {
        String bin = body.bin();
        if (bin == null || !bin.matches("[0-9]{6}")) {
            return invalid("bin", "six digits");
        }
        if (body.country() == null || !body.country().matches("[A-Za-z]{2}")) {
            return invalid("country", "an ISO 3166-1 alpha-2 code");
        }
        String country = body.country().toUpperCase(Locale.ROOT);
        bins.put(bin, country, actor);
        return ResponseEntity.ok(Map.of("bin", bin, "country", country));
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }
}
