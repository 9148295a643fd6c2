package org.finbridge.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.finbridge.party.PartyId;

/**
 * The regulator's read models over supervision's own tables: flows in aggregate and transaction by
 * transaction, and quota breaches. Periods are Beijing dates, both ends included.
 */
public interface RegulatorViews {

    /**
     * The dimensions of the aggregated view. {@code CORRIDOR} is the merchant's country and the buyer's
     * ({@code CN-DE}; {@code ??} where unknown); {@code INSTITUTION} the licensed payment institution whose
     * connector carried the payment ({@code none} for the platform's own or unlicensed connectors);
     * {@code CUSTOMS_MODE} groups FX collections by the customs mode of their trade record ({@code none} when
     * no declaration was seen) and {@code BOP_CODE} the balance-of-payments declarations; the others group
     * captured payments.
     */
    enum GroupBy { CURRENCY, MERCHANT, DAY, PILOT_ZONE, BOP_CODE, CORRIDOR, INSTITUTION, CUSTOMS_MODE }

    /**
     * One group of flows.
     *
     * @param group the currency, merchant id, day, pilot zone code ({@code none} outside any zone), BOP code,
     *              corridor, institution id or customs mode
     */
    record Flow(String group, String currency, long payments, long capturedMinor, long refundedMinor) {
    }

    /**
     * One payment: who was paid (the merchant and its country) by a buyer of which country, through which
     * connector and licensed institution (null where none).
     */
    record PaymentLine(UUID paymentId, PartyId merchant, String orderReference, String currency, long capturedMinor,
                       long refundedMinor, Long usdCapturedMinor, LocalDate capturedOn, String merchantCountry,
                       String buyerCountry, String connector, PartyId institution) {
    }

    record Breach(UUID id, String kind, String subject, int year, String currency, long amountMinor, long limitMinor,
                  String reference, Instant detectedAt) {
    }

    List<Flow> flows(LocalDate from, LocalDate to, GroupBy groupBy);

    List<PaymentLine> payments(LocalDate from, LocalDate to, String currency, PartyId merchant, int limit);

    /**
     * Which payments of a period to list; every part optional (null).
     *
     * @param corridor e.g. {@code CN-DE}: the merchant's country, then the buyer's
     */
    record PaymentFilter(String currency, PartyId merchant, String corridor, PartyId institution) {

        public PaymentFilter {
            if (corridor != null && !corridor.matches("[A-Z]{2}-[A-Z]{2}")) {
                throw new IllegalArgumentException("a corridor is two country codes joined by '-', e.g. CN-DE");
            }
        }
    }

    List<PaymentLine> payments(LocalDate from, LocalDate to, PaymentFilter filter, int limit);

    List<Breach> breaches(int year, String kind);
}
