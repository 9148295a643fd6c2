/**
 * Payments: a buyer pays a merchant by card, e-wallet, bank transfer to a virtual account, a local push
 * method (Pix, UPI, iDEAL), e-CNY or a fiat-backed stablecoin, and the money is held, captured,
 * refunded and disputed in the ledger.
 *
 * <p>A {@link org.finbridge.payments.Payment} follows one declared lifecycle
 * ({@link org.finbridge.payments.PaymentState}, anchors: Stripe's Payment Intents and Kill Bill's payment
 * state machine). Every step that moves money is a set of ledger transfers whose ids derive from the
 * payment id and the step, recorded after the ledger answered, so that a retry or a recovery never moves
 * money twice. Acquirers and payment institutions plug in through the
 * {@link org.finbridge.payments.connector.PaymentConnector} service-provider interface, in process or over
 * HTTP ({@code connector.http}, exercised against the test-mode acquirer simulators in {@code simulators});
 * routing picks among them by rules, expected fee and recent success, fails over on soft declines,
 * timeouts and outages, and records every decision with its reasons. Before every authorization the
 * {@link org.finbridge.payments.RiskPolicy} (the risk module's fraud scoring; a neutral policy that
 * admits every payment where there is none) allows, reviews, challenges with 3-D Secure or blocks it.
 *
 * <p>{@link org.finbridge.payments.IdempotentRequests} gives any module's money-moving POST Stripe's
 * Idempotency-Key semantics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.finbridge.payments;
