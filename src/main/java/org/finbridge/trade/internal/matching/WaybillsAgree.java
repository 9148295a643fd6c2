package org.finbridge.trade.internal.matching;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.TradeRecord;

/** A declaration that names a transport document names one of the order's shipments. */
final class WaybillsAgree implements MatchRule {

    @Override
    public List<Mismatch> check(TradeRecord r) {
        if (r.shipments().isEmpty()) {
            return List.of();
        }
        List<Mismatch> found = new ArrayList<>();
        for (Declaration d : r.declarations()) {
            if (d.waybill() != null && r.shipments().stream()
                    .noneMatch(s -> s.carrier().equals(d.carrier()) && s.waybill().equals(d.waybill()))) {
                found.add(new Mismatch(MismatchKind.WAYBILL, "declaration " + d.declarationNumber() + " names waybill "
                        + d.carrier() + " " + d.waybill() + ", which is not a shipment of this order"));
            }
        }
        return found;
    }
}
