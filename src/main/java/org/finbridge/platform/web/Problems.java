package org.finbridge.platform.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem documents with a stable machine-readable {@code code}: clients switch on the code,
 * never on the human-readable detail.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://finbridge.org/problems/" + code.toLowerCase().replace('_', '-')));
        p.setTitle(code.replace('_', ' ').toLowerCase());
        p.setProperty("code", code);
        org.finbridge.platform.RequestIds.current().ifPresent(id -> p.setProperty("requestId", id));
        return p;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(of(status, code, detail));
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail,
                                                         Map<String, Object> properties) {
        ProblemDetail p = of(status, code, detail);
        properties.forEach(p::setProperty);
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(p);
    }

    /** The code of the answer to a request that found the database unavailable: 503 with Retry-After. */
    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    public static final String DATABASE_UNAVAILABLE_DETAIL = "the database did not answer in time: retry with the same Idempotency-Key";

    /**
     * Whether {@code e} says the database did not answer (no connection in time, a connection lost, a commit or
     * rollback whose answer was lost) rather than refused the request on its merits. Such a request is not at
     * fault and may succeed in a moment: it is answered 503 with Retry-After (RFC 9110 §15.6.4), never 500, and
     * never 401 where it was the API key that could not be checked (a client would throw a good key away).
     */
    public static boolean databaseUnavailable(Throwable e) {
        return e instanceof org.springframework.dao.DataAccessResourceFailureException
                || e instanceof org.springframework.dao.TransientDataAccessResourceException
                || e instanceof org.springframework.transaction.CannotCreateTransactionException
                || e instanceof org.springframework.transaction.TransactionSystemException;
    }

    /**
     * Writes a problem document straight to the servlet response, for filters that answer before any
     * controller runs; {@code detail} is fixed text without quotes or backslashes.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String code, String detail)
            throws java.io.IOException {
        org.finbridge.platform.web.internal.FilterProblems.write(response, status, code, detail);
    }
}
