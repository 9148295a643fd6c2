package org.finbridge.financing;

import java.time.LocalDate;
import org.finbridge.party.PartyId;

/**
 * A guarantee of one loan: the guarantor covers {@code coverageBasisPoints} of the principal the seller still
 * owes. ACTIVE while the loan runs (its exposure is the covered share of the principal owed); CLAIMED once the
 * loan defaulted and the guarantor paid the lender its share ({@code claimed}); what the seller pays after the
 * lender is paid in full recovers the claim for the guarantor ({@code recovered}).
 *
 * @param fee the guarantee fee the seller paid the guarantor at disbursement
 * @param exposure what the guarantor would pay if the loan defaulted now (0 once claimed or closed)
 */
public record Guarantee(LoanId loanId, PartyId guarantorId, PartyId merchantId, PartyId lenderId, String currency,
                        int coverageBasisPoints, long fee, long exposure, long claimed, long recovered, String state,
                        LocalDate claimedOn) {

    /** What the seller still owes the guarantor for the claim it paid. */
    public long owedToGuarantor() {
        return claimed - recovered;
    }
}
