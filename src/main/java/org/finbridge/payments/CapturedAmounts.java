package org.finbridge.payments;

import org.finbridge.party.PartyId;

/**
 * What a payment moved through its merchant's pending account, in minor units of its processed currency:
 * the running totals of {@link Payment} without its steps, for readers that need them for many payments at
 * once (a settlement run over a day's captures).
 *
 * @param disputeStands a dispute is open or lost (a won dispute gave the money back)
 * @param disputeFromPending what the dispute took from the merchant's pending account (0 without one)
 * @param disputeFromReserve what the dispute took from the merchant's reserve (0 without one)
 */
public record CapturedAmounts(PaymentId id, PartyId merchantId, String currency, long captured, long feesAcquirer,
                              long feesPlatform, long reserved, long refunded, boolean disputeStands,
                              long disputeFromPending, long disputeFromReserve) {

    /** Captured money left in the merchant's pending account by the payment's own steps. */
    public long netPending() {
        return captured - feesAcquirer - feesPlatform - reserved - refunded - (disputeStands ? disputeFromPending : 0);
    }

    public static CapturedAmounts of(Payment p) {
        boolean stands = p.dispute() != null && p.dispute().status() != Payment.DisputeStatus.WON;
        return new CapturedAmounts(p.id(), p.merchantId(), p.processed() == null ? p.requested().currency().code()
                : p.processed().currency().code(), p.captured(), p.feesAcquirer(), p.feesPlatform(), p.reserved(), p.refunded(),
                stands, p.dispute() == null ? 0 : p.dispute().fromPending(), p.dispute() == null ? 0 : p.dispute().fromReserve());
    }
}
