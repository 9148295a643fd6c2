package org.finbridge.trade.internal.matching;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.party.PartyId;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.TradeRecord;

/**
 * The goods are declared for the merchant who sold them: the declaration's merchant is the order's (or,
 * before the order arrives, every declaration names the same merchant).
 */
final class PartiesAgree implements MatchRule {

    @Override
    public List<Mismatch> check(TradeRecord r) {
        if (r.declarations().isEmpty()) {
            return List.of();
        }
        PartyId seller = r.order() != null ? r.order().merchant() : r.declarations().getFirst().merchant();
        String whose = r.order() != null ? "the order's merchant " : "the first declaration's merchant ";
        List<Mismatch> found = new ArrayList<>();
        for (Declaration d : r.declarations()) {
            if (!d.merchant().equals(seller)) {
                found.add(new Mismatch(MismatchKind.PARTIES, "declaration " + d.declarationNumber() + " is for merchant "
                        + d.merchant() + ", not " + whose + seller));
            }
        }
        return found;
    }
}
