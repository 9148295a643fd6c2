package org.finbridge.risk.sanctions;

import java.math.BigDecimal;
import java.util.List;

/**
 * One list entry a query may be: the entry's id on its list, its primary name, the name that matched
 * (the primary name or one of its aliases), the score in [0, 1] (4 decimals) and why.
 */
public record ScreeningHit(String listCode, String entryId, String entryName, String matchedName, SubjectType entryType,
                           BigDecimal score, List<String> reasons) {

    public ScreeningHit {
        reasons = List.copyOf(reasons);
    }
}
