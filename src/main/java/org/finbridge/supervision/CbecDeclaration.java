package org.finbridge.supervision;

import java.util.Objects;
import org.finbridge.party.PartyId;

/**
 * A retail import order as the marketplace declares it for tax withholding (代收代缴, regulations notes §1.1):
 * the marketplace and its order number (the customs' key of the three-document match), the buyer's identity
 * document and the order's values.
 */
public record CbecDeclaration(PartyId marketplace, String orderNumber, IdentityDocument buyer, CbecOrder order) {

    public CbecDeclaration {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(order, "order");
        if (orderNumber == null || orderNumber.isBlank() || orderNumber.length() > 100) {
            throw new IllegalArgumentException("an order number of 1 to 100 characters is required");
        }
    }
}
