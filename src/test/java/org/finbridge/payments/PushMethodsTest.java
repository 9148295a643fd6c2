package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.connector.simulated.BuyerSimulation.BuyerReport;
import org.finbridge.payments.internal.BuyerSimulator;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each push method: confirm answers what the buyer must do, the connector's report completes the payment. */
@ApplicationTest
class PushMethodsTest {

    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    BuyerSimulator buyers;

    PaymentFixtures fixtures;
    PartyId merchant;
    Actor actor;

    @BeforeEach
    void setUp() {
        fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        merchant = fixtures.merchant("HK");
        actor = merchantActor(merchant);
    }

    private Payment confirmed(MethodType type, String chain, long amount, String currency) {
        Payment p = done(payments.create(actor, payment(merchant, amount, currency, new PaymentMethod(type, null, chain),
                null, "US")));
        assertThat(p.state()).isEqualTo(PaymentState.REQUIRES_ACTION);
        assertThat(p.nextAction()).isNotNull();
        return p;
    }

    private Payment paid(Payment p) {
        Payment settled = done(buyers.report(p.id(), new BuyerReport(true, null, null)));
        assertThat(settled.state()).isEqualTo(PaymentState.CAPTURED);
        assertThat(settled.captured()).isEqualTo(settled.processed().minorUnits());
        return settled;
    }

    @Test
    void walletsAnswerAQrCodeOrARedirectAndCompleteWhenTheWalletReports() {
        assertThat(confirmed(MethodType.WECHAT_PAY, null, 8_800, "CNY").nextAction()).isInstanceOf(NextAction.QrCode.class);
        Payment paypal = confirmed(MethodType.PAYPAL, null, 2_500, "USD");
        assertThat(paypal.nextAction()).isInstanceOf(NextAction.Redirect.class);
        paid(paypal);
        assertThat(fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "USD").creditsPosted()).isEqualTo(2_500);
    }

    @Test
    void aBankTransferCompletesWhenTheExactAmountIsReportedToItsVirtualAccount() {
        Payment p = confirmed(MethodType.BANK_TRANSFER, null, 120_000, "EUR");
        var instructions = (NextAction.BankTransferInstructions) p.nextAction();
        assertThat(instructions.accountNumber()).matches("[0-9]{16}");
        Payment short_ = done(buyers.report(p.id(), new BuyerReport(true, 100_000L, null)));
        assertThat(short_.state()).isEqualTo(PaymentState.PROCESSING);
        paid(p);
    }

    @Test
    void localPushMethodsSettleInTheirOwnCurrency() {
        paid(confirmed(MethodType.PIX, null, 5_000, "BRL"));
        paid(confirmed(MethodType.UPI, null, 50_000, "INR"));
        paid(confirmed(MethodType.IDEAL, null, 1_999, "EUR"));
        assertThat(payments.create(actor, payment(merchant, 5_000, "EUR", PaymentMethod.of(MethodType.PIX), null, "BR")))
                .isInstanceOf(PaymentResult.NoConnector.class);
    }

    @Test
    void eCnyIsHeldAsCnyAndRefusedAboveTheWalletLimit() {
        Payment p = paid(confirmed(MethodType.ECNY, null, 150_000, "CNY"));
        assertThat(p.processed().currency().code()).isEqualTo("CNY");
        assertThat(payments.create(actor, payment(merchant, 200_001, "CNY", PaymentMethod.of(MethodType.ECNY), null, "CN")))
                .isInstanceOf(PaymentResult.NoConnector.class);
    }

    @Test
    void usdcIsFinalAfterTheChainsConfirmationsAndSettlesInUsd() {
        Payment p = confirmed(MethodType.USDC, "ETHEREUM", 10_000, "USD");
        var transfer = (NextAction.CryptoTransfer) p.nextAction();
        assertThat(transfer.amountBaseUnits()).isEqualTo("100000000");
        assertThat(transfer.confirmationsRequired()).isEqualTo(12);
        assertThat(done(buyers.report(p.id(), new BuyerReport(true, null, 3))).state()).isEqualTo(PaymentState.PROCESSING);
        Payment settled = done(buyers.report(p.id(), new BuyerReport(true, null, 12)));
        assertThat(settled.state()).isEqualTo(PaymentState.CAPTURED);
        assertThat(settled.processed().currency().code()).isEqualTo("USD");
        assertThat(ledger.accountsOf(merchant.toString())).allMatch(a -> a.currency().code().equals("USD"));
        // the connector reports again (at-least-once): nothing changes
        assertThat(done(buyers.report(p.id(), new BuyerReport(true, null, 13))).captured()).isEqualTo(10_000);
    }

    @Test
    void anAbandonedPushPaymentFails() {
        Payment p = confirmed(MethodType.ALIPAY_PLUS, null, 3_000, "HKD");
        assertThat(done(buyers.report(p.id(), new BuyerReport(false, null, null))).state()).isEqualTo(PaymentState.FAILED);
    }
}
