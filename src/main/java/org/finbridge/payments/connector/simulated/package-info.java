/**
 * In-process simulated connectors, one per method family, with deterministic behaviour driven by test
 * card numbers and buyer reports (like Stripe's test mode), their own fee schedules, limits, settlement
 * currencies and finality rules. They are the only connectors until real ones (and their HTTP-backed
 * simulators) are added; the payments module treats them exactly like real ones.
 */
package org.finbridge.payments.connector.simulated;
