package org.finbridge.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * A request that finds no database connection (the pool exhausted right after a restart, a connection reset) is
 * answered 503 with Retry-After, which clients retry, not 500; a request the database refused on its merits is not.
 * Resolved as Spring MVC resolves handlers, from the exceptions its JDBC and transaction code throw.
 */
class DatabaseUnavailableProblemTest {

    private final ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(GeneralProblemHandler.class);

    @Test
    void noConnectionIsAnswered503WithRetryAfter() throws Exception {
        for (Exception e : new Exception[] {
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new org.springframework.transaction.TransactionSystemException("JDBC commit failed")}) {
            Method handler = resolver.resolveMethod(e);
            assertThat(handler).as(e.getClass().getSimpleName()).isNotNull();
            assertThat(handler.getName()).isEqualTo("databaseUnavailable");
            @SuppressWarnings("unchecked")
            ResponseEntity<ProblemDetail> answer = (ResponseEntity<ProblemDetail>) handler.invoke(new GeneralProblemHandler(), e);
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(answer.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
        }
    }

    @Test
    void aRefusalOnItsMeritsIsNotMistakenForAnOutage() {
        Method handler = resolver.resolveMethod(new DataIntegrityViolationException("duplicate key"));
        assertThat(handler == null ? null : handler.getName()).isNotEqualTo("databaseUnavailable");
    }
}
