package org.finbridge.risk.aml.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.finbridge.party.PartyId;

/**
 * One customer's recent activity, as every per-customer rule reads it.
 *
 * @param transactions the journal in the look-back window, oldest first
 * @param previousActivityAt the customer's last transaction before the window, null if none
 * @param deliveredOrders the order numbers of this merchant with a delivered shipment
 * @param trade the orders of this merchant whose paid amount and declared customs value are both known
 * @param now the evaluation time
 */
public record Activity(PartyId party, boolean naturalPerson, String country, List<AmlTransaction> transactions,
                       Instant previousActivityAt, Set<String> deliveredOrders, List<TradeComparison> trade, Instant now) {

    /** Reporting days are China's calendar days (the monitoring centre's), whatever the server's zone. */
    public static final ZoneId REPORTING_ZONE = ZoneId.of("Asia/Shanghai");

    public Activity {
        transactions = transactions.stream().sorted(Comparator.comparing(AmlTransaction::occurredAt)
                .thenComparing(AmlTransaction::id)).toList();
        deliveredOrders = Set.copyOf(deliveredOrders);
        trade = List.copyOf(trade);
    }

    public static LocalDate reportingDay(Instant at) {
        return at.atZone(REPORTING_ZONE).toLocalDate();
    }

    /**
     * An order whose payment and declaration are both known, with both converted to CNY fen at the
     * reference rate (null where no rate is known).
     */
    public record TradeComparison(String orderNumber, Long paidCnyMinor, Long declaredCnyMinor, String paid,
                                  String declared) {
    }
}
