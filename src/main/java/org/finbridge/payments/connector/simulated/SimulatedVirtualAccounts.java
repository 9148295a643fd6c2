package org.finbridge.payments.connector.simulated;

import java.util.List;
import java.util.Map;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.FeeSchedule;
import org.springframework.stereotype.Component;

/**
 * Bank transfer to a virtual account opened for each payment (collection accounts as cross-border
 * receiving banks offer them): the buyer transfers the exact amount, the bank reports the credit. A
 * transfer of another amount is held for reconciliation instead of completing the payment.
 * Fees: 0.2 % plus a fixed 0.50 (USD, EUR, GBP) or 2.00 CNY/HKD.
 */
@Component
public class SimulatedVirtualAccounts extends SimulatedPushConnector {

    public static final String NAME = "sim-virtual-accounts";

    private static final ConnectorProfile PROFILE = new ConnectorProfile(NAME,
            offers(MethodType.BANK_TRANSFER, 5_000_000, "USD", "EUR", "GBP", "CNY", "HKD", "SGD"),
            "final when the receiving bank reports the credit",
            new FeeSchedule(List.of(new FeeSchedule.Rule(MethodType.BANK_TRANSFER, null, 20,
                    Map.of("USD", 50L, "EUR", 50L, "GBP", 50L, "CNY", 200L, "HKD", 200L)))));

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
        // a virtual account number per payment, derived from the payment's reference: 16 digits
        String digits = new java.math.BigInteger(hex(reference).substring(0, 15), 16).toString();
        String number = "62" + (digits + "00000000000000").substring(0, 14);
        return new NextAction.BankTransferInstructions(number, "Finbridge Simulated Receiving Bank", r.paymentRef());
    }
}
