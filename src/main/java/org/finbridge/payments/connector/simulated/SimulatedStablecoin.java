package org.finbridge.payments.connector.simulated;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.finbridge.money.CurrencyCode;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.connector.ConnectorEvent;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.FeeSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * USDC, a fiat-backed stablecoin, paid to a platform address on a chain. The payment is priced and
 * settled in USD (one USDC redeems for one US dollar at its issuer): the merchant's books hold USD,
 * never the token, so no speculative asset sits with the merchant. Final after N confirmations, N per
 * chain ({@code finbridge.payments.stablecoin.confirmations.<CHAIN>}; defaults ETHEREUM 12, POLYGON 128,
 * SOLANA 32, BASE 12). Limits USD 1 to 50,000; fee 1 %.
 */
@Component
public class SimulatedStablecoin extends SimulatedPushConnector {

    public static final String NAME = "sim-stablecoin";
    /** USDC counts in millionths of a dollar. */
    static final int TOKEN_DECIMALS = 6;

    private static final ConnectorProfile PROFILE = new ConnectorProfile(NAME,
            List.of(new ConnectorProfile.Offer(MethodType.USDC, "USD", CurrencyCode.of("USD"), 100, 5_000_000)),
            "final after N confirmations, N per chain",
            new FeeSchedule(List.of(new FeeSchedule.Rule(MethodType.USDC, null, 100, Map.of()))));

    private final Map<String, Integer> confirmations;

    public SimulatedStablecoin(@Value("#{${finbridge.payments.stablecoin.confirmations:{ETHEREUM:12,POLYGON:128,SOLANA:32,BASE:12}}}")
                               Map<String, Integer> confirmations) {
        this.confirmations = Map.copyOf(confirmations);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorProfile profile() {
        return PROFILE;
    }

    public boolean supportsChain(String chain) {
        return confirmations.containsKey(chain);
    }

    public int confirmationsRequired(String chain) {
        return confirmations.getOrDefault(chain, Integer.MAX_VALUE);
    }

    @Override
    org.finbridge.payments.connector.ConnectorOutcome decideAuthorization(ConnectorRequest.Authorize r, String reference,
                                                                          org.finbridge.money.Money processed) {
        if (!supportsChain(r.method().chain())) {
            return new org.finbridge.payments.connector.ConnectorOutcome.Declined(
                    org.finbridge.payments.connector.DeclineCode.TRANSACTION_NOT_PERMITTED, "chain not supported: " + r.method().chain());
        }
        return super.decideAuthorization(r, reference, processed);
    }

    @Override
    NextAction nextAction(ConnectorRequest.Authorize r, String reference) {
        String chain = r.method().chain();
        String address = "0x" + hex("deposit:" + reference).substring(0, 40);
        BigInteger units = BigInteger.valueOf(r.amount().minorUnits())
                .multiply(BigInteger.TEN.pow(TOKEN_DECIMALS - r.amount().currency().exponent()));
        return new NextAction.CryptoTransfer(chain, "USDC", address, units.toString(), confirmationsRequired(chain));
    }

    @Override
    ConnectorEvent finality(String reference, Awaited a, BuyerReport report) {
        int required = confirmationsRequired(a.request().method().chain());
        int seen = report.confirmations() == null ? required : report.confirmations();
        if (seen < required) {
            return new ConnectorEvent.Processing(name(), reference, seen + " of " + required + " confirmations");
        }
        return super.finality(reference, a, report);
    }
}
