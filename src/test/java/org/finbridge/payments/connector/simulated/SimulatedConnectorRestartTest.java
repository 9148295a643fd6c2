package org.finbridge.payments.connector.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import org.finbridge.money.Money;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.Region;
import org.junit.jupiter.api.Test;

/**
 * The simulated acquirer's book lives in the platform's process; the acquirer it stands for does not. After the
 * process restarts (a new instance, an empty book) the authorizations it gave before are still captured and
 * refunded, as a real acquirer would, while its own checks still hold for what it knows and a reference that is
 * not its own is still refused.
 */
class SimulatedConnectorRestartTest {

    private static final PaymentMethod.Card CARD = new PaymentMethod.Card("tok_test", "424242", "4242", 12, 2099,
            org.finbridge.payments.CardNetwork.VISA);

    @Test
    void authorizationsGivenBeforeARestartAreCapturedAndRefundedAfterIt() {
        SimulatedCardAcquirer before = new SimulatedCardAcquirer();
        ConnectorOutcome authorized = before.authorize(new ConnectorRequest.Authorize("pay_1:1:AUTHORIZE", "pay_1",
                Money.ofMinor(10_000, "EUR"), new PaymentMethod(org.finbridge.payments.MethodType.CARD, CARD, null), false,
                Region.DOMESTIC));
        String reference = ((ConnectorOutcome.Approved) authorized).reference();

        SimulatedCardAcquirer after = new SimulatedCardAcquirer(); // the process restarted: an empty book
        assertThat(after.capture(new ConnectorRequest.Capture("pay_1:2:CAPTURE", reference, Money.ofMinor(10_000, "EUR"), true)))
                .isInstanceOf(ConnectorOutcome.Approved.class);
        assertThat(after.refund(new ConnectorRequest.Refund("pay_1:3:REFUND", reference, Money.ofMinor(4_000, "EUR"))))
                .isInstanceOf(ConnectorOutcome.Approved.class);
        // what it knows again, it checks again
        assertThat(after.capture(new ConnectorRequest.Capture("pay_1:4:CAPTURE", reference, Money.ofMinor(1, "EUR"), false)))
                .isInstanceOfSatisfying(ConnectorOutcome.Declined.class,
                        d -> assertThat(d.code()).isEqualTo(DeclineCode.TRANSACTION_NOT_PERMITTED));
        assertThat(after.refund(new ConnectorRequest.Refund("pay_1:5:REFUND", reference, Money.ofMinor(6_001, "EUR"))))
                .isInstanceOf(ConnectorOutcome.Declined.class);
        // a reference that is not this acquirer's is refused
        assertThat(after.capture(new ConnectorRequest.Capture("pay_2:2:CAPTURE", "otheracquirer_0123456789abcdef01234567",
                Money.ofMinor(100, "EUR"), true))).isInstanceOf(ConnectorOutcome.Declined.class);
    }
}
