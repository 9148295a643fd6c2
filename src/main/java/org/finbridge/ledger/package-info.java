/**
 * The double-entry, multi-currency ledger: the one place where money moves.
 *
 * <p>Semantics follow TigerBeetle's model on SQL. An {@link org.finbridge.ledger.Account} holds one
 * currency and four running totals (debits and credits, posted and pending). A
 * {@link org.finbridge.ledger.Transfer} moves a positive amount between two accounts of that currency;
 * its client-chosen id is the idempotency key. Holds are pending transfers that are later posted (fully
 * or partly), voided, or expire by themselves. Linked transfers commit or fail as one.
 *
 * <p>Every request answers a {@link org.finbridge.ledger.TransferResult} per transfer, named after the
 * rule it broke; exceptions are for bugs and broken infrastructure. Concurrent requests are gathered
 * into batches that lock each touched account once, so a hot account (platform fees, an FX pool) costs
 * one row update per batch rather than one per transfer. {@link org.finbridge.ledger.LedgerInvariants}
 * checks that nothing was lost, created or doubled.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger", allowedDependencies = {"money", "platform", "audit", "party"})
package org.finbridge.ledger;
