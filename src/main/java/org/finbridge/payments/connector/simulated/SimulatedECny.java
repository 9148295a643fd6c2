package org.finbridge.payments.connector.simulated;

import java.util.List;
import java.util.Map;
import org.finbridge.money.CurrencyCode;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.FeeSchedule;
import org.springframework.stereotype.Component;

/**
 * e-CNY (digital renminbi) wallet payments through an authorised operator. e-CNY is legal tender: the
 * merchant receives CNY, never a token to hold, and the payment is final when the operator confirms it.
 * Limit: CNY 2,000 per payment, the ceiling of the anonymous (class IV) wallets buyers abroad hold;
 * no merchant fee, as the operators waive it.
 */
@Component
public class SimulatedECny extends SimulatedPushConnector {

    public static final String NAME = "sim-ecny";

    private static final ConnectorProfile PROFILE = new ConnectorProfile(NAME,
            List.of(new ConnectorProfile.Offer(MethodType.ECNY, "CNY", CurrencyCode.of("CNY"), 1, 200_000)),
            "final when the wallet operator confirms",
            new FeeSchedule(List.of(new FeeSchedule.Rule(MethodType.ECNY, null, 0, Map.of()))));

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
        return new NextAction.QrCode("ECNY:PAY:" + reference + ":" + r.amount().minorUnits());
    }
}
