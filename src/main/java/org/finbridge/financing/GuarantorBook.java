package org.finbridge.financing;

import java.util.List;
import org.finbridge.party.PartyId;

/**
 * A guarantor's terms in one currency and its book: the exposure limit, the fee, what its active guarantees
 * expose it to now, and every guarantee with its claims.
 */
public record GuarantorBook(PartyId guarantorId, String currency, long exposureLimit, int feeBasisPoints, long exposure,
                            long claimed, long recovered, List<Guarantee> guarantees) {

    public GuarantorBook {
        guarantees = List.copyOf(guarantees);
    }
}
