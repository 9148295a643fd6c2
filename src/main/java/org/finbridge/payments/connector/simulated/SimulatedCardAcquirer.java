package org.finbridge.payments.connector.simulated;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.money.Money;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.FeeSchedule;
import org.finbridge.payments.connector.Region;
import org.springframework.stereotype.Component;

/**
 * A card acquirer. Its behaviour follows the test card it is given (Stripe's test numbers, recognised
 * by BIN and last four since the card number itself is never kept):
 *
 * <table>
 *   <tr><th>card</th><th>answer</th></tr>
 *   <tr><td>4242 4242 4242 4242, 5555 5555 5555 4444, any other</td><td>approved</td></tr>
 *   <tr><td>4000 0000 0000 0002</td><td>declined DO_NOT_HONOUR (soft)</td></tr>
 *   <tr><td>4000 0000 0000 9995</td><td>declined INSUFFICIENT_FUNDS (soft)</td></tr>
 *   <tr><td>4000 0000 0000 9987 / 9979</td><td>declined LOST_CARD / STOLEN_CARD (hard)</td></tr>
 *   <tr><td>4000 0000 0000 0069</td><td>declined EXPIRED_CARD (hard)</td></tr>
 *   <tr><td>4100 0000 0000 0019</td><td>declined SUSPECTED_FRAUD (hard)</td></tr>
 *   <tr><td>4000 0000 0000 0119</td><td>declined PROCESSING_ERROR (soft)</td></tr>
 *   <tr><td>4000 0000 0000 0408</td><td>times out once, then answers approved to the same key</td></tr>
 *   <tr><td>4000 0000 0000 3220</td><td>approved after a 3-D Secure 2 challenge (see the 3DS simulation)</td></tr>
 * </table>
 *
 * Fees: 1.5 % + 0.25 domestic, 2.9 % + 0.30 cross-border (in USD, EUR, GBP; percentage only elsewhere).
 */
@Component
public class SimulatedCardAcquirer extends SimulatedConnector {

    public static final String NAME = "sim-card-acquirer";

    private static final Map<String, DeclineCode> DECLINES = Map.of(
            "400000:0002", DeclineCode.DO_NOT_HONOUR,
            "400000:9995", DeclineCode.INSUFFICIENT_FUNDS,
            "400000:9987", DeclineCode.LOST_CARD,
            "400000:9979", DeclineCode.STOLEN_CARD,
            "400000:0069", DeclineCode.EXPIRED_CARD,
            "410000:0019", DeclineCode.SUSPECTED_FRAUD,
            "400000:0119", DeclineCode.PROCESSING_ERROR);
    private static final String TIMES_OUT_ONCE = "400000:0408";

    private static final Map<String, Long> FIXED = Map.of("USD", 30L, "EUR", 25L, "GBP", 20L);
    private static final ConnectorProfile PROFILE = new ConnectorProfile(NAME,
            offers(MethodType.CARD, 999_999, "USD", "EUR", "GBP", "CNY", "HKD", "JPY", "SGD", "AUD", "CAD", "CHF",
                    "BRL", "INR", "KRW", "MXN", "AED", "KWD"),
            "captured funds are final; settled T+1",
            new FeeSchedule(List.of(
                    new FeeSchedule.Rule(MethodType.CARD, Region.DOMESTIC, 150, Map.of("USD", 25L, "EUR", 25L, "GBP", 20L)),
                    new FeeSchedule.Rule(MethodType.CARD, Region.CROSS_BORDER, 290, FIXED))));

    private final Set<String> timedOutOnce = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorProfile profile() {
        return PROFILE;
    }

    /** The test card that times out answers nothing the first time; the retry with the same key learns the outcome. */
    @Override
    public ConnectorOutcome authorize(ConnectorRequest.Authorize r) {
        PaymentMethod.Card card = r.method().card();
        if (card != null && TIMES_OUT_ONCE.equals(card.bin() + ":" + card.last4()) && timedOutOnce.add(r.idempotencyKey())) {
            return new ConnectorOutcome.TimedOut("no answer from the issuer within the timeout");
        }
        return super.authorize(r);
    }

    /** What the issuer of a test card answers (by BIN and last four), if it declines; also used by the HTTP simulators. */
    public static java.util.Optional<DeclineCode> testCardDecline(String bin, String last4) {
        return java.util.Optional.ofNullable(DECLINES.get(bin + ":" + last4));
    }

    /** Whether the test card's first answer is lost in transit (the acquirer processed it; the caller timed out). */
    public static boolean testCardTimesOutOnce(String bin, String last4) {
        return TIMES_OUT_ONCE.equals(bin + ":" + last4);
    }

    @Override
    ConnectorOutcome decideAuthorization(ConnectorRequest.Authorize r, String reference, Money processed) {
        PaymentMethod.Card card = r.method().card();
        DeclineCode decline = DECLINES.get(card.bin() + ":" + card.last4());
        if (decline != null) {
            return new ConnectorOutcome.Declined(decline, "issuer declined (" + decline.isoCode() + ")");
        }
        opened(reference, processed, r.capture() ? processed.minorUnits() : 0);
        return new ConnectorOutcome.Approved(reference, processed);
    }
}
