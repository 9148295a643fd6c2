package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.Fx;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.connector.simulated.SimulatedCardAcquirer;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Buyer pays in local currency, merchant receives its settlement currency at a rate locked at
 * checkout": a buyer paying in EUR, a merchant settling in CNY. The invariant sweep runs after each test.
 */
@ApplicationTest
class CheckoutFxTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final CurrencyCode CNY = CurrencyCode.of("CNY");

    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    ReferenceRates rates;
    @Autowired
    Fx fx;
    @Autowired
    MutableClock clock;

    PaymentFixtures fixtures;
    PartyId merchant;
    Actor actor;

    @BeforeEach
    void setUp() {
        FxTestRates.publishToday(rates, clock);
        fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        merchant = fixtures.merchant("SG");
        actor = PaymentFixtures.merchantActor(merchant);
    }

    private Payment authorizeEurSettledInCny(long amount) {
        NewPayment n = PaymentFixtures.payment(merchant, amount, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE").settledIn(CNY);
        Payment p = done(payments.create(actor, n));
        assertThat(p.state()).isEqualTo(PaymentState.AUTHORIZED);
        return p;
    }

    @Test
    void aEuroBuyerPaysACnyMerchantWhoIsCreditedInCnyAtTheRateLockedAtCheckout() {
        Payment p = authorizeEurSettledInCny(10_000);

        // the hold is in the buyer's currency, against the acquirer's EUR clearing account
        assertThat(clearing(EUR).debitsPending()).isGreaterThanOrEqualTo(10_000);
        assertThat(merchantPending(EUR).creditsPending()).isEqualTo(10_000);
        assertThat(p.settlement()).isNotNull();
        assertThat(p.settlement().settled()).isEqualTo(new org.finbridge.money.Money(0, CNY));
        Quote quote = fx.find(QuoteId.parse(p.settlement().quoteId())).orElseThrow();
        assertThat(quote.owner()).isEqualTo(merchant);
        assertThat(quote.midRate()).isEqualByComparingTo(FxTestRates.cross("EUR", "CNY").setScale(20, RoundingMode.HALF_EVEN));
        assertThat(p.settlement().rate()).isEqualByComparingTo(quote.clientRate()).isLessThan(quote.midRate());
        assertThat(p.settlement().rateGuaranteedUntil()).isAfterOrEqualTo(p.authorizationExpiresAt());

        // three days on, long after the quote's own lock ran out, the capture still converts at the checkout rate
        clock.advance(Duration.ofDays(3));
        FxTestRates.publishToday(rates, clock);
        // the platform's FX accounts are shared with every other payment: compare what this capture moved
        long revenueBefore = balance(revenue(CNY));
        long liquidityEurBefore = balance(liquidity(EUR));
        long liquidityCnyBefore = balance(liquidity(CNY));
        long clearingBefore = balance(clearing(EUR));
        Payment captured = done(payments.capture(actor, p.id(), null, false));
        assertThat(captured.state()).isEqualTo(PaymentState.CAPTURED);

        long net = 10_000 - captured.feesAcquirer() - captured.feesPlatform() - captured.reserved();
        long expectedCny = BigDecimal.valueOf(net).multiply(quote.clientRate()).setScale(0, RoundingMode.FLOOR).longValueExact();
        long midValue = BigDecimal.valueOf(net).multiply(quote.midRate()).setScale(0, RoundingMode.FLOOR).longValueExact();
        assertThat(expectedCny).isPositive().isLessThan(midValue);

        // the merchant's balance is in CNY, at the locked rate; the spread is the platform's FX revenue
        assertThat(merchantPending(CNY).postedCreditBalance().minorUnits()).isEqualTo(expectedCny);
        assertThat(merchantPending(EUR).postedCreditBalance().minorUnits()).isZero();
        assertThat(balance(revenue(CNY)) - revenueBefore).isEqualTo(midValue - expectedCny);
        assertThat(captured.settlement().settled().minorUnits()).isEqualTo(expectedCny);
        assertThat(captured.settlement().spread().minorUnits()).isEqualTo(midValue - expectedCny);

        // legs balance per currency: FX liquidity took the net in EUR and paid out its mid value in CNY
        assertThat(balance(liquidity(EUR)) - liquidityEurBefore).isEqualTo(net);
        assertThat(balance(liquidity(CNY)) - liquidityCnyBefore).isEqualTo(-midValue);
        // fees and the reserve stay in EUR, where the acquirer settles and chargebacks arrive
        assertThat(clearingBefore - balance(clearing(EUR))).isEqualTo(10_000 - captured.feesAcquirer());
    }

    @Test
    void aRefundConvertsBackAtTheLockedRateTheMerchantPayingTheRounding() {
        Payment p = authorizeEurSettledInCny(5_000);
        Payment captured = done(payments.capture(actor, p.id(), null, false));
        long before = merchantPending(CNY).postedCreditBalance().minorUnits();

        Payment refunded = done(payments.refund(actor, captured.id(), 1_001L, "returned"));

        long cost = BigDecimal.valueOf(1_001).multiply(captured.settlement().rate()).setScale(0, RoundingMode.CEILING).longValueExact();
        assertThat(merchantPending(CNY).postedCreditBalance().minorUnits()).isEqualTo(before - cost);
        assertThat(merchantPending(EUR).postedCreditBalance().minorUnits()).isZero();
        assertThat(refunded.settlement().settled().minorUnits()).isEqualTo(before - cost);
        assertThat(refunded.refunded()).isEqualTo(1_001);
    }

    @Test
    void partialCapturesEachConvertAtTheSameLockedRate() {
        Payment p = authorizeEurSettledInCny(8_000);
        done(payments.capture(actor, p.id(), 3_000L, false));
        clock.advance(Duration.ofDays(6));
        Payment last = done(payments.capture(actor, p.id(), 5_000L, false));
        assertThat(last.captured()).isEqualTo(8_000);
        assertThat(last.settlement().settled().minorUnits()).isEqualTo(merchantPending(CNY).postedCreditBalance().minorUnits())
                .isPositive();
        assertThat(merchantPending(EUR).postedCreditBalance().minorUnits()).isZero();
    }

    @Test
    void aPaymentInTheMerchantsOwnCurrencyConvertsNothing() {
        NewPayment n = PaymentFixtures.payment(merchant, 2_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.AUTOMATIC, "DE").settledIn(EUR);
        Payment p = done(payments.create(actor, n));
        assertThat(p.settlement()).isNull();
        assertThat(merchantPending(CNY)).isNull();
    }

    @Test
    void aSettlementCurrencyFxDoesNotQuoteIsRefusedBeforeAnythingMoves() {
        NewPayment n = PaymentFixtures.payment(merchant, 2_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.MANUAL, "DE").settledIn(CurrencyCode.of("AED"));
        PaymentResult r = payments.create(actor, n);
        assertThat(r).isInstanceOf(PaymentResult.InvalidField.class);
        assertThat(((PaymentResult.InvalidField) r).field()).isEqualTo("settlementCurrency");
    }

    /** Posted credits less posted debits (0 for an account not opened yet). */
    private static long balance(Account a) {
        return a == null ? 0 : a.creditsPosted() - a.debitsPosted();
    }

    private Account merchantPending(CurrencyCode c) {
        return fixtures.merchantAccount(merchant, "MERCHANT_PENDING", c.code());
    }

    private Account clearing(CurrencyCode c) {
        return fixtures.account("platform:CONNECTOR_CLEARING:" + SimulatedCardAcquirer.NAME + ":" + c);
    }

    private Account liquidity(CurrencyCode c) {
        return ledger.account(FxAccounts.liquidity(c).id()).orElse(null);
    }

    private Account revenue(CurrencyCode c) {
        return ledger.account(FxAccounts.revenue(c).id()).orElse(null);
    }
}
