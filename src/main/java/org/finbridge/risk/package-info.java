/**
 * Risk and compliance: screening parties and payments against sanctions lists, fraud scoring of every
 * payment before its authorization, and AML monitoring. Each concern keeps its own sub-package with a
 * small public API and an {@code internal} package: {@link org.finbridge.risk.sanctions} is the sanctions
 * screening API, {@link org.finbridge.risk.fraud} fraud scoring (it implements the payments module's
 * {@code RiskPolicy}, hence the dependency on payments), {@link org.finbridge.risk.aml} AML monitoring with
 * its cases and reports (AML Law 2024 arts. 30, 35).
 *
 * <p>Why it exists: China's Anti-Money Laundering Law (arts. 40–41) requires screening customers and
 * counterparties against the targeted-sanctions lists (UN Security Council lists, the PBOC list) and
 * stopping service on a match; FATF Recommendation 6 asks the same of every financial institution.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk and compliance",
        allowedDependencies = {"party", "audit", "platform", "money", "fx", "payments", "trade", "settlement"})
package org.finbridge.risk;
