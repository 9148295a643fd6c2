package org.finbridge.trade.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.CustomsMode;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.DeclarationId;
import org.finbridge.trade.DeclarationLine;
import org.finbridge.trade.HsCode;
import org.finbridge.trade.NewDeclaration;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.TradeDirection;

/**
 * Turns a reported customs declaration into a {@link Declaration}, or into every reason it is not one.
 * A merchant declares for itself; a marketplace declares for its sellers' orders on its own marketplace
 * and names the merchant.
 */
final class DeclarationValidation {

    /**
     * China customs' declaration number (海关编号) is 18 digits. Its usual reading (4-digit customs
     * station, 4-digit year, an import/export flag, a 9-digit serial) is not checked: not verified
     * against a primary source.
     */
    static final Pattern CHINA_DECLARATION_NUMBER = Pattern.compile("[0-9]{18}");
    static final int MAX_LINES = 1_000;

    private DeclarationValidation() {
    }

    static Checked<Declaration> validate(NewDeclaration n, Actor actor, PartyDirectory.Lookup parties, DeclarationId id,
                                         Instant now) {
        Fields f = new Fields(now);
        String number = declarationNumber(n.declarationNumber(), f);
        CustomsMode mode = mode(n.customsMode(), f);
        TradeDirection direction = f.oneOf("direction", n.direction(), TradeDirection.class);
        if (mode != null && direction == TradeDirection.IMPORT && mode.exportOnly()) {
            // 9710 and 9810 were created for exports only (GACC 2020 No. 75; regulations notes §1.2)
            f.add("direction", "customs mode " + mode.code() + " is for exports only");
        }
        PartyId merchant = Submitters.inRole(actor, PartyKind.MERCHANT, "merchantId", n.merchantId(), f, parties);
        PartyId marketplace = Submitters.inRole(actor, PartyKind.MARKETPLACE, "marketplaceId", n.marketplaceId(), f, parties);
        String orderNumber = f.reference("orderNumber", n.orderNumber(), 1, 64);
        String[] transport = transportDocument(n, f);
        CurrencyCode currency = f.currency("currency", n.currency());
        Instant declaredAt = f.pastInstant("declaredAt", n.declaredAt());
        List<DeclarationLine> lines = lines(n.lines(), f);
        long declared = f.notNegative("declaredValueMinorUnits", n.declaredValueMinorUnits());
        if (lines != null && n.declaredValueMinorUnits() != null) {
            var sum = Amounts.sum(lines.stream().mapToLong(DeclarationLine::valueMinorUnits).toArray());
            if (sum.isEmpty() || sum.getAsLong() != declared) {
                f.add("declaredValueMinorUnits", declared + " is not the sum of the lines' values"
                        + (sum.isPresent() ? " (" + sum.getAsLong() + ")" : ""));
            }
        }
        if (!f.ok()) {
            return Checked.invalid(f.violations());
        }
        return Checked.valid(new Declaration(id, number, mode, direction, merchant,
                new OrderReference(marketplace, orderNumber), transport[0], transport[1], currency, declared, declaredAt,
                lines, actor.partyId(), now));
    }

    private static String declarationNumber(String text, Fields f) {
        String number = f.text("declarationNumber", text, 18);
        if (number != null && !CHINA_DECLARATION_NUMBER.matcher(number).matches()) {
            f.add("declarationNumber", "China customs declaration numbers have 18 digits");
            return null;
        }
        return number;
    }

    private static CustomsMode mode(String text, Fields f) {
        if (text == null || text.isBlank()) {
            f.add("customsMode", "is required");
            return null;
        }
        Optional<CustomsMode> mode = CustomsMode.ofCode(text.strip());
        if (mode.isEmpty()) {
            f.add("customsMode", "must be one of 9610, 9710, 9810, 1210, 0110");
        }
        return mode.orElse(null);
    }

    /** Carrier and waybill name a transport document together, or not at all. */
    private static String[] transportDocument(NewDeclaration n, Fields f) {
        boolean carrier = n.carrier() != null && !n.carrier().isBlank();
        boolean waybill = n.waybill() != null && !n.waybill().isBlank();
        if (carrier != waybill) {
            f.add(carrier ? "waybill" : "carrier", "carrier and waybill are given together, or neither");
            return new String[2];
        }
        if (!carrier) {
            return new String[2];
        }
        return new String[] {ShipmentValidation.carrier(n.carrier(), f), f.reference("waybill", n.waybill(), 4, 40)};
    }

    private static List<DeclarationLine> lines(List<NewDeclaration.Line> lines, Fields f) {
        if (lines == null || lines.isEmpty()) {
            f.add("lines", "a declaration has at least one line");
            return null;
        }
        if (lines.size() > MAX_LINES) {
            f.add("lines", "at most " + MAX_LINES + " lines");
            return null;
        }
        List<DeclarationLine> valid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            NewDeclaration.Line line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null) {
                f.add("lines[" + i + "]", "is empty");
                continue;
            }
            HsCode hs = OrderValidation.hsCode(at + "hsCode", line.hsCode(), f);
            String description = f.text(at + "description", line.description(), 500);
            long quantity = f.positive(at + "quantity", line.quantity());
            long value = f.notNegative(at + "valueMinorUnits", line.valueMinorUnits());
            if (hs != null && description != null && quantity > 0 && line.valueMinorUnits() != null && value >= 0) {
                valid.add(new DeclarationLine(hs, description, quantity, value));
            }
        }
        return valid.size() == lines.size() ? valid : null;
    }
}
