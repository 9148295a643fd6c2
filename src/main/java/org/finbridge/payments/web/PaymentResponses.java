package org.finbridge.payments.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.payments.PaymentResult;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Maps every {@link PaymentResult} to its HTTP answer: the payment, or an RFC 9457 problem with a
 * stable code. 402 for declines (as Stripe answers card errors), 409 for the state machine and
 * concurrency, 422 for amount rules and a merchant that may not take payments, 503 when a connector is down.
 */
final class PaymentResponses {

    private PaymentResponses() {
    }

    static ResponseEntity<?> of(PaymentResult result) {
        return of(result, HttpStatus.OK);
    }

    static ResponseEntity<?> of(PaymentResult result, HttpStatus success) {
        return switch (result) {
            case PaymentResult.Done d -> success == HttpStatus.CREATED
                    ? ResponseEntity.created(URI.create("/api/v1/payments/" + d.payment().id())).body(PaymentView.of(d.payment()))
                    : ResponseEntity.status(success).body(PaymentView.of(d.payment()));
            case PaymentResult.InProgress p -> ResponseEntity.accepted().body(PaymentView.of(p.payment()));
            case PaymentResult.NotFound n -> Problems.response(HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", "no such payment");
            case PaymentResult.IllegalTransition t -> Problems.response(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION",
                    "a payment in state " + t.state() + " does not allow " + t.command(),
                    Map.of("state", t.state().name(), "command", t.command()));
            case PaymentResult.AmountRefused a -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, a.rule(),
                    a.rule().toLowerCase().replace('_', ' ') + ": requested " + a.requested() + ", available " + a.available(),
                    Map.of("requested", a.requested(), "available", a.available()));
            case PaymentResult.AuthorizationExpired e -> Problems.response(HttpStatus.CONFLICT, "AUTHORIZATION_EXPIRED",
                    "the authorization has expired: nothing can be captured", Map.of("paymentId", e.payment().id().toString()));
            case PaymentResult.Declined d -> Problems.response(HttpStatus.PAYMENT_REQUIRED, "PAYMENT_DECLINED",
                    "declined: " + d.code(), declined(d));
            case PaymentResult.Blocked b -> Problems.response(HttpStatus.PAYMENT_REQUIRED, "PAYMENT_BLOCKED",
                    "refused by risk screening", Map.of("paymentId", b.payment().id().toString()));
            case PaymentResult.MerchantNotServed m -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "MERCHANT_" + m.status().name(), "the merchant may not accept payments: it is " + m.status()
                            .name().toLowerCase(java.util.Locale.ROOT), Map.of("merchantStatus", m.status().name()));
            case PaymentResult.InvalidField f -> invalid(f.field(), f.reason());
            case PaymentResult.NoConnector n -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "NO_CONNECTOR_AVAILABLE",
                    n.reason());
            case PaymentResult.Busy b -> Problems.response(HttpStatus.CONFLICT, "PAYMENT_BUSY",
                    "another request on this payment is in progress: retry shortly");
            case PaymentResult.ConnectorUnavailable u -> Problems.response(HttpStatus.SERVICE_UNAVAILABLE,
                    "CONNECTOR_UNAVAILABLE", "the payment connector is unavailable: retry later");
        };
    }

    private static Map<String, Object> declined(PaymentResult.Declined d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("declineCode", d.code().name());
        m.put("soft", d.code().isSoft());
        m.put("paymentId", d.payment().id().toString());
        m.put("state", d.payment().state().name());
        return m;
    }

    static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }
}
