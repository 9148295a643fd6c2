package org.finbridge.payments.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.RiskPolicy;
import org.finbridge.payments.connector.ConnectorRouting;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.PaymentConnector;
import org.finbridge.payments.internal.OperationRecord.Kind;
import org.finbridge.payments.internal.PaymentStateMachine.Step;
import org.finbridge.payments.internal.StepRunner.Who;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirming a payment: the risk policy first (allow, challenge, block), then for cards 3-D Secure
 * where the policy or the issuer asks for it, then routing to a connector and the authorization step.
 */
@Component
class Confirmation {

    private final PaymentStore store;
    private final StepRunner steps;
    private final RiskPolicy risk;
    private final ThreeDSecureSimulation threeDSecure;
    private final ConnectorRouting routing;
    private final Parties parties;
    private final CheckoutFx checkoutFx;
    private final RoutingJournal journal;
    private final java.time.Clock clock;
    private final TransactionTemplate tx;

    Confirmation(PaymentStore store, StepRunner steps, RiskPolicy risk, ThreeDSecureSimulation threeDSecure,
                 ConnectorRouting routing, Parties parties, CheckoutFx checkoutFx, RoutingJournal journal,
                 java.time.Clock clock, TransactionTemplate paymentsTransactions) {
        this.tx = paymentsTransactions;
        this.store = store;
        this.steps = steps;
        this.risk = risk;
        this.threeDSecure = threeDSecure;
        this.routing = routing;
        this.parties = parties;
        this.checkoutFx = checkoutFx;
        this.journal = journal;
        this.clock = clock;
    }

    PaymentResult confirm(Predicate<PaymentRecord> visible, Who who, PaymentId id) {
        PaymentRecord p = store.find(id).filter(visible).orElse(null);
        if (p == null) {
            return new PaymentResult.NotFound();
        }
        return confirm(visible, who, p, parties.find(p.merchantId).map(Party::country).orElse(null));
    }

    /**
     * Confirms a payment its caller has just read or created, with its merchant's country: a payment created
     * and confirmed in one request is not read back, nor its merchant looked up twice.
     */
    PaymentResult confirm(Predicate<PaymentRecord> visible, Who who, PaymentRecord p, String merchantCountry) {
        if (p.state != PaymentState.REQUIRES_CONFIRMATION) {
            return new PaymentResult.IllegalTransition(p.state, "confirm");
        }
        return proceed(visible, who, p, merchantCountry, null);
    }

    /**
     * Creates and confirms a payment in one request (Stripe's {@code confirm=true}). The risk policy answers
     * before the payment is written (its decision names the payment by the id it will have), so that an
     * authorization begins in the transaction that writes the payment; a blocked, challenged or converting
     * payment, or one no connector takes, is written first and goes the usual way.
     *
     * @param create writes the new payment and records its creation, inside the transaction it is run in
     */
    PaymentResult createAndConfirm(Predicate<PaymentRecord> visible, Who who, PaymentRecord p, String merchantCountry,
                                   Runnable create) {
        return proceed(visible, who, p, merchantCountry, create);
    }

    /** Writes a payment not yet written, in a transaction of its own. */
    private void written(Runnable create) {
        if (create != null) {
            tx.executeWithoutResult(s -> create.run());
        }
    }

    private PaymentResult proceed(Predicate<PaymentRecord> visible, Who who, PaymentRecord p, String merchantCountry,
                                  Runnable create) {
        PaymentId id = p.id;
        RiskPolicy.Decision decision = risk.assess(new RiskPolicy.Facts(p.id, p.merchantId, p.buyer, p.requested, p.method,
                merchantCountry));
        if (decision instanceof RiskPolicy.Block block) {
            written(create);
            PaymentResult r = steps.transition(id, visible, Step.DECLINE, who, rec -> rec.declineCode = "BLOCKED_BY_RISK");
            return r instanceof PaymentResult.Done d ? new PaymentResult.Blocked(d.payment(), block.reason()) : r;
        }
        if (p.method.type() == MethodType.CARD) {
            // a risk challenge asks the issuer for a challenge (EMV 3DS 2 requestor challenge indicator 04,
            // "challenge requested: mandate"); otherwise the issuer decides on the data it received
            boolean challengeRequested = decision instanceof RiskPolicy.Challenge;
            var outcome = threeDSecure.authenticate(p.id.toString(), p.method.card(), challengeRequested);
            if (outcome instanceof ThreeDSecureSimulation.Challenge c) {
                written(create);
                return steps.transition(id, visible, Step.REQUIRE_ACTION, who, rec -> {
                    rec.threeDs = ThreeDSecureSimulation.CHALLENGE_PENDING;
                    rec.nextActionJson = PaymentViews.toJson(c.action());
                });
            }
        }
        // Allow and Review authorize alike: a payment in review is authorized and waits for an operator
        return authorize(visible, who, p, null, merchantCountry, create);
    }

    PaymentResult completeThreeDSecure(Predicate<PaymentRecord> visible, Who who, PaymentId id, boolean authenticated) {
        PaymentRecord p = store.find(id).filter(visible).orElse(null);
        if (p == null) {
            return new PaymentResult.NotFound();
        }
        if (p.state != PaymentState.REQUIRES_ACTION || !ThreeDSecureSimulation.CHALLENGE_PENDING.equals(p.threeDs)) {
            return new PaymentResult.IllegalTransition(p.state, "complete_3ds");
        }
        if (!authenticated) {
            PaymentResult r = steps.transition(id, visible, Step.DECLINE, who, rec -> {
                rec.threeDs = ThreeDSecureSimulation.FAILED;
                rec.declineCode = DeclineCode.AUTHENTICATION_FAILED.name();
                rec.nextActionJson = null;
            });
            return r instanceof PaymentResult.Done d ? new PaymentResult.Declined(d.payment(), DeclineCode.AUTHENTICATION_FAILED) : r;
        }
        return authorize(visible, who, p, ThreeDSecureSimulation.AUTHENTICATED,
                parties.find(p.merchantId).map(Party::country).orElse(null), null);
    }

    /** @param create writes the payment, when this request creates it and it is not written yet; else null */
    private PaymentResult authorize(Predicate<PaymentRecord> visible, Who who, PaymentRecord p, String threeDs,
                                    String merchantCountry, Runnable create) {
        ConnectorRouting.Decision decision = routing.decide(new ConnectorRouting.Facts(p.method.type(), p.requested,
                p.region, p.buyer == null ? null : p.buyer.country(), merchantCountry));
        List<PaymentConnector> candidates = decision.connectors();
        if (candidates.isEmpty()) {
            written(create);
            return new PaymentResult.NoConnector("no connector takes " + p.method.type() + " in " + p.requested.currency()
                    + " for " + p.requested.minorUnits() + " minor units");
        }
        // the best candidate first; the step fails over to the others (see Failover) in the recorded order
        PaymentConnector connector = candidates.get(0);
        // the buyer confirms now: this is the checkout whose rate the merchant is paid at
        CheckoutFx.Lock fxLock = null;
        Runnable unwritten = create;
        if (p.convertsAtCheckout()) {
            // the rate lock refers to the payment's row: written first
            written(create);
            unwritten = null;
            switch (checkoutFx.lock(p, who.name())) {
                case CheckoutFx.Refused r -> {
                    return r.result();
                }
                case CheckoutFx.Locked l -> fxLock = l.lock();
            }
        }
        CheckoutFx.Lock lock = fxLock;
        boolean manual = p.method.type().isPull() && p.captureMethod == CaptureMethod.MANUAL;
        Step step = manual ? Step.AUTHORIZE : Step.AUTHORIZE_AND_CAPTURE;
        Kind kind = manual ? Kind.AUTHORIZE : Kind.AUTHORIZE_AND_CAPTURE;
        Consumer<PaymentRecord> prepare = rec -> {
            rec.connector = connector.name();
            rec.routedCandidates = candidates.stream().map(PaymentConnector::name).toList();
            // recorded in the step's own transaction, under the sequence number the step is about to take
            journal.recordDecision(rec.id, rec.lastSeq + 1, decision, clock.instant());
            if (threeDs != null) {
                rec.threeDs = threeDs;
            }
            if (lock != null) {
                checkoutFx.save(lock);
            }
        };
        var begin = unwritten != null
                ? steps.beginNew(p, unwritten, step, kind, p.requested.minorUnits(), p.requested.currency().code(), who, prepare)
                : steps.begin(p.id, visible, step, kind, p.requested.minorUnits(), false, p.requested.currency().code(), who,
                        prepare);
        return switch (begin) {
            case StepRunner.Refusal r -> r.result();
            case StepRunner.Begun b -> steps.drive(b);
        };
    }
}
