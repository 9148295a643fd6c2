package org.finbridge.risk.aml.internal;

import java.util.List;
import org.finbridge.party.PartyId;
import org.finbridge.risk.aml.ReportType;

/**
 * What a rule found about one customer in one window; becomes (or refreshes) the alert keyed by rule,
 * customer and window.
 */
public record Finding(String ruleName, ReportType category, String featureCode, PartyId party, String windowKey,
                      String summary, Long amountCnyMinor, List<String> transactionRefs) {

    public Finding {
        transactionRefs = List.copyOf(transactionRefs);
    }

    public String dedupeKey() {
        return ruleName + "|" + party + "|" + windowKey;
    }

    static Finding suspicious(String rule, PartyId party, String window, String summary, long amountCnyMinor,
                              List<AmlTransaction> transactions) {
        return new Finding(rule, ReportType.STR, null, party, window, summary, amountCnyMinor,
                transactions.stream().map(AmlTransaction::id).toList());
    }
}
