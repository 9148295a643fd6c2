package org.finbridge.financing;

import java.util.List;
import org.finbridge.party.PartyId;

/**
 * What a seller may borrow against its receivables in one currency: its settlement-pending balance (sales
 * captured and not yet settled, net of refunds and chargebacks taken from it, so dilution shrinks the base at
 * once), what its receivables advances still owe, and for each receivables-advance programme the most it may
 * still advance (the programme's advance rate of the pending balance, less what is owed on advances).
 *
 * @param pendingMinorUnits the MERCHANT_PENDING balance (0 when it is negative or the account is not open)
 * @param advancedMinorUnits principal of the seller's advances applied for, approved or not yet repaid
 */
public record BorrowingBase(PartyId merchantId, String currency, long pendingMinorUnits, long advancedMinorUnits,
                            List<Line> programmes) {

    public BorrowingBase {
        programmes = List.copyOf(programmes);
    }

    public record Line(ProgrammeId programmeId, PartyId lenderId, int advanceRateBasisPoints, long availableMinorUnits) {
    }
}
