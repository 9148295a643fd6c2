/**
 * In-process simulated connectors, one per method family, with deterministic behaviour driven by test
 * card numbers and buyer reports (like Stripe's test mode), their own fee schedules, limits, settlement
 * currencies and finality rules, and no network between the platform and them (what benchmarks route
 * to). The HTTP-backed connectors ({@code connector.http}) and their simulators share the test cards'
 * behaviour; the payments module treats all of them exactly like real ones.
 */
package org.finbridge.payments.connector.simulated;
