package org.finbridge.trade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.finbridge.party.PartyKind;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;

/**
 * A marketplace, a merchant selling on it and a logistics provider, each with an API key, and documents
 * shaped as they would send them. Times are days before the application's clock, so none is "in the future".
 */
public final class TradeWorld {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public final TestActors.Credentials marketplace;
    public final TestActors.Credentials merchant;
    public final TestActors.Credentials logistics;
    public final Instant ordered;
    private final int port;

    public TradeWorld(TestActors actors, int port, Instant now) {
        this.marketplace = actors.party(PartyKind.MARKETPLACE);
        this.merchant = actors.party(PartyKind.MERCHANT);
        this.logistics = actors.party(PartyKind.LOGISTICS_PROVIDER);
        this.ordered = now.minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.port = port;
    }

    public Api asMarketplace() {
        return marketplace.api(port);
    }

    public Api asMerchant() {
        return merchant.api(port);
    }

    public Api asLogistics() {
        return logistics.api(port);
    }

    public static String newOrderNumber() {
        return "ORD-" + NUMBERS.incrementAndGet();
    }

    public static String newWaybill() {
        return "SF" + (1_000_000_000L + NUMBERS.incrementAndGet());
    }

    /** 18 digits: customs station 5316, year 2026, export flag 0, a 9-digit serial. */
    public static String newDeclarationNumber() {
        return "531620260" + String.format("%09d", NUMBERS.incrementAndGet() % 1_000_000_000L);
    }

    /** Two phone cases at EUR 25.00 and a charger at EUR 50.00: EUR 100.00. */
    public Map<String, Object> order(String number) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderNumber", number);
        order.put("merchantId", merchant.partyId().toString());
        order.put("buyerReference", "buyer-" + number);
        order.put("currency", "EUR");
        order.put("totalMinorUnits", 10_000);
        order.put("orderedAt", ordered.toString());
        order.put("items", List.of(
                Map.of("hsCode", "392690", "description", "phone case", "quantity", 2, "unitPriceMinorUnits", 2_500),
                Map.of("hsCode", "8504.40", "description", "charger", "quantity", 1, "unitPriceMinorUnits", 5_000)));
        return order;
    }

    public Map<String, Object> shipment(String orderNumber, String waybill) {
        return Map.of("carrier", "SF", "waybill", waybill, "marketplaceId", marketplace.partyId().toString(),
                "orderNumber", orderNumber);
    }

    public Map<String, Object> event(String type, Instant at, String country, String place) {
        return Map.of("type", type, "occurredAt", at.toString(), "country", country, "place", place);
    }

    /** The declaration of {@link #order}'s goods as the merchant files it, under 9610. */
    public Map<String, Object> declaration(String orderNumber, String waybill) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("declarationNumber", newDeclarationNumber());
        d.put("customsMode", "9610");
        d.put("direction", "EXPORT");
        d.put("marketplaceId", marketplace.partyId().toString());
        d.put("orderNumber", orderNumber);
        if (waybill != null) {
            d.put("carrier", "SF");
            d.put("waybill", waybill);
        }
        d.put("currency", "EUR");
        d.put("declaredValueMinorUnits", 10_000);
        d.put("declaredAt", ordered.plus(Duration.ofHours(3)).toString());
        d.put("lines", new ArrayList<>(List.of(
                Map.of("hsCode", "3926909090", "description", "phone case", "quantity", 2, "valueMinorUnits", 5_000),
                Map.of("hsCode", "8504401400", "description", "charger", "quantity", 1, "valueMinorUnits", 5_000))));
        return d;
    }

    public Map<String, Object> payment(long amount) {
        return Map.of("paymentReference", "PAY-" + NUMBERS.incrementAndGet(), "currency", "EUR", "amountMinorUnits", amount,
                "paidAt", ordered.plus(Duration.ofMinutes(2)).toString());
    }
}
