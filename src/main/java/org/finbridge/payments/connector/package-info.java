/**
 * The service-provider interface for acquirers and payment institutions: a
 * {@link org.finbridge.payments.connector.PaymentConnector} authorizes, captures, voids and refunds and
 * answers a sealed {@link org.finbridge.payments.connector.ConnectorOutcome}; asynchronous reports arrive
 * as {@link org.finbridge.payments.connector.ConnectorEvent}s. Each connector states its methods,
 * currencies, settlement currency, limits, finality and fees in a
 * {@link org.finbridge.payments.connector.ConnectorProfile}, which routing reads.
 */
@org.springframework.modulith.NamedInterface("connector")
package org.finbridge.payments.connector;
