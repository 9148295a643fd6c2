package org.finbridge.ledger.web;

import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Back-pressure and unknown outcomes: 503 with Retry-After; the client resubmits the same ids. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerProblemHandler {

    @ExceptionHandler(LedgerBusyException.class)
    ResponseEntity<ProblemDetail> busy(LedgerBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_BUSY", e.getMessage()));
    }

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(LedgerUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_UNAVAILABLE", e.getMessage()));
    }
}
