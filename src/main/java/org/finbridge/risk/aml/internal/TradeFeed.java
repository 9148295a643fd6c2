package org.finbridge.risk.aml.internal;

import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.ShipmentDelivered;
import org.finbridge.trade.TradeRecord;
import org.finbridge.trade.TradeRecordMismatched;
import org.finbridge.trade.TradeRecords;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trade facts into the AML journal: a delivered shipment (the brushing rule's evidence that an order was
 * real) and, for an order whose documents disagree or were delivered, the paid amount beside the declared
 * customs value (over/under-invoicing). Read through the trade module's public {@link TradeRecords};
 * both writes are idempotent, so a redelivered event changes nothing.
 */
@Component
class TradeFeed {

    private final TradeRecords records;
    private final Journal journal;
    private final MonitoringService monitoring;
    private final AmlEvaluations evaluations;

    TradeFeed(TradeRecords records, Journal journal, MonitoringService monitoring, AmlEvaluations evaluations) {
        this.records = records;
        this.journal = journal;
        this.monitoring = monitoring;
        this.evaluations = evaluations;
    }

    @EventListener
    void delivered(ShipmentDelivered event) {
        TradeRecord record = records.of(event.order());
        if (record.order() == null) {
            return; // no order, no merchant to attribute the delivery to
        }
        journal.recordDelivery(record.order().merchant(), event.order().orderNumber(), event.deliveredAt());
        amounts(record.order().merchant(), event.order(), record);
    }

    @EventListener
    void mismatched(TradeRecordMismatched event) {
        if (event.merchant() != null) {
            amounts(event.merchant(), event.order(), records.of(event.order()));
        }
    }

    // trade facts mark no journal entry pending: the merchant is asked for by name, in the background
    @EventListener
    void evaluateDelivered(ShipmentDelivered event) {
        TradeRecord record = records.of(event.order());
        if (record.order() != null) {
            evaluateAfterCommit(record.order().merchant());
        }
    }

    @EventListener
    void evaluateMismatched(TradeRecordMismatched event) {
        if (event.merchant() != null) {
            evaluateAfterCommit(event.merchant());
        }
    }

    private void evaluateAfterCommit(PartyId merchant) {
        monitoring.requestAfterCommit(merchant);
        evaluations.wakeAfterCommit();
    }

    private void amounts(PartyId merchant, OrderReference order, TradeRecord record) {
        if (record.payments().isEmpty() || record.declarations().isEmpty()) {
            return;
        }
        PaidAmount paid = record.payments().stream().filter(p -> "payments".equals(p.source())).findFirst()
                .orElse(record.payments().getFirst());
        Declaration first = record.declarations().getFirst();
        long declared = record.declarations().stream().filter(d -> d.currency().equals(first.currency()))
                .mapToLong(Declaration::declaredValueMinorUnits).sum();
        journal.recordAmounts(merchant, order.orderNumber(), new Money(paid.amountMinorUnits(), paid.currency()),
                new Money(declared, first.currency()));
    }
}
