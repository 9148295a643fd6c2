/**
 * Test mode: simulated acquirers and PSPs served by this application under {@code /simulators/<name>/v1}
 * so that the HTTP-backed connectors' real client code runs against something that behaves like an
 * acquirer: fee schedules, lognormal latency, issuer decline codes, outages, lost answers, signed
 * notifications back to the platform, and daily settlement reports. Turned off with
 * {@code finbridge.simulators.enabled=false}.
 */
package org.finbridge.payments.simulators;
