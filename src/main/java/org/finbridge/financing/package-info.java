/**
 * Financing for light-asset sellers: loan products, offers, applications, underwriting, contracts with
 * their full cost disclosed, disbursement and repayment through the ledger, schedules, daily accrual,
 * sweeps from settled sales, delinquency and the five-tier classification (REGULATIONS.md §6).
 *
 * <p>Its public API is the schedule engine ({@link org.finbridge.financing.Schedules},
 * {@link org.finbridge.financing.AnnualCost}), the loan services and the events it publishes
 * ({@link org.finbridge.financing.LoanEvents}). What it needs from the credit registry it declares itself
 * as small interfaces ({@link org.finbridge.financing.CreditStanding},
 * {@link org.finbridge.financing.ListingCheck}) whose defaults answer "unknown", so that financing never
 * depends on the registry and never approves a loan on data it does not have.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Financing",
        allowedDependencies = {"money", "ledger", "party", "audit", "platform", "settlement"})
package org.finbridge.financing;
