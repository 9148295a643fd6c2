package org.finbridge.trade.internal.matching;

import java.util.List;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.TradeRecord;

/** The quantity declared to customs is the quantity ordered. */
final class QuantitiesAgree implements MatchRule {

    @Override
    public List<Mismatch> check(TradeRecord r) {
        if (r.order() == null || r.declarations().isEmpty()) {
            return List.of();
        }
        long ordered = r.order().totalQuantity();
        long declared = r.declarations().stream().mapToLong(Declaration::totalQuantity).sum();
        if (ordered == declared) {
            return List.of();
        }
        return List.of(new Mismatch(MismatchKind.QUANTITY,
                "declared quantity " + declared + " differs from the ordered quantity " + ordered));
    }
}
