/**
 * Supervision: the regulators' side of the platform. Cross-border e-commerce import tax and each buyer's
 * annual quota (regulations notes §1.1), checkout tax for the EU, the UK and the US (§5), FX quotas,
 * authenticity and balance-of-payments declarations (§2), payment institutions' licences, pilot zones and
 * violation cases, and the regulator's read-only views over them.
 *
 * <p>Every constant it applies is a versioned row of the {@link org.finbridge.supervision.RuleBook}. It
 * builds its own read models from other modules' events (payments' {@code PaymentEvent}, trade's
 * {@code ShipmentDelivered} and {@code TradeRecordMismatched}) and their public APIs; it never reads their
 * tables. What other modules need from it (penalties as negative credit information, AML reports shown to
 * regulators) crosses as events and small interfaces of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"money", "party", "audit", "platform", "payments", "trade", "fx", "settlement"})
package org.finbridge.supervision;
