/**
 * Connectors that reach acquirers over HTTP: {@link org.finbridge.payments.connector.http.HttpPaymentConnector}
 * (timeouts, retries with the same idempotency key, circuit breaking, reversals after lost answers), the
 * contracts priced by routing ({@link org.finbridge.payments.connector.http.AcquirerContracts}) and the
 * signatures of acquirers' notifications ({@link org.finbridge.payments.connector.http.NotificationSignatures}).
 */
package org.finbridge.payments.connector.http;
