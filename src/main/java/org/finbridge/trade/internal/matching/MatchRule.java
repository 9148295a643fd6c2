package org.finbridge.trade.internal.matching;

import java.util.List;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.TradeRecord;

/**
 * One rule of the trade-record match. A rule looks only at the documents it compares and says nothing
 * while one of them is missing: a missing document makes a record incomplete, not mismatched.
 */
public interface MatchRule {

    /** The mismatches this rule finds among the record's documents (its own mismatches are ignored). */
    List<Mismatch> check(TradeRecord documents);
}
