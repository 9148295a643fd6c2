/**
 * AML monitoring: the platform's anti-money-laundering duties as a payment institution (AML Law 2024
 * arts. 6 and 63, REGULATIONS §4.1).
 *
 * <p>Monitoring reads the money other modules report (payments' {@code PaymentEvent}s, settlement's
 * payouts, trade's deliveries and declarations) into a journal of its own, one row per customer and leg,
 * and evaluates a list of named rules on it, on each event and on a schedule: the large-value transaction
 * report triggers of PBoC Order 2016 No. 3 (feature codes 0501–0504, REGULATIONS §4.2) and
 * suspicious-transaction typologies, among them e-commerce ones (brushing, refund abuse, over/under-
 * invoicing against the customs value, circular flows between related stores, split orders under the
 * cross-border import quota). A rule's finding is an {@link org.finbridge.risk.aml.Alert}, one per rule,
 * customer and window however often it is found.
 *
 * <p>Large-value alerts become reports when their day is over; suspicious ones gather in a
 * {@link org.finbridge.risk.aml.AmlCase} per customer, which an analyst works and proposes to file or
 * close, and a second person approves (four eyes). Reports are XML documents valid against the schema
 * shipped with Finbridge ({@code aml/aml-report-1.xsd}) and are kept ten years (art. 34).
 */
@org.springframework.modulith.NamedInterface("aml")
package org.finbridge.risk.aml;
