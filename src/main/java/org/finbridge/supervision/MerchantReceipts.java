package org.finbridge.supervision;

import java.util.List;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * Sellers' annual goods-trade FX receipts against SAFE's list registration (贸易外汇收支企业名录): a small
 * cross-border seller whose receipts in a calendar year exceed USD 200,000 must be registered before banks
 * or payment institutions keep processing them, and SAFE lists sellers at USD 180,000-200,000 as a warning
 * band (regulations notes §2, SAFE Q&A 2021). Built from the payments module's events: captures add, refunds
 * subtract, each at the USD reference rate of its day.
 */
public interface MerchantReceipts {

    enum Band {
        BELOW,
        /** USD 180,000 to 200,000: on SAFE's warning list. */
        WARNING,
        /** Over USD 200,000: registration required. */
        REGISTRATION_REQUIRED
    }

    record YearTotal(PartyId merchant, int year, Money receiptsUsd, Band band) {
    }

    YearTotal of(PartyId merchant, int year);

    /** The sellers of a year in the warning band or above, highest first. */
    List<YearTotal> flagged(int year);
}
