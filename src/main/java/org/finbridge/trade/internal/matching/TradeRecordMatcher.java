package org.finbridge.trade.internal.matching;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.TradeRecord;

/**
 * The rules in force for matching an order with its payment, shipments and declarations: the customs'
 * three-document match (三单比对, regulations notes §1.1: order, payment and logistics data must agree
 * before cross-border e-commerce goods clear) extended to the customs declaration.
 */
public final class TradeRecordMatcher {

    private final List<MatchRule> rules;

    /** @param amountToleranceBasisPoints how far amounts may differ before they mismatch (100 = 1 %) */
    public TradeRecordMatcher(long amountToleranceBasisPoints) {
        this.rules = List.of(
                new AmountsAgree(amountToleranceBasisPoints),
                new QuantitiesAgree(),
                new PartiesAgree(),
                new HsCodesAgree(),
                new TimesArePossible(),
                new WaybillsAgree());
    }

    public List<Mismatch> match(TradeRecord documents) {
        List<Mismatch> found = new ArrayList<>();
        for (MatchRule rule : rules) {
            found.addAll(rule.check(documents));
        }
        return found;
    }

    /** The record with its mismatches filled in. */
    public TradeRecord matched(TradeRecord documents) {
        return new TradeRecord(documents.id(), documents.reference(), documents.order(), documents.payments(),
                documents.shipments(), documents.declarations(), match(documents));
    }
}
