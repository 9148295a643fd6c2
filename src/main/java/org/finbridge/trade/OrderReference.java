package org.finbridge.trade;

import java.util.Objects;
import org.finbridge.party.PartyId;

/**
 * How every trade document names the order it belongs to: the marketplace (e-commerce platform) and its
 * order number. China's cross-border e-commerce clearance matches the order, payment and logistics
 * records on exactly this pair, the platform's code and the order number (三单比对, see the regulations
 * notes §1.1 "Three-document match"); an order number alone is unique only within one marketplace.
 */
public record OrderReference(PartyId marketplace, String orderNumber) {

    public OrderReference {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(orderNumber, "orderNumber");
    }

    public TradeRecordId recordId() {
        return TradeRecordId.of(this);
    }
}
