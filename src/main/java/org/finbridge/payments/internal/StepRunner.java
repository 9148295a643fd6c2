package org.finbridge.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.Money;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.PaymentConnector;
import org.finbridge.payments.internal.OperationRecord.Kind;
import org.finbridge.payments.internal.PaymentStateMachine.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out a payment's steps across three systems that share no transaction — the payments tables,
 * the connector and the ledger (which commits in its own batches) — so that a crash or timeout anywhere
 * leaves something a retry finishes without a second effect (TigerBeetle's reliable transaction
 * submission; Kill Bill's janitor):
 * <ol>
 *   <li><b>begin</b>, one short transaction: lock the payment, ask the state machine, write the step
 *       PENDING and mark the payment busy with it (a second step waits its turn: 409 PAYMENT_BUSY);</li>
 *   <li>ask the connector, with an idempotency key derived from the payment and the step;</li>
 *   <li>write the step's ledger transfers (ids derived from the payment and the step) before submitting
 *       them, then submit;</li>
 *   <li><b>complete</b>, one short transaction, only after the ledger answered: the payment's new state
 *       and amounts, the step SUCCEEDED, the audit record and the event.</li>
 * </ol>
 * Steps 2–3 run outside any database transaction, so no connection is held while waiting for the
 * connector or the ledger. Recovery re-runs {@link #drive} on a step left PENDING: the connector
 * answers the first outcome again, the ledger EXISTS, and complete applies once.
 */
@Component
class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);
    private static final Set<TransferResult> NONE = Set.of();
    /** A hold the ledger already released at its timeout is released all the same. */
    private static final Set<TransferResult> HOLD_GONE = Set.of(TransferResult.PENDING_TRANSFER_EXPIRED);

    /** Who asked: the audit log's actor and role. */
    record Who(String name, String role) {
        static final Who SYSTEM = new Who("system", null);
    }

    sealed interface Begin {
    }

    /**
     * @param payment the payment as this step's begin left it, when the step was begun by this request (its
     *                first attempt), or null: a step begun earlier is driven from what the database holds
     */
    record Begun(OperationRecord op, PaymentRecord payment) implements Begin {
    }

    record Refusal(PaymentResult result) implements Begin {
    }

    private final PaymentStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LedgerPostings postings;
    private final Connectors connectors;
    private final FeePolicy fees;
    private final PaymentsProperties properties;
    private final PaymentJournal journal;
    private final PaymentViews views;
    private final CheckoutFx checkoutFx;
    private final Failover failover;

    StepRunner(PaymentStore store, TransactionTemplate paymentsTransactions, Clock clock, LedgerPostings postings,
               Connectors connectors, FeePolicy fees, PaymentsProperties properties, PaymentJournal journal,
               PaymentViews views, CheckoutFx checkoutFx, Failover failover) {
        this.store = store;
        this.tx = paymentsTransactions;
        this.clock = clock;
        this.postings = postings;
        this.connectors = connectors;
        this.fees = fees;
        this.properties = properties;
        this.journal = journal;
        this.views = views;
        this.checkoutFx = checkoutFx;
        this.failover = failover;
    }

    // --- begin -----------------------------------------------------------------------------------

    /**
     * @param amount the step's amount, or null for "all that is left" (capture, refund, dispute)
     * @param prepare sets what the step needs on the payment before it starts (the chosen connector, say)
     */
    Begin begin(PaymentId id, Predicate<PaymentRecord> visible, Step step, Kind kind, Long amount, boolean finalCapture,
                String currency, Who who, Consumer<PaymentRecord> prepare) {
        return tx.execute(status -> {
            PaymentRecord p = store.lock(id).filter(visible).orElse(null);
            if (p == null) {
                return new Refusal(new PaymentResult.NotFound());
            }
            String requestKey = RequestKeys.current();
            OperationRecord earlier = requestKey == null || RequestKeys.firstAttempt() ? null
                    : store.operationByRequestKey(id, requestKey).orElse(null);
            if (earlier != null && !earlier.failedWithoutEffect()) {
                // the retry of a request whose node died after beginning this step: that step, never a second one
                if (p.busySeq != null && p.busySeq == earlier.seq()) {
                    return new Begun(earlier, null);
                }
                return new Refusal(earlier.declineCode() == null ? new PaymentResult.Done(views.of(p))
                        : new PaymentResult.Declined(views.of(p), DeclineCode.valueOf(earlier.declineCode())));
            }
            // else no earlier attempt, or one that failed before it moved anything (an outage, its connection to the
            // database reset): it answered a server error, and the retry tries the step afresh. Answering it with the
            // payment as it stands would tell the client that a capture or refund happened that did not.
            if (p.busySeq != null) {
                return new Refusal(new PaymentResult.Busy());
            }
            Instant now = now();
            long stepAmount = amount != null ? amount : remaining(p, step);
            var decision = PaymentStateMachine.decide(snapshot(p, step), step, stepAmount,
                    finalCapture, now);
            if (decision instanceof PaymentStateMachine.Refused r) {
                return new Refusal(refusal(p, step, r));
            }
            prepare.accept(p);
            int seq = p.lastSeq + 1;
            OperationRecord op = new OperationRecord(p.id, seq, kind, stepAmount,
                    currency != null ? currency : p.currency().code(), finalCapture, OperationRecord.PENDING, who.name(),
                    null, null, null, null, now, null);
            store.insert(op, requestKey);
            p.busySeq = seq;
            p.lastSeq = seq;
            p.updatedAt = now;
            store.update(p);
            return new Begun(op, p);
        });
    }

    /**
     * Begins the first step of a payment this request creates, in the transaction that creates it: the
     * payment is written once, already busy with its step, and no other request can know its id yet, so
     * there is nothing to lock or to read back (Stripe's create with {@code confirm=true}).
     *
     * @param create writes the payment as it stands and records its creation, inside this transaction
     */
    Begin beginNew(PaymentRecord p, Runnable create, Step step, Kind kind, long amount, String currency, Who who,
                   Consumer<PaymentRecord> prepare) {
        return tx.execute(status -> {
            Instant now = now();
            var decision = PaymentStateMachine.decide(snapshot(p, step), step, amount, false, now);
            if (decision instanceof PaymentStateMachine.Refused r) {
                create.run();
                return new Refusal(refusal(p, step, r));
            }
            prepare.accept(p);
            int seq = p.lastSeq + 1;
            OperationRecord op = new OperationRecord(p.id, seq, kind, amount, currency, false, OperationRecord.PENDING,
                    who.name(), null, null, null, null, now, null);
            p.busySeq = seq;
            p.lastSeq = seq;
            create.run();
            store.insert(op, RequestKeys.current());
            return new Begun(op, p);
        });
    }

    private static long remaining(PaymentRecord p, Step step) {
        var a = p.amounts;
        return switch (step) {
            case CAPTURE -> a.authorized() - a.captured();
            case REFUND, OPEN_DISPUTE -> a.captured() - a.refunded();
            case VOID, EXPIRE -> a.authorized() - a.captured();
            case WIN_DISPUTE, LOSE_DISPUTE -> a.disputed();
            default -> 0;
        };
    }

    private PaymentResult refusal(PaymentRecord p, Step step, PaymentStateMachine.Refused r) {
        return switch (r.rule()) {
            case "ILLEGAL_TRANSITION" -> new PaymentResult.IllegalTransition(p.state, step.name().toLowerCase());
            case "AUTHORIZATION_EXPIRED" -> new PaymentResult.AuthorizationExpired(views.of(p));
            default -> new PaymentResult.AmountRefused(r.rule(), r.requested(), r.available());
        };
    }

    // --- one-transaction steps that move no money ------------------------------------------------

    /** A state change that moves no money (a challenge pending, processing, a decline, a cancel, evidence). */
    PaymentResult transition(PaymentId id, Predicate<PaymentRecord> visible, Step step, Who who,
                             Consumer<PaymentRecord> apply) {
        return afterCommit(tx.execute(status -> {
            PaymentRecord p = store.lock(id).filter(visible).orElse(null);
            if (p == null) {
                return new PaymentResult.NotFound();
            }
            if (p.busySeq != null) {
                return new PaymentResult.Busy();
            }
            var decision = PaymentStateMachine.decide(snapshot(p, step), step, 0, false, now());
            if (decision instanceof PaymentStateMachine.Refused r) {
                return refusal(p, step, r);
            }
            PaymentState before = p.state;
            p.state = ((PaymentStateMachine.Allowed) decision).next();
            apply.accept(p);
            p.lastSeq++;
            p.updatedAt = now();
            store.update(p);
            journal.record(who.name(), who.role(), eventType(step), p, p.lastSeq, before, 0, p.updatedAt);
            return p;
        }));
    }

    /**
     * The answer of a transaction that appended to the audit log: the payment's view is read after the
     * commit, so the transaction (and the row lock on the payment it holds) ends as soon as possible.
     */
    private PaymentResult afterCommit(Object outcome) {
        return outcome instanceof PaymentRecord p ? new PaymentResult.Done(views.of(p)) : (PaymentResult) outcome;
    }

    // --- drive -----------------------------------------------------------------------------------

    /** Runs a step this request has just begun: the payment as the begin left it is not read again. */
    PaymentResult drive(Begun begun) {
        return begun.payment() == null ? drive(begun.op()) : drive(begun.op(), begun.payment());
    }

    /** Runs a step from wherever it stands; safe to repeat. */
    PaymentResult drive(OperationRecord op) {
        return drive(op, store.find(op.paymentId()).orElseThrow());
    }

    private PaymentResult drive(OperationRecord op, PaymentRecord p) {
        if (p.busySeq == null || p.busySeq != op.seq()) {
            return new PaymentResult.Done(views.of(p));
        }
        return switch (op.kind()) {
            case AUTHORIZE, AUTHORIZE_AND_CAPTURE -> authorize(p, op);
            case SETTLE -> settle(p, op);
            case CAPTURE -> capture(p, op);
            case VOID -> voidHold(p, op);
            case EXPIRE -> finish(p, op, Step.EXPIRE, op.amount(), () -> postings.releaseHold(p, op, true), HOLD_GONE,
                    (r, plan) -> r.holdId = null);
            case REFUND -> refund(p, op);
            case DISPUTE_OPEN -> finish(p, op, Step.OPEN_DISPUTE, op.amount(), () -> postings.chargeback(p, op, op.amount()),
                    NONE, (r, plan) -> store.openDispute(r.id, op.amount(), r.currency().code(), op.detail(),
                            plan.sum(LedgerPostings.CHARGEBACK_FROM_RESERVE), plan.sum(LedgerPostings.CHARGEBACK_FROM_PENDING),
                            now()));
            case DISPUTE_WON -> {
                var d = store.dispute(p.id).orElseThrow();
                yield finish(p, op, Step.WIN_DISPUTE, op.amount(),
                        () -> postings.reverseChargeback(p, op, d.fromReserve(), d.fromPending()), NONE,
                        (r, plan) -> store.updateDispute(r.id, org.finbridge.payments.Payment.DisputeStatus.WON, null, now()));
            }
            case DISPUTE_LOST -> finish(p, op, Step.LOSE_DISPUTE, op.amount(), () -> TransferPlan.EMPTY, NONE,
                    (r, plan) -> store.updateDispute(r.id, org.finbridge.payments.Payment.DisputeStatus.LOST, null, now()));
        };
    }

    private PaymentResult authorize(PaymentRecord p, OperationRecord op) {
        boolean sale = op.kind() == Kind.AUTHORIZE_AND_CAPTURE;
        Failover.Attempted attempted = failover.authorize(p, op, sale);
        PaymentConnector c = attempted.connector();
        ConnectorOutcome out = attempted.outcome();
        p.connector = c.name(); // the candidate that answered last: its clearing account takes the money
        return switch (out) {
            case ConnectorOutcome.Approved a -> {
                p.processed = a.processed();
                p.connectorReference = a.reference();
                long amount = a.processed().minorUnits();
                Instant expiresAt = sale ? null : op.createdAt().plus(properties.authorizationValidity());
                yield finish(p, op, sale ? Step.AUTHORIZE_AND_CAPTURE : Step.AUTHORIZE, amount,
                        () -> sale ? postings.authorizeAndCapture(p, op, amount, fees.deductions(c, p, a.processed()))
                                : postings.authorize(p, op, amount,
                                seconds(properties.authorizationValidity().plus(properties.holdGrace()))),
                        NONE, (r, plan) -> {
                            r.connector = c.name();
                            r.processed = a.processed();
                            r.connectorReference = a.reference();
                            r.expiresAt = expiresAt;
                            r.nextActionJson = null;
                        });
            }
            case ConnectorOutcome.ActionRequired ar -> complete(op, Step.REQUIRE_ACTION, 0, TransferPlan.EMPTY,
                    OperationRecord.SUCCEEDED, null, (r, plan) -> {
                        r.connector = c.name();
                        r.connectorReference = ar.reference();
                        r.nextActionJson = PaymentViews.toJson(ar.action());
                    });
            case ConnectorOutcome.Declined d -> {
                PaymentResult r = complete(op, Step.DECLINE, 0, TransferPlan.EMPTY, OperationRecord.FAILED, d.code(),
                        (rec, plan) -> {
                            rec.connector = c.name();
                            rec.declineCode = d.code().name();
                        });
                yield r instanceof PaymentResult.Done done ? new PaymentResult.Declined(done.payment(), d.code()) : r;
            }
            case ConnectorOutcome.TimedOut t -> inProgress(p, "the connector did not answer in time: " + t.detail());
            case ConnectorOutcome.Unavailable u -> abandon(op, "connector unavailable: " + u.detail());
        };
    }

    /** A push payment the connector reports final: held and captured in full in one chain. */
    private PaymentResult settle(PaymentRecord p, OperationRecord op) {
        PaymentConnector c = connectors.named(p.connector);
        Money processed = Money.ofMinor(op.amount(), op.currency());
        p.processed = processed;
        return finish(p, op, Step.AUTHORIZE_AND_CAPTURE, op.amount(),
                () -> postings.authorizeAndCapture(p, op, op.amount(), fees.deductions(c, p, processed)), NONE,
                (r, plan) -> {
                    r.processed = processed;
                    r.nextActionJson = null;
                });
    }

    private PaymentResult capture(PaymentRecord p, OperationRecord op) {
        PaymentConnector c = connectors.named(p.connector);
        Money amount = new Money(op.amount(), p.currency());
        ConnectorOutcome out = c.capture(new ConnectorRequest.Capture(op.connectorKey(), p.connectorReference, amount,
                op.finalCapture()));
        return afterConnector(p, op, out, () -> {
            long rest = op.finalCapture() ? 0 : p.amounts.authorized() - p.amounts.captured() - op.amount();
            return finish(p, op, Step.CAPTURE, op.amount(), () -> postings.capture(p, op, op.amount(), rest,
                    secondsBetween(op.createdAt(), p.expiresAt.plus(properties.holdGrace())), fees.deductions(c, p, amount)), NONE, (r, plan) -> { });
        });
    }

    private PaymentResult voidHold(PaymentRecord p, OperationRecord op) {
        ConnectorOutcome out = connectors.named(p.connector)
                .voidAuthorization(new ConnectorRequest.Void(op.connectorKey(), p.connectorReference));
        return afterConnector(p, op, out, () -> finish(p, op, Step.VOID, op.amount(),
                () -> postings.releaseHold(p, op, false), HOLD_GONE, (r, plan) -> r.holdId = null));
    }

    private PaymentResult refund(PaymentRecord p, OperationRecord op) {
        ConnectorOutcome out = connectors.named(p.connector).refund(new ConnectorRequest.Refund(op.connectorKey(),
                p.connectorReference, new Money(op.amount(), p.currency())));
        return afterConnector(p, op, out, () -> finish(p, op, Step.REFUND, op.amount(),
                () -> postings.refund(p, op, op.amount()), NONE, (r, plan) -> { }));
    }

    /** A connector's refusal of a capture, void or refund changes nothing on the payment. */
    private PaymentResult afterConnector(PaymentRecord p, OperationRecord op, ConnectorOutcome out,
                                         Supplier<PaymentResult> onApproved) {
        return switch (out) {
            case ConnectorOutcome.Approved a -> onApproved.get();
            case ConnectorOutcome.ActionRequired a -> throw new IllegalStateException(p.connector + " asked for an action on " + op.kind());
            case ConnectorOutcome.Declined d -> {
                PaymentResult r = abandon(op, "declined: " + d.code() + " " + d.message(), d.code());
                yield r instanceof PaymentResult.Done done ? new PaymentResult.Declined(done.payment(), d.code()) : r;
            }
            case ConnectorOutcome.TimedOut t -> inProgress(p, "the connector did not answer in time: " + t.detail());
            case ConnectorOutcome.Unavailable u -> abandon(op, "connector unavailable: " + u.detail());
        };
    }

    /** Writes the plan (once), submits it, and completes the step when the ledger has committed it. */
    private PaymentResult finish(PaymentRecord p, OperationRecord op, Step step, long amount, Supplier<TransferPlan> planner,
                                 Set<TransferResult> alsoFine, BiConsumer<PaymentRecord, TransferPlan> apply) {
        TransferPlan plan;
        if (op.plan() != null) {
            plan = TransferPlan.decode(op.plan());
        } else {
            plan = planner.get();
            store.savePlan(op.withPlan(plan.encode()));
        }
        return switch (postings.submit(plan, alsoFine)) {
            case LedgerPostings.Committed c -> complete(op, step, amount, plan, OperationRecord.SUCCEEDED, null, apply);
            case LedgerPostings.Unavailable u -> inProgress(p, "the ledger is unavailable: " + u.detail());
            case LedgerPostings.Refused r -> {
                log.error("the ledger refused step {} of payment {}: {}", op.seq(), p.id, r.result());
                abandon(op, "ledger refused: " + r.result());
                if (r.result() == TransferResult.PENDING_TRANSFER_EXPIRED) {
                    yield new PaymentResult.AuthorizationExpired(views.of(store.find(p.id).orElseThrow()));
                }
                throw new IllegalStateException("the ledger refused step " + op.seq() + " of " + p.id + ": " + r.result());
            }
        };
    }

    // Only opening a dispute asks whether the payment was disputed before (a payment is disputed at most once):
    // the other steps need not read the disputes table, which every capture and refund used to do.
    private PaymentStateMachine.Snapshot snapshot(PaymentRecord p, Step step) {
        return p.snapshot(step == Step.OPEN_DISPUTE && store.dispute(p.id).isPresent());
    }

    /** Applies the step to the payment, after the ledger answered, in one transaction with its audit record and event. */
    private PaymentResult complete(OperationRecord op, Step step, long amount, TransferPlan plan, String status,
                                   DeclineCode decline, BiConsumer<PaymentRecord, TransferPlan> apply) {
        return afterCommit(tx.execute(s -> {
            PaymentRecord p = store.lock(op.paymentId()).orElseThrow();
            if (p.busySeq == null || p.busySeq != op.seq()) {
                return new PaymentResult.Done(views.of(p)); // completed meanwhile (by recovery)
            }
            var decision = PaymentStateMachine.decide(snapshot(p, step), step, amount,
                    op.finalCapture(), op.createdAt());
            if (!(decision instanceof PaymentStateMachine.Allowed allowed)) {
                throw new IllegalStateException("step " + op.seq() + " of " + p.id + " no longer applies: " + decision);
            }
            PaymentState before = p.state;
            p.state = allowed.next();
            p.amounts = allowed.after();
            p.feesAcquirer += plan.sum(LedgerPostings.ACQUIRER_FEE);
            p.feesPlatform += plan.sum(LedgerPostings.PLATFORM_FEE);
            p.reserved += plan.sum(LedgerPostings.RESERVE);
            if (step == Step.AUTHORIZE || step == Step.CAPTURE) {
                p.holdId = plan.newHold();
            }
            apply.accept(p, plan);
            if (p.convertsAtCheckout()) {
                checkoutFx.recordConverted(p.id, plan.sum(LedgerPostings.CHECKOUT_FX_BUY) - plan.sum(LedgerPostings.REFUND_FX_SELL),
                        plan.sum(LedgerPostings.CHECKOUT_FX_SPREAD));
            }
            p.busySeq = null;
            p.updatedAt = now();
            store.update(p);
            store.complete(op, status, p.connectorReference, decline == null ? null : decline.name(), null, p.updatedAt);
            journal.record(op.actor(), null, eventType(step), p, op.seq(), before, amount, p.updatedAt);
            return p;
        }));
    }

    /** Gives up a step that changed nothing (a connector's refusal, an outage): the payment is free again. */
    private PaymentResult abandon(OperationRecord op, String detail) {
        return abandon(op, detail, null);
    }

    private PaymentResult abandon(OperationRecord op, String detail, DeclineCode decline) {
        PaymentRecord after = tx.execute(s -> {
            PaymentRecord p = store.lock(op.paymentId()).orElseThrow();
            if (p.busySeq != null && p.busySeq == op.seq()) {
                p.busySeq = null;
                p.updatedAt = now();
                store.update(p);
                store.complete(op, OperationRecord.FAILED, p.connectorReference, decline == null ? null : decline.name(),
                        detail, p.updatedAt);
            }
            return p;
        });
        if (decline == null && detail.startsWith("connector unavailable")) {
            return new PaymentResult.ConnectorUnavailable(after.connector, detail);
        }
        return new PaymentResult.Done(views.of(after));
    }

    private PaymentResult inProgress(PaymentRecord p, String reason) {
        log.warn("payment {} step left for recovery: {}", p.id, reason);
        return new PaymentResult.InProgress(views.of(store.find(p.id).orElseThrow()), reason);
    }

    static String eventType(Step step) {
        return switch (step) {
            case REQUIRE_ACTION -> "payment.requires_action";
            case BEGIN_PROCESSING -> "payment.processing";
            case AUTHORIZE -> "payment.authorized";
            case AUTHORIZE_AND_CAPTURE -> "payment.succeeded";
            case DECLINE -> "payment.failed";
            case CANCEL -> "payment.canceled";
            case CAPTURE -> "payment.captured";
            case VOID -> "payment.voided";
            case EXPIRE -> "payment.expired";
            case REFUND -> "payment.refunded";
            case OPEN_DISPUTE -> "dispute.opened";
            case SUBMIT_EVIDENCE -> "dispute.evidence_submitted";
            case WIN_DISPUTE -> "dispute.won";
            case LOSE_DISPUTE -> "dispute.lost";
        };
    }

    private Instant now() {
        return clock.instant();
    }

    private static int seconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toSeconds());
    }

    /** Whole seconds from {@code from} to {@code to}, rounded up, at least one. */
    private static int secondsBetween(Instant from, Instant to) {
        long millis = Duration.between(from, to).toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }
}
