package org.finbridge.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.PartyStatus;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.MethodFamily;
import org.finbridge.payments.NewPayment;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.Payments;
import org.finbridge.payments.connector.ConnectorEvent;
import org.finbridge.payments.connector.Region;
import org.finbridge.payments.internal.OperationRecord.Kind;
import org.finbridge.payments.internal.PaymentStateMachine.Step;
import org.finbridge.payments.internal.StepRunner.Begin;
import org.finbridge.payments.internal.StepRunner.Begun;
import org.finbridge.payments.internal.StepRunner.Refusal;
import org.finbridge.payments.internal.StepRunner.Who;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payments API: checks who may act on which payment (a merchant only on its own: another's answers
 * NOT_FOUND), then hands each step to the {@link StepRunner}.
 */
@Service
class PaymentService implements Payments {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final int BATCH = 500;

    private final PaymentStore store;
    private final StepRunner steps;
    private final Confirmation confirmation;
    private final Parties parties;
    private final PaymentViews views;
    private final PaymentJournal journal;
    private final TransactionTemplate tx;
    private final PaymentsProperties properties;
    private final Clock clock;

    PaymentService(PaymentStore store, StepRunner steps, Confirmation confirmation, Parties parties, PaymentViews views,
                   PaymentJournal journal, TransactionTemplate paymentsTransactions, PaymentsProperties properties,
                   Clock clock) {
        this.store = store;
        this.steps = steps;
        this.confirmation = confirmation;
        this.parties = parties;
        this.views = views;
        this.journal = journal;
        this.tx = paymentsTransactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public PaymentResult create(Actor actor, NewPayment n) {
        PartyId merchantId = n.merchantId() != null ? n.merchantId() : actor.isOperator() ? null : actor.partyId();
        if (merchantId == null) {
            return new PaymentResult.InvalidField("merchantId", "is required when an operator creates a payment");
        }
        Party merchant = parties.find(merchantId).filter(m -> actor.mayAccess(m.id()))
                .filter(m -> m.kind() == PartyKind.MERCHANT).orElse(null);
        if (merchant == null) {
            return new PaymentResult.NotFound();
        }
        PaymentResult invalid = invalid(n, merchant);
        if (invalid != null) {
            return invalid;
        }
        String requestKey = RequestKeys.current();
        PaymentRecord earlier = requestKey == null || RequestKeys.firstAttempt() ? null
                : store.byRequestKey(requestKey).orElse(null);
        if (earlier != null) {
            // the retry of a request whose node died after creating the payment: that payment, carried on
            return n.confirm() && earlier.state == PaymentState.REQUIRES_CONFIRMATION
                    ? confirmation.confirm(visibleTo(actor), who(actor), earlier.id)
                    : new PaymentResult.Done(views.of(earlier));
        }
        Instant now = clock.instant();
        PaymentRecord p = new PaymentRecord();
        p.id = PaymentId.next(clock);
        p.merchantId = merchantId;
        p.buyer = n.buyer();
        p.orderReference = n.orderReference();
        p.requested = n.amount();
        p.settlementCurrency = n.settlementCurrency() == null || n.settlementCurrency().equals(n.amount().currency())
                ? null : n.settlementCurrency();
        p.method = n.method();
        // push methods settle in full when the buyer pays: there is nothing to capture later
        p.captureMethod = n.method().type().isPull() && n.captureMethod() != null ? n.captureMethod() : CaptureMethod.AUTOMATIC;
        p.state = PaymentState.REQUIRES_CONFIRMATION;
        p.region = Region.of(n.buyer() == null ? null : n.buyer().country(), merchant.country());
        p.createdAt = now;
        p.updatedAt = now;
        Runnable create = () -> {
            store.insert(p, requestKey);
            journal.record(actor.name(), actor.auditRole(), "payment.created", p, 0, null, p.requested.minorUnits(), now);
        };
        if (n.confirm()) {
            // the merchant's status was checked a moment ago: confirmed without reading it, or the payment, again
            return confirmation.createAndConfirm(visibleTo(actor), who(actor), p, merchant.country(), create);
        }
        tx.executeWithoutResult(s -> create.run());
        return new PaymentResult.Done(views.of(p));
    }

    private static boolean notServed(PartyStatus status) {
        return status == PartyStatus.SUSPENDED || status == PartyStatus.CLOSED || status == PartyStatus.REJECTED;
    }

    /**
     * A suspended merchant (a confirmed sanctions match, say) takes no buyer's money, also on payments it
     * created before: confirming and capturing are refused, voiding, cancelling and refunding still release
     * the buyer's funds.
     */
    private PaymentResult merchantNotServed(Actor actor, PaymentId id) {
        return store.find(id).filter(visibleTo(actor)).flatMap(p -> parties.find(p.merchantId))
                .filter(m -> notServed(m.status())).map(m -> (PaymentResult) new PaymentResult.MerchantNotServed(m.status()))
                .orElse(null);
    }

    private static PaymentResult invalid(NewPayment n, Party merchant) {
        if (notServed(merchant.status())) {
            return new PaymentResult.MerchantNotServed(merchant.status());
        }
        if (n.amount() == null || !n.amount().isPositive()) {
            return new PaymentResult.InvalidField("amount", "must be a positive number of minor units");
        }
        if (n.orderReference() == null || n.orderReference().isBlank() || n.orderReference().length() > 100) {
            return new PaymentResult.InvalidField("orderReference", "is required, up to 100 characters");
        }
        if (n.method() == null) {
            return new PaymentResult.InvalidField("method", "is required");
        }
        if (n.buyer() != null && n.buyer().country() != null && !n.buyer().country().matches("[A-Z]{2}")) {
            return new PaymentResult.InvalidField("buyer.country", "must be an ISO 3166-1 alpha-2 code");
        }
        if (n.method().family() == MethodFamily.STABLECOIN && !n.amount().currency().code().equals("USD")) {
            return new PaymentResult.InvalidField("currency", "USDC payments are priced and settled in USD");
        }
        if (n.settlementCurrency() != null && !n.settlementCurrency().equals(n.amount().currency())
                && n.method().type() != org.finbridge.payments.MethodType.CARD) {
            // other methods settle through connectors that may convert on their side: not yet combined with checkout FX
            return new PaymentResult.InvalidField("settlementCurrency", "a settlement currency other than the payment's "
                    + "is taken for cards only");
        }
        if (!n.method().type().isPull() && n.captureMethod() == CaptureMethod.MANUAL) {
            return new PaymentResult.InvalidField("captureMethod", "MANUAL capture applies to cards only");
        }
        return null;
    }

    @Override
    public Optional<Payment> find(Actor actor, PaymentId id) {
        return store.find(id).filter(visibleTo(actor)).map(views::of);
    }

    @Override
    public List<org.finbridge.payments.CapturedAmounts> capturedAmounts(Actor actor, java.util.Collection<PaymentId> ids) {
        if (ids.size() > MAX_BULK_READ) {
            throw new IllegalArgumentException("at most " + MAX_BULK_READ + " payments per read, not " + ids.size());
        }
        return store.capturedAmounts(ids).stream().filter(a -> actor.mayAccess(a.merchantId())).toList();
    }

    @Override
    public List<Payment> list(Actor actor, int limit) {
        int n = Math.max(1, Math.min(limit, 200));
        return (actor.isOperator() ? store.all(n) : store.ofMerchant(actor.partyId(), n)).stream().map(views::of).toList();
    }

    @Override
    public PaymentResult confirm(Actor actor, PaymentId id) {
        PaymentResult refused = merchantNotServed(actor, id);
        return refused != null ? refused : confirmation.confirm(visibleTo(actor), who(actor), id);
    }

    @Override
    public PaymentResult completeThreeDSecure(Actor actor, PaymentId id, boolean authenticated) {
        return confirmation.completeThreeDSecure(visibleTo(actor), who(actor), id, authenticated);
    }

    @Override
    public PaymentResult capture(Actor actor, PaymentId id, Long amount, boolean finalCapture) {
        PaymentResult refused = merchantNotServed(actor, id);
        if (refused != null) {
            return refused;
        }
        return run(steps.begin(id, visibleTo(actor), Step.CAPTURE, Kind.CAPTURE, amount, finalCapture, null, who(actor), p -> { }));
    }

    @Override
    public PaymentResult voidAuthorization(Actor actor, PaymentId id) {
        return run(steps.begin(id, visibleTo(actor), Step.VOID, Kind.VOID, null, false, null, who(actor), p -> { }));
    }

    @Override
    public PaymentResult cancel(Actor actor, PaymentId id) {
        return steps.transition(id, visibleTo(actor), Step.CANCEL, who(actor), p -> p.nextActionJson = null);
    }

    @Override
    public PaymentResult refund(Actor actor, PaymentId id, Long amount, String reason) {
        return run(steps.begin(id, visibleTo(actor), Step.REFUND, Kind.REFUND, amount, false, null, who(actor), p -> { }));
    }

    @Override
    public PaymentResult openDispute(Actor actor, PaymentId id, Long amount, String reason) {
        // the card network opens disputes, not the merchant: only the platform's operators enter them
        return openDispute(p -> actor.isOperator(), who(actor), id, amount, reason);
    }

    private PaymentResult openDispute(Predicate<PaymentRecord> visible, Who who, PaymentId id, Long amount, String reason) {
        Begin b = steps.begin(id, visible, Step.OPEN_DISPUTE, Kind.DISPUTE_OPEN, amount, false, null, who, p -> { });
        if (b instanceof Begun begun && reason != null) {
            // the reason travels with the step to the dispute row written when the ledger has answered
            store.complete(begun.op(), OperationRecord.PENDING, null, null, reason, null);
            return run(new Begun(store.operation(id, begun.op().seq()).orElseThrow(), null));
        }
        return run(b);
    }

    @Override
    public PaymentResult submitDisputeEvidence(Actor actor, PaymentId id, String evidence) {
        if (evidence == null || evidence.isBlank() || evidence.length() > 4000) {
            return new PaymentResult.InvalidField("evidence", "is required, up to 4000 characters");
        }
        return steps.transition(id, visibleTo(actor), Step.SUBMIT_EVIDENCE, who(actor),
                p -> store.updateDispute(p.id, Payment.DisputeStatus.EVIDENCE_SUBMITTED, evidence, null));
    }

    @Override
    public PaymentResult closeDispute(Actor actor, PaymentId id, boolean won) {
        return run(steps.begin(id, p -> actor.isOperator(), won ? Step.WIN_DISPUTE : Step.LOSE_DISPUTE,
                won ? Kind.DISPUTE_WON : Kind.DISPUTE_LOST, null, false, null, who(actor), p -> { }));
    }

    @Override
    public PaymentResult onConnectorEvent(ConnectorEvent event) {
        PaymentId id = store.byConnectorReference(event.connector(), event.reference()).orElse(null);
        if (id == null) {
            return new PaymentResult.NotFound();
        }
        Who who = new Who("connector:" + event.connector(), null);
        Predicate<PaymentRecord> any = p -> true;
        PaymentResult result = switch (event) {
            case ConnectorEvent.Processing p -> steps.transition(id, any, Step.BEGIN_PROCESSING, who, r -> { });
            case ConnectorEvent.Settled s -> run(steps.begin(id, any, Step.AUTHORIZE_AND_CAPTURE, Kind.SETTLE,
                    s.processed().minorUnits(), false, s.processed().currency().code(), who, r -> { }));
            case ConnectorEvent.Failed f -> steps.transition(id, any, Step.DECLINE, who, r -> r.declineCode = f.code().name());
            case ConnectorEvent.DisputeOpened d -> openDispute(any, who, id, d.amount().minorUnits(), d.reason());
        };
        // connectors deliver at least once: a report about a step already taken changes nothing
        if (result instanceof PaymentResult.IllegalTransition) {
            return new PaymentResult.Done(views.of(store.find(id).orElseThrow()));
        }
        return result;
    }

    @Override
    public int expireDueAuthorizations() {
        int expired = 0;
        for (PaymentId id : store.dueForExpiry(clock.instant(), BATCH)) {
            PaymentResult r = run(steps.begin(id, p -> true, Step.EXPIRE, Kind.EXPIRE, null, false, null, Who.SYSTEM, p -> { }));
            if (r instanceof PaymentResult.Done) {
                expired++;
            }
        }
        return expired;
    }

    @Override
    public int recoverStuckOperations() {
        int recovered = 0;
        for (OperationRecord op : store.stuck(clock.instant().minus(properties.recoverAfter()), BATCH)) {
            try {
                if (steps.drive(op) instanceof PaymentResult.Done) {
                    recovered++;
                }
            } catch (RuntimeException e) {
                log.error("recovery of step {} of payment {} failed", op.seq(), op.paymentId(), e);
            }
        }
        return recovered;
    }

    private PaymentResult run(Begin b) {
        return switch (b) {
            case Refusal r -> r.result();
            case Begun begun -> steps.drive(begun);
        };
    }

    static Predicate<PaymentRecord> visibleTo(Actor actor) {
        return p -> actor.mayAccess(p.merchantId);
    }

    static Who who(Actor actor) {
        return new Who(actor.name(), actor.auditRole());
    }
}
