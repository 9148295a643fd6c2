package org.finbridge.trade;

import java.util.List;

/**
 * An order as a marketplace submits it, before validation (text as received, so that every problem can
 * be reported against the field that has it).
 *
 * @param marketplaceId the submitting marketplace: omitted by a marketplace (it is the caller), required
 *                      when an operator submits on a marketplace's behalf
 * @param buyerId a registered buyer ({@code pty_…}), or else {@code buyerReference}, the marketplace's own
 * @param orderedAt ISO-8601 instant, e.g. {@code 2026-03-01T10:15:30Z}
 */
public record NewOrder(String marketplaceId, String orderNumber, String merchantId, String buyerId,
                       String buyerReference, String currency, Long totalMinorUnits, String orderedAt,
                       List<Item> items) {

    public record Item(String hsCode, String description, Long quantity, Long unitPriceMinorUnits) {
    }
}
