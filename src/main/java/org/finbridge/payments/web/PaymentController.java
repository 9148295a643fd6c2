package org.finbridge.payments.web;

import java.util.List;
import java.util.function.Supplier;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.IdempotentRequests;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.Payments;
import org.finbridge.payments.connector.simulated.BuyerSimulation;
import org.finbridge.payments.internal.BuyerSimulator;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment intents over HTTP. Every POST that moves money requires an {@code Idempotency-Key}
 * (confirm, 3-D Secure completion, capture, void, refund, disputes, buyer simulation, and create with
 * {@code confirm: true}); creating without confirming accepts one. A merchant sees and acts on its own
 * payments only: another merchant's payment id answers 404 like an unknown one.
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private static final String KEY = IdempotentRequests.HEADER;

    private final Payments payments;
    private final IdempotentRequests idempotency;
    private final CardTokenizer tokenizer;
    private final BuyerSimulator buyers;
    private final org.finbridge.payments.internal.RoutingJournal routingJournal;

    PaymentController(Payments payments, IdempotentRequests idempotency, CardTokenizer tokenizer, BuyerSimulator buyers,
                      org.finbridge.payments.internal.RoutingJournal routingJournal) {
        this.payments = payments;
        this.idempotency = idempotency;
        this.tokenizer = tokenizer;
        this.buyers = buyers;
        this.routingJournal = routingJournal;
    }

    @PostMapping
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> create(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                  @RequestBody PaymentRequests.CreatePayment body) {
        boolean moves = Boolean.TRUE.equals(body.confirm());
        return idempotency.execute(actor.id(), key, moves, "POST /api/v1/payments", body, () ->
                switch (PaymentRequests.toNewPayment(body, tokenizer)) {
                    case PaymentRequests.Invalid i -> PaymentResponses.of(i.refusal());
                    case PaymentRequests.Valid v -> PaymentResponses.of(payments.create(actor, v.payment()), HttpStatus.CREATED);
                });
    }

    @GetMapping("/{id}")
    @Access(value = ApiScope.PAYMENTS_READ, kinds = PartyKind.MERCHANT)
    PaymentView payment(Actor actor, @PathVariable String id) {
        return payments.find(actor, paymentId(id)).map(PaymentView::of)
                .orElseThrow(() -> new NotFoundException("PAYMENT_NOT_FOUND", "no such payment"));
    }

    /** Why the payment went where it went: each routing decision with its reasons, and every connector asked. */
    @GetMapping("/{id}/routing")
    @Access(value = ApiScope.PAYMENTS_READ, kinds = PartyKind.MERCHANT)
    RoutingView routing(Actor actor, @PathVariable String id) {
        PaymentId paymentId = paymentId(id);
        payments.find(actor, paymentId).orElseThrow(() -> new NotFoundException("PAYMENT_NOT_FOUND", "no such payment"));
        return new RoutingView(paymentId.toString(), routingJournal.history(paymentId));
    }

    record RoutingView(String paymentId, List<org.finbridge.payments.internal.RoutingJournal.Decision> decisions) {
    }

    @GetMapping
    @Access(value = ApiScope.PAYMENTS_READ, kinds = PartyKind.MERCHANT)
    List<PaymentView> payments(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return payments.list(actor, limit).stream().map(PaymentView::of).toList();
    }

    @PostMapping("/{id}/confirm")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> confirm(Actor actor, @RequestHeader(name = KEY, required = false) String key, @PathVariable String id) {
        return moving(actor, key, id, "confirm", null, () -> payments.confirm(actor, paymentId(id)));
    }

    @PostMapping("/{id}/3ds")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> threeDSecure(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                        @PathVariable String id, @RequestBody PaymentRequests.ThreeDSecureResult body) {
        return moving(actor, key, id, "3ds", body, () -> body.authenticated() == null
                ? new PaymentResult.InvalidField("authenticated", "is required")
                : payments.completeThreeDSecure(actor, paymentId(id), body.authenticated()));
    }

    @PostMapping("/{id}/capture")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> capture(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String id, @RequestBody(required = false) PaymentRequests.Capture body) {
        PaymentRequests.Capture b = body == null ? new PaymentRequests.Capture(null, null) : body;
        return moving(actor, key, id, "capture", b,
                () -> payments.capture(actor, paymentId(id), b.amount(), Boolean.TRUE.equals(b.finalCapture())));
    }

    @PostMapping("/{id}/void")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> voidAuthorization(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                             @PathVariable String id) {
        return moving(actor, key, id, "void", null, () -> payments.voidAuthorization(actor, paymentId(id)));
    }

    @PostMapping("/{id}/cancel")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> cancel(Actor actor, @RequestHeader(name = KEY, required = false) String key, @PathVariable String id) {
        return idempotency.execute(actor.id(), key, false, "POST /api/v1/payments/" + id + "/cancel", null,
                () -> PaymentResponses.of(payments.cancel(actor, paymentId(id))));
    }

    @PostMapping("/{id}/refunds")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> refund(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                  @PathVariable String id, @RequestBody(required = false) PaymentRequests.Refund body) {
        PaymentRequests.Refund b = body == null ? new PaymentRequests.Refund(null, null) : body;
        return moving(actor, key, id, "refunds", b, () -> payments.refund(actor, paymentId(id), b.amount(), b.reason()));
    }

    /** The card network's chargeback notice, entered by operations until connectors report disputes themselves. */
    @PostMapping("/{id}/dispute")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<byte[]> openDispute(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                       @PathVariable String id, @RequestBody PaymentRequests.OpenDispute body) {
        return moving(actor, key, id, "dispute", body,
                () -> payments.openDispute(actor, paymentId(id), body.amount(), body.reason()));
    }

    @PostMapping("/{id}/dispute/evidence")
    @Access(value = ApiScope.PAYMENTS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<byte[]> evidence(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                    @PathVariable String id, @RequestBody PaymentRequests.Evidence body) {
        return idempotency.execute(actor.id(), key, false, "POST /api/v1/payments/" + id + "/dispute/evidence", body,
                () -> PaymentResponses.of(payments.submitDisputeEvidence(actor, paymentId(id), body.evidence())));
    }

    @PostMapping("/{id}/dispute/close")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<byte[]> closeDispute(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                        @PathVariable String id, @RequestBody PaymentRequests.CloseDispute body) {
        return moving(actor, key, id, "dispute/close", body, () -> {
            if (!"WON".equals(body.outcome()) && !"LOST".equals(body.outcome())) {
                return new PaymentResult.InvalidField("outcome", "must be WON or LOST");
            }
            return payments.closeDispute(actor, paymentId(id), "WON".equals(body.outcome()));
        });
    }

    /** Test mode: the buyer of a push payment pays (or gives up) at the simulated connector. */
    @PostMapping("/{id}/simulate")
    @Access(value = ApiScope.PAYMENTS_WRITE, operatorOnly = true)
    ResponseEntity<byte[]> simulateBuyer(Actor actor, @RequestHeader(name = KEY, required = false) String key,
                                         @PathVariable String id, @RequestBody PaymentRequests.SimulateBuyer body) {
        return moving(actor, key, id, "simulate", body, () -> !actor.isOperator() ? new PaymentResult.NotFound() : buyers.report(paymentId(id),
                new BuyerSimulation.BuyerReport(!Boolean.FALSE.equals(body.paid()), body.amount(), body.confirmations())));
    }

    private ResponseEntity<byte[]> moving(Actor actor, String key, String id, String step, Object body,
                                          Supplier<PaymentResult> action) {
        return idempotency.execute(actor.id(), key, true, "POST /api/v1/payments/" + id + "/" + step, body,
                () -> PaymentResponses.of(action.get()));
    }

    /** An unparseable id is an unknown one: 404, never a hint about the format. */
    private static PaymentId paymentId(String text) {
        try {
            return PaymentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("PAYMENT_NOT_FOUND", "no such payment");
        }
    }
}
