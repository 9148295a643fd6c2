package org.finbridge.payments.connector.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.finbridge.money.CurrencyCode;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.FeeSchedule;
import org.finbridge.payments.connector.Region;

/**
 * What the platform has agreed with each acquirer or PSP reached over HTTP: methods, currencies,
 * limits and the fee schedule. Routing prices candidates by these terms, and the test-mode simulators
 * charge by the same terms, as a real acquirer invoices by its contract.
 */
public final class AcquirerContracts {

    /** A card acquirer: cheapest for domestic cards. */
    public static final String ACME = "acme-acquiring";
    /** A wallet PSP that also takes cards: dearer for cards, the wallets' route. */
    public static final String ORBIT = "orbit-pay";
    /** A regional provider of local payment methods (Pix, UPI, iDEAL) and bank transfers. */
    public static final String ANDES = "andes-local";

    private AcquirerContracts() {
    }

    public static List<ConnectorProfile> all() {
        return List.of(acme(), orbit(), andes());
    }

    public static ConnectorProfile acme() {
        return new ConnectorProfile(ACME,
                offers(MethodType.CARD, 999_999, "USD", "EUR", "GBP", "BRL", "INR", "HKD", "SGD", "JPY", "AUD", "CAD", "CHF"),
                "captured funds are final; settled T+1 in the transaction currency",
                new FeeSchedule(List.of(
                        new FeeSchedule.Rule(MethodType.CARD, Region.DOMESTIC, 120, Map.of("USD", 20L, "EUR", 20L, "GBP", 15L)),
                        new FeeSchedule.Rule(MethodType.CARD, Region.CROSS_BORDER, 250, Map.of("USD", 25L, "EUR", 25L, "GBP", 20L)))));
    }

    public static ConnectorProfile orbit() {
        List<ConnectorProfile.Offer> offers = new ArrayList<>();
        offers.addAll(offers(MethodType.CARD, 999_999, "USD", "EUR", "GBP", "HKD", "SGD", "CNY"));
        offers.addAll(offers(MethodType.ALIPAY_PLUS, 50_000, "CNY", "USD", "EUR", "HKD", "SGD"));
        offers.addAll(offers(MethodType.WECHAT_PAY, 50_000, "CNY", "USD", "EUR", "HKD"));
        offers.addAll(offers(MethodType.PAYPAL, 10_000, "USD", "EUR", "GBP"));
        return new ConnectorProfile(ORBIT, offers, "final when captured (cards) or when the wallet reports the payment",
                new FeeSchedule(List.of(
                        new FeeSchedule.Rule(MethodType.CARD, Region.DOMESTIC, 160, Map.of("USD", 10L, "EUR", 10L, "GBP", 10L)),
                        new FeeSchedule.Rule(MethodType.CARD, Region.CROSS_BORDER, 270, Map.of("USD", 20L, "EUR", 20L, "GBP", 20L)),
                        new FeeSchedule.Rule(null, Region.DOMESTIC, 200, Map.of()),
                        new FeeSchedule.Rule(null, Region.CROSS_BORDER, 280, Map.of()))));
    }

    public static ConnectorProfile andes() {
        List<ConnectorProfile.Offer> offers = new ArrayList<>();
        offers.addAll(offers(MethodType.PIX, 100_000, "BRL"));
        offers.addAll(offers(MethodType.UPI, 100_000, "INR"));
        offers.addAll(offers(MethodType.IDEAL, 50_000, "EUR"));
        offers.addAll(offers(MethodType.BANK_TRANSFER, 1_000_000, "USD", "EUR", "GBP", "BRL"));
        return new ConnectorProfile(ANDES, offers, "final when the scheme or bank reports the credit",
                new FeeSchedule(List.of(
                        new FeeSchedule.Rule(MethodType.PIX, null, 80, Map.of()),
                        new FeeSchedule.Rule(MethodType.UPI, null, 30, Map.of()),
                        new FeeSchedule.Rule(MethodType.IDEAL, null, 0, Map.of("EUR", 25L)),
                        new FeeSchedule.Rule(MethodType.BANK_TRANSFER, null, 25, Map.of("USD", 40L, "EUR", 40L, "GBP", 40L)))));
    }

    /** One offer per currency, settled in the same currency, from 0.50 to {@code maxMajor} major units. */
    private static List<ConnectorProfile.Offer> offers(MethodType method, long maxMajor, String... currencies) {
        return Arrays.stream(currencies).map(CurrencyCode::of).map(c -> new ConnectorProfile.Offer(method, c.code(), c,
                Math.max(1, c.minorUnitsPerMajor() / 2), maxMajor * c.minorUnitsPerMajor())).toList();
    }
}
