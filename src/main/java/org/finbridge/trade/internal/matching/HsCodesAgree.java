package org.finbridge.trade.internal.matching;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.MismatchKind;
import org.finbridge.trade.TradeRecord;

/**
 * The goods declared are the goods ordered, compared at the six-digit HS subheading: the level every
 * country shares (national codes differ beyond it, so a marketplace's 6-digit code and China customs'
 * 10-digit code for the same goods agree).
 */
final class HsCodesAgree implements MatchRule {

    @Override
    public List<Mismatch> check(TradeRecord r) {
        if (r.order() == null || r.declarations().isEmpty()) {
            return List.of();
        }
        Set<String> ordered = new TreeSet<>();
        r.order().items().forEach(i -> ordered.add(i.hsCode().subheading()));
        Set<String> declared = new TreeSet<>();
        r.declarations().forEach(d -> d.lines().forEach(l -> declared.add(l.hsCode().subheading())));
        if (ordered.equals(declared)) {
            return List.of();
        }
        Set<String> onlyOrdered = new TreeSet<>(ordered);
        onlyOrdered.removeAll(declared);
        Set<String> onlyDeclared = new TreeSet<>(declared);
        onlyDeclared.removeAll(ordered);
        return List.of(new Mismatch(MismatchKind.HS_CODES, "HS subheadings ordered but not declared: " + onlyOrdered
                + "; declared but not ordered: " + onlyDeclared));
    }
}
