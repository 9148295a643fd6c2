package org.finbridge.trade.internal.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.LogisticsEvent;
import org.finbridge.trade.LogisticsEventType;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.TradeRecord;

/**
 * The documents happen in a possible order: goods are declared and picked up after they were ordered,
 * and delivered after they were picked up. Each contradiction is a sign of a document made up after the
 * fact, or of clocks badly wrong; either way it needs a person's look.
 */
final class TimesArePossible implements MatchRule {

    @Override
    public List<Mismatch> check(TradeRecord r) {
        List<Mismatch> found = new ArrayList<>();
        if (r.order() != null) {
            for (Declaration d : r.declarations()) {
                if (d.declaredAt().isBefore(r.order().orderedAt())) {
                    found.add(new Mismatch(MismatchKind.TIMING, "declaration " + d.declarationNumber() + " was made at "
                            + d.declaredAt() + ", before the order at " + r.order().orderedAt()));
                }
            }
        }
        for (Shipment s : r.shipments()) {
            Optional<LogisticsEvent> pickup = s.first(LogisticsEventType.PICKED_UP);
            if (pickup.isPresent() && r.order() != null && pickup.get().occurredAt().isBefore(r.order().orderedAt())) {
                found.add(new Mismatch(MismatchKind.TIMING, "shipment " + s.carrier() + " " + s.waybill() + " was picked up at "
                        + pickup.get().occurredAt() + ", before the order at " + r.order().orderedAt()));
            }
            Optional<LogisticsEvent> delivery = s.first(LogisticsEventType.DELIVERED);
            if (pickup.isPresent() && delivery.isPresent() && delivery.get().occurredAt().isBefore(pickup.get().occurredAt())) {
                found.add(new Mismatch(MismatchKind.TIMING, "shipment " + s.carrier() + " " + s.waybill() + " was delivered at "
                        + delivery.get().occurredAt() + ", before it was picked up at " + pickup.get().occurredAt()));
            }
        }
        return found;
    }
}
