/**
 * Bank files in ISO 20022: the bank statements Finbridge reads (camt.053 statements and camt.054
 * debit/credit notifications, versions .02 to .08) and the payment files it writes and reads for its
 * payouts (pain.001 credit transfer initiations to a partner bank, pacs.008 bank-to-bank transfers for
 * SWIFT gpi and CIPS, pain.002 status reports from the bank).
 *
 * <p>Every file arrives from outside Finbridge, so every XML entry point goes through one hardened
 * parser ({@code internal.HardenedXml}): no DTDs, no external entities or schemas, bounded size and
 * nesting depth. A file is either read whole or refused with a {@link org.finbridge.banking.Refusal}
 * that names the rule it broke: never half a file.
 *
 * <p>Settlement runs, the payout state machine, reconciliation and safeguarding are built on this
 * module's API ({@link org.finbridge.banking.BankStatements}, {@link org.finbridge.banking.PaymentInitiations},
 * {@link org.finbridge.banking.InterbankTransfers}, {@link org.finbridge.banking.PaymentStatusReports}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bank files (ISO 20022)")
package org.finbridge.banking;
