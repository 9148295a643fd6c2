package org.finbridge.fx.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.finbridge.fx.QuoteId;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.UnknownCurrencyException;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The FX API's request parsing and shared refusals. */
final class FxProblems {

    private FxProblems() {
    }

    /** A request field that cannot be used; thrown by the parsers below and answered 400 by {@link FxProblemHandler}. */
    static final class InvalidField extends RuntimeException {
        final String code;
        final String field;

        InvalidField(String code, String field, String reason) {
            super(reason);
            this.code = code;
            this.field = field;
        }
    }

    static ResponseEntity<ProblemDetail> invalid(String code, String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, code, field + ": " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }

    static CurrencyCode currency(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField("INVALID_FIELD", field, "is required");
        }
        try {
            return CurrencyCode.of(text);
        } catch (UnknownCurrencyException e) {
            throw new InvalidField("CURRENCY_UNKNOWN", field, "not an ISO 4217 currency: " + text);
        }
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField("INVALID_FIELD", field, "must be a date as YYYY-MM-DD: " + text);
        }
    }

    /** A whole number (minor units, seconds): a fraction or a number beyond 64 bits is refused, never cut. */
    static long whole(String field, Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValueExact();
        }
        if (n instanceof java.math.BigInteger) {
            throw new InvalidField("INVALID_FIELD", field, "is too large");
        }
        throw new InvalidField("INVALID_FIELD", field, "must be a whole number (amounts are in minor units)");
    }

    /** An unparseable id is simply an unknown one: 404, never a hint about the id format. */
    static QuoteId quoteId(String text) {
        try {
            return QuoteId.parse(text);
        } catch (IllegalArgumentException e) {
            throw quoteNotFound(text);
        }
    }

    static NotFoundException quoteNotFound(Object id) {
        return new NotFoundException("QUOTE_NOT_FOUND", "no such quote: " + id);
    }
}
