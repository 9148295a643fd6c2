package org.finbridge.payments.connector.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.FeeSchedule;
import org.springframework.stereotype.Component;

/**
 * Local instant push schemes, each in its own currency: Pix (BRL, a copia-e-cola QR payload), UPI (INR,
 * an upi:// intent), iDEAL (EUR, a redirect to the buyer's bank). The scheme confirms asynchronously.
 * Fees: Pix 0.99 %, UPI 0 % (the zero merchant discount rate India mandates for UPI), iDEAL 0.29 EUR.
 */
@Component
public class SimulatedLocalPush extends SimulatedPushConnector {

    public static final String NAME = "sim-local-push";

    private static final ConnectorProfile PROFILE;

    static {
        List<ConnectorProfile.Offer> offers = new ArrayList<>();
        offers.addAll(offers(MethodType.PIX, 100_000, "BRL"));
        offers.addAll(offers(MethodType.UPI, 100_000, "INR"));
        offers.addAll(offers(MethodType.IDEAL, 50_000, "EUR"));
        PROFILE = new ConnectorProfile(NAME, offers, "final when the scheme confirms the credit transfer",
                new FeeSchedule(List.of(
                        new FeeSchedule.Rule(MethodType.PIX, null, 99, Map.of()),
                        new FeeSchedule.Rule(MethodType.UPI, null, 0, Map.of()),
                        new FeeSchedule.Rule(MethodType.IDEAL, null, 0, Map.of("EUR", 29L)))));
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
        String amount = r.amount().toMajor().toPlainString();
        return switch (r.method().type()) {
            case PIX -> new NextAction.QrCode("00020126580014br.gov.bcb.pix0136" + reference + "5204000053039865406" + amount);
            case UPI -> new NextAction.QrCode("upi://pay?pa=finbridge@sim&pn=Finbridge&am=" + amount + "&cu=INR&tr=" + reference);
            default -> new NextAction.Redirect("/simulated/ideal/bank-selection/" + reference);
        };
    }
}
