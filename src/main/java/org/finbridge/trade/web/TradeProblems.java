package org.finbridge.trade.web;

import java.util.List;
import java.util.Map;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.trade.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The trade API's shared refusals. */
final class TradeProblems {

    private TradeProblems() {
    }

    /** 400 INVALID_FIELD with every violation found, each as {@code {field, message}}. */
    static ResponseEntity<?> invalid(List<Violation> violations) {
        String detail = violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", detail, Map.of("errors",
                violations.stream().map(v -> Map.of("field", v.field(), "message", v.reason())).toList()));
    }

    static ResponseEntity<?> conflict(String code, String detail) {
        return Problems.response(HttpStatus.CONFLICT, code, detail);
    }

    static NotFoundException notFound(String code, String id) {
        return new NotFoundException(code, "no such object: " + id);
    }
}
