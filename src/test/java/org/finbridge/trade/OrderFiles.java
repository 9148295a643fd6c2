package org.finbridge.trade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated order files, as a marketplace would export them: one to three items per order, every total
 * the exact sum of its items, order numbers {@code <prefix>-<n>}.
 */
public final class OrderFiles {

    private static final String[] HS = {"392690", "850440", "611020", "950300", "8517130000", "640399", "420222"};

    private OrderFiles() {
    }

    public record Item(String hsCode, String description, long quantity, long unitPrice) {
    }

    public static List<Item> items(int i) {
        List<Item> items = new ArrayList<>();
        for (int k = 0; k <= i % 3; k++) {
            String hs = HS[(i + k) % HS.length];
            items.add(new Item(hs, "goods " + hs, 1 + (i + k) % 5, 100 + ((long) (i + k) * 37) % 10_000));
        }
        return items;
    }

    public static long total(List<Item> items) {
        return items.stream().mapToLong(it -> it.quantity() * it.unitPrice()).sum();
    }

    public static final String CSV_HEADER = "order_number,merchant_id,buyer_id,buyer_reference,currency,total_minor_units,"
            + "ordered_at,hs_code,description,quantity,unit_price_minor_units\n";

    /** A CSV file of {@code n} orders (about 1.7 MB per 10,000 orders). */
    public static String csv(String prefix, int n, String merchantId, Instant orderedAt) {
        StringBuilder csv = new StringBuilder(n * 180).append(CSV_HEADER);
        for (int i = 0; i < n; i++) {
            csv.append(csvOrder(prefix + "-" + i, i, merchantId, orderedAt));
        }
        return csv.toString();
    }

    /** The CSV rows of one order (one per item). */
    public static String csvOrder(String number, int i, String merchantId, Instant orderedAt) {
        List<Item> items = items(i);
        long total = total(items);
        StringBuilder rows = new StringBuilder();
        for (Item it : items) {
            rows.append(number).append(',').append(merchantId).append(",,buyer-").append(i).append(",EUR,").append(total)
                    .append(',').append(orderedAt).append(',').append(it.hsCode()).append(",\"").append(it.description())
                    .append("\",").append(it.quantity()).append(',').append(it.unitPrice()).append('\n');
        }
        return rows.toString();
    }

    /** A JSON-lines file of {@code n} orders. */
    public static String jsonLines(String prefix, int n, String merchantId, Instant orderedAt) {
        StringBuilder out = new StringBuilder(n * 300);
        for (int i = 0; i < n; i++) {
            out.append(jsonOrder(prefix + "-" + i, i, merchantId, orderedAt)).append('\n');
        }
        return out.toString();
    }

    public static String jsonOrder(String number, int i, String merchantId, Instant orderedAt) {
        List<Item> items = items(i);
        StringBuilder json = new StringBuilder("{\"orderNumber\":\"").append(number).append("\",\"merchantId\":\"")
                .append(merchantId).append("\",\"buyerReference\":\"buyer-").append(i).append("\",\"currency\":\"EUR\",")
                .append("\"totalMinorUnits\":").append(total(items)).append(",\"orderedAt\":\"").append(orderedAt)
                .append("\",\"items\":[");
        for (int k = 0; k < items.size(); k++) {
            Item it = items.get(k);
            json.append(k == 0 ? "" : ",").append("{\"hsCode\":\"").append(it.hsCode()).append("\",\"description\":\"")
                    .append(it.description()).append("\",\"quantity\":").append(it.quantity())
                    .append(",\"unitPriceMinorUnits\":").append(it.unitPrice()).append('}');
        }
        return json.append("]}").toString();
    }
}
