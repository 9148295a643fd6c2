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

    enum GroupBy { CURRENCY, MERCHANT, DAY, PILOT_ZONE, BOP_CODE }

    /**
     * One group of flows.
     *
     * @param group the currency, merchant id, day, pilot zone code ({@code none} outside any zone) or BOP code
     */
    record Flow(String group, String currency, long payments, long capturedMinor, long refundedMinor) {
    }

    record PaymentLine(UUID paymentId, PartyId merchant, String orderReference, String currency, long capturedMinor,
                       long refundedMinor, Long usdCapturedMinor, LocalDate capturedOn) {
    }

    record Breach(UUID id, String kind, String subject, int year, String currency, long amountMinor, long limitMinor,
                  String reference, Instant detectedAt) {
    }

    List<Flow> flows(LocalDate from, LocalDate to, GroupBy groupBy);

    List<PaymentLine> payments(LocalDate from, LocalDate to, String currency, PartyId merchant, int limit);

    List<Breach> breaches(int year, String kind);
}
