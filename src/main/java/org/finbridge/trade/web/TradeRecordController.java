package org.finbridge.trade.web;

import static org.finbridge.trade.web.TradeProblems.notFound;

import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.TradeRecordId;
import org.finbridge.trade.TradeRecords;
import org.finbridge.trade.web.TradeViews.TradeRecordView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The matched record of an order (its id is in every document's {@code recordId}). */
@RestController
@RequestMapping("/api/v1/trade")
class TradeRecordController {

    private final TradeRecords records;

    TradeRecordController(TradeRecords records) {
        this.records = records;
    }

    @GetMapping("/records/{id}")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = {PartyKind.MERCHANT, PartyKind.MARKETPLACE})
    TradeRecordView record(Actor actor, @PathVariable String id) {
        TradeRecordId recordId;
        try {
            recordId = TradeRecordId.parse(id);
        } catch (IllegalArgumentException e) {
            throw notFound("TRADE_RECORD_NOT_FOUND", id);
        }
        return records.find(recordId).filter(r -> Visibility.sees(actor, r)).map(TradeRecordView::of)
                .orElseThrow(() -> notFound("TRADE_RECORD_NOT_FOUND", id));
    }
}
