package org.finbridge.platform.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.money.UnknownCurrencyException;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps the errors every endpoint can raise to problem documents with stable codes. */
@RestControllerAdvice
@Order(0)
class GeneralProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(GeneralProblemHandler.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause() instanceof UnknownCurrencyException u
                ? u.getMessage() : "the request body is not valid JSON of the expected shape";
        return Problems.response(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", detail);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(GeneralProblemHandler::fieldError).toList();
        return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid fields",
                Map.of("errors", errors));
    }

    private static Map<String, String> fieldError(FieldError f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", f.getField());
        m.put("message", f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage());
        return m;
    }

    @ExceptionHandler(UnknownCurrencyException.class)
    ResponseEntity<ProblemDetail> unknownCurrency(UnknownCurrencyException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "CURRENCY_UNKNOWN", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badArgument(Exception e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, e.code(), e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", e.getMessage());
    }

    /** The database did not answer: see {@link Problems#databaseUnavailable}. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("database unavailable, answered 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.DATABASE_UNAVAILABLE,
                        Problems.DATABASE_UNAVAILABLE_DETAIL));
    }
}
