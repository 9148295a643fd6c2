package org.finbridge.trade.web;

import java.time.Instant;
import java.util.List;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.Order;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.TradeRecord;

/** The JSON shapes of trade documents: ids in their prefixed form, amounts in minor units. */
final class TradeViews {

    private TradeViews() {
    }

    record ItemView(String hsCode, String description, long quantity, long unitPriceMinorUnits, long amountMinorUnits) {
    }

    record OrderView(String id, String recordId, String marketplaceId, String orderNumber, String merchantId,
                     String buyerId, String buyerReference, String currency, long totalMinorUnits, Instant orderedAt,
                     List<ItemView> items, Instant recordedAt) {
        static OrderView of(Order o) {
            return new OrderView(o.id().toString(), o.reference().recordId().toString(), o.marketplace().toString(),
                    o.reference().orderNumber(), o.merchant().toString(),
                    o.buyer().partyId() == null ? null : o.buyer().partyId().toString(), o.buyer().externalReference(),
                    o.currency().code(), o.totalMinorUnits(), o.orderedAt(),
                    o.items().stream().map(i -> new ItemView(i.hsCode().digits(), i.description(), i.quantity(),
                            i.unitPriceMinorUnits(), i.amountMinorUnits())).toList(), o.recordedAt());
        }
    }

    record EventView(String type, Instant occurredAt, String country, String place, Instant recordedAt) {
        static EventView of(LogisticsEvent e) {
            return new EventView(e.type().name(), e.occurredAt(), e.place().country(), e.place().locality(), e.recordedAt());
        }
    }

    record ShipmentView(String id, String recordId, String logisticsProviderId, String carrier, String waybill,
                        String marketplaceId, String orderNumber, String state, List<EventView> events, Instant recordedAt) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id().toString(), s.order().recordId().toString(), s.logisticsProvider().toString(),
                    s.carrier(), s.waybill(), s.order().marketplace().toString(), s.order().orderNumber(), s.state().name(),
                    s.events().stream().map(EventView::of).toList(), s.recordedAt());
        }
    }

    record LineView(String hsCode, String description, long quantity, long valueMinorUnits) {
    }

    record DeclarationView(String id, String recordId, String declarationNumber, String customsMode, String direction,
                           String merchantId, String marketplaceId, String orderNumber, String carrier, String waybill,
                           String currency, long declaredValueMinorUnits, Instant declaredAt, List<LineView> lines,
                           String submittedBy, Instant recordedAt) {
        static DeclarationView of(Declaration d) {
            return new DeclarationView(d.id().toString(), d.order().recordId().toString(), d.declarationNumber(),
                    d.mode().code(), d.direction().name(), d.merchant().toString(), d.order().marketplace().toString(),
                    d.order().orderNumber(), d.carrier(), d.waybill(), d.currency().code(), d.declaredValueMinorUnits(),
                    d.declaredAt(), d.lines().stream().map(l -> new LineView(l.hsCode().digits(), l.description(),
                            l.quantity(), l.valueMinorUnits())).toList(), d.submittedBy().toString(), d.recordedAt());
        }
    }

    record PaymentView(String paymentReference, String currency, long amountMinorUnits, Instant paidAt, String source) {
        static PaymentView of(PaidAmount p) {
            return new PaymentView(p.paymentReference(), p.currency().code(), p.amountMinorUnits(), p.paidAt(), p.source());
        }
    }

    record MismatchView(String kind, String reason) {
        static MismatchView of(Mismatch m) {
            return new MismatchView(m.kind().name(), m.reason());
        }
    }

    /** A logistics provider's shipments appear in a record only to operators, merchants and marketplaces. */
    record TradeRecordView(String id, String marketplaceId, String orderNumber, String status, OrderView order,
                           List<PaymentView> payments, List<ShipmentView> shipments, List<DeclarationView> declarations,
                           List<MismatchView> mismatches) {
        static TradeRecordView of(TradeRecord r) {
            return new TradeRecordView(r.id().toString(), r.reference().marketplace().toString(), r.reference().orderNumber(),
                    r.status().name(), r.order() == null ? null : OrderView.of(r.order()),
                    r.payments().stream().map(PaymentView::of).toList(), r.shipments().stream().map(ShipmentView::of).toList(),
                    r.declarations().stream().map(DeclarationView::of).toList(),
                    r.mismatches().stream().map(MismatchView::of).toList());
        }
    }
}
