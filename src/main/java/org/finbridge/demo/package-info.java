/**
 * The living demo (issue 10 §3): a market simulator that creates sellers in China, buyers in fifteen
 * countries, marketplaces, logistics providers, a lender, a guarantor, payment institutions and a regulator,
 * and plays their trade day by day through the other modules' public APIs only: orders, payments by every
 * method, shipments, refunds and chargebacks, FX, settlement, payouts, loans and repayments, fraud and AML
 * cases, one default and one appeal.
 *
 * <p>In the embedded mode ({@code bin/finbridge run} on {@code ./data}) it runs once, in the background after
 * start-up, and prints the demo's console logins; with PostgreSQL, and in the tests, it is off unless
 * {@code finbridge.demo.enabled=true}. {@code bin/finbridge demo generate} runs a larger market for load tests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo market")
package org.finbridge.demo;
