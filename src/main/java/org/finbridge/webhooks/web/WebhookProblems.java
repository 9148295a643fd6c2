package org.finbridge.webhooks.web;

import java.util.List;
import java.util.Map;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.webhooks.WebhookDeliveryId;
import org.finbridge.webhooks.WebhookEndpointId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The webhook API's refusals as problem documents with stable codes. */
final class WebhookProblems {

    static final String ENDPOINT_NOT_FOUND = "WEBHOOK_ENDPOINT_NOT_FOUND";
    static final String DELIVERY_NOT_FOUND = "WEBHOOK_DELIVERY_NOT_FOUND";

    private WebhookProblems() {
    }

    static ResponseEntity<ProblemDetail> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }

    static ResponseEntity<ProblemDetail> notFound(String code, String what) {
        return Problems.response(HttpStatus.NOT_FOUND, code, "no such object: " + what);
    }

    /** An unparseable id is simply an unknown one: 404, never a hint about the id format. */
    static WebhookEndpointId endpointId(String text) {
        try {
            return WebhookEndpointId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(ENDPOINT_NOT_FOUND, "no such object: " + text);
        }
    }

    static WebhookDeliveryId deliveryId(String text) {
        try {
            return WebhookDeliveryId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(DELIVERY_NOT_FOUND, "no such object: " + text);
        }
    }
}
