package org.finbridge.payments.connector.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.FeeSchedule;
import org.finbridge.payments.connector.Region;
import org.springframework.stereotype.Component;

/**
 * E-wallets in the Alipay+ / WeChat Pay / PayPal style: WeChat Pay and Alipay+ answer a QR code for the
 * buyer's app, PayPal a redirect to its checkout page; the wallet reports the payment asynchronously.
 * Fees: 1.8 % domestic, 3.0 % cross-border, plus 0.30 USD / 0.35 EUR for PayPal.
 */
@Component
public class SimulatedWallets extends SimulatedPushConnector {

    public static final String NAME = "sim-wallets";

    private static final ConnectorProfile PROFILE;

    static {
        List<ConnectorProfile.Offer> offers = new ArrayList<>();
        offers.addAll(offers(MethodType.ALIPAY_PLUS, 50_000, "CNY", "USD", "EUR", "HKD", "SGD", "GBP"));
        offers.addAll(offers(MethodType.WECHAT_PAY, 50_000, "CNY", "USD", "EUR", "HKD"));
        offers.addAll(offers(MethodType.PAYPAL, 10_000, "USD", "EUR", "GBP", "AUD", "CAD"));
        PROFILE = new ConnectorProfile(NAME, offers, "final when the wallet reports the payment",
                new FeeSchedule(List.of(
                        new FeeSchedule.Rule(MethodType.PAYPAL, null, 349, Map.of("USD", 49L, "EUR", 35L)),
                        new FeeSchedule.Rule(null, Region.DOMESTIC, 180, Map.of()),
                        new FeeSchedule.Rule(null, Region.CROSS_BORDER, 300, Map.of()))));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorProfile profile() {
        return PROFILE;
    }

    @Override
    NextAction nextAction(ConnectorRequest.Authorize r, String reference) {
        return switch (r.method().type()) {
            case PAYPAL -> new NextAction.Redirect("/simulated/paypal/checkout/" + reference);
            case WECHAT_PAY -> new NextAction.QrCode("weixin://wxpay/bizpayurl?pr=" + reference);
            default -> new NextAction.QrCode("ALIPAYPLUS:" + reference + ":" + r.amount().minorUnits() + ":" + r.amount().currency());
        };
    }
}
