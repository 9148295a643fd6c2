package org.finbridge.trade.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.NewOrder;
import org.finbridge.trade.NewPayment;
import org.finbridge.trade.Order;
import org.finbridge.trade.OrderId;
import org.finbridge.trade.OrderResult;
import org.finbridge.trade.Orders;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.PaymentResult;
import org.finbridge.trade.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders submitted one at a time, and the payment references marketplaces push for them. */
@Service
class OrderService implements Orders {

    private final OrderStore orders;
    private final TradePaymentStore payments;
    private final PartyDirectory parties;
    private final TradeRecordService records;
    private final TradeAudit audit;
    private final Transactions transactions;
    private final Clock clock;

    OrderService(OrderStore orders, TradePaymentStore payments, PartyDirectory parties, TradeRecordService records,
                 TradeAudit audit, Transactions transactions, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.parties = parties;
        this.records = records;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public OrderResult submit(NewOrder submitted, Actor actor) {
        if (!actor.isOperator() && actor.partyKind() != PartyKind.MARKETPLACE) {
            return new OrderResult.Invalid(List.of(new Violation("marketplaceId", "only marketplaces submit orders")));
        }
        return transactions.submit(() -> {
            Checked<Order> checked = OrderValidation.validate(submitted, actor, parties.lookup(), OrderId.next(clock), now());
            if (!checked.isValid()) {
                return new OrderResult.Invalid(checked.violations());
            }
            Order order = checked.value();
            Optional<Order> existing = orders.find(order.reference());
            if (existing.isPresent()) {
                return existing.get().sameContentAs(order) ? new OrderResult.AlreadyRecorded(existing.get())
                        : new OrderResult.NumberTaken(existing.get());
            }
            orders.insert(List.of(order), null);
            records.recheck(List.of(order.reference()), Map.of(order.reference().recordId().value(), order));
            audit.record(actor, "trade.order.submit", "trade_order", order.id().toString(), Summaries.of(order));
            return new OrderResult.Recorded(order);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Order> find(OrderId id) {
        return orders.find(id);
    }

    @Override
    public PaymentResult recordPayment(OrderId id, NewPayment submitted, Actor actor) {
        return transactions.submit(() -> {
            Optional<Order> order = orders.find(id).filter(o -> actor.isOperator() || actor.partyId().equals(o.marketplace()));
            if (order.isEmpty()) {
                return new PaymentResult.NotFound("order " + id);
            }
            Checked<PaidAmount> checked = PaymentValidation.validate(submitted, now());
            if (!checked.isValid()) {
                return new PaymentResult.Invalid(checked.violations());
            }
            PaidAmount paid = checked.value();
            Optional<PaidAmount> existing = payments.find(order.get().reference());
            if (existing.isPresent()) {
                return existing.get().equals(paid) ? new PaymentResult.AlreadyRecorded(records.of(order.get().reference()))
                        : new PaymentResult.AnotherPaymentRecorded(existing.get());
            }
            payments.insert(order.get().reference(), paid, actor.partyId(), now());
            records.recheck(List.of(order.get().reference()), Map.of());
            audit.record(actor, "trade.payment.record", "trade_order", id.toString(), Summaries.of(paid));
            return new PaymentResult.Recorded(records.of(order.get().reference()));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
