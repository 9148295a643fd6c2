package org.finbridge.trade;

import java.time.Instant;
import java.util.List;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;

/**
 * A customs declaration for an order's goods, as filed with customs and reported here by the merchant
 * (or by the marketplace for its seller). Recorded once, never edited: customs amend a declaration by a
 * new one. Its declared value is the sum of its lines, checked on the way in.
 *
 * @param declarationNumber the customs' number, 18 digits for China customs (海关编号)
 * @param merchant the consignor/consignee the goods are declared for
 * @param carrier with {@code waybill}, the transport document the declaration names; may be absent
 * @param submittedBy the party that reported it (the merchant itself, its marketplace, or an operator)
 */
public record Declaration(DeclarationId id, String declarationNumber, CustomsMode mode, TradeDirection direction,
                          PartyId merchant, OrderReference order, String carrier, String waybill,
                          CurrencyCode currency, long declaredValueMinorUnits, Instant declaredAt,
                          List<DeclarationLine> lines, PartyId submittedBy, Instant recordedAt) {

    public Declaration {
        lines = List.copyOf(lines);
    }

    public long totalQuantity() {
        return lines.stream().mapToLong(DeclarationLine::quantity).sum();
    }

    /** The same declaration as {@code other} apart from who reported it, when, and the platform's id. */
    public boolean sameContentAs(Declaration other) {
        return declarationNumber.equals(other.declarationNumber) && mode == other.mode && direction == other.direction
                && merchant.equals(other.merchant) && order.equals(other.order)
                && java.util.Objects.equals(carrier, other.carrier) && java.util.Objects.equals(waybill, other.waybill)
                && currency.equals(other.currency) && declaredValueMinorUnits == other.declaredValueMinorUnits
                && declaredAt.equals(other.declaredAt) && lines.equals(other.lines);
    }
}
