package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.time.Clock;
import java.time.LocalDate;
import org.finbridge.ledger.Account;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementResult;
import org.finbridge.settlement.SettlementRun;

/** A German seller on TARGET2 terms that settlement tests capture card payments for and read balances of. */
final class SettlingSeller {

    static final BusinessCalendars.Calendar TARGET2 = BusinessCalendars.of("TARGET2");

    final PaymentFixtures fixtures;
    final PartyId merchant;
    final Actor actor;
    final Actor operator;
    private final Settlement settlement;
    private final Payments payments;
    private final Clock clock;

    SettlingSeller(PaymentFixtures fixtures, Settlement settlement, Payments payments, Clock clock) {
        this.fixtures = fixtures;
        this.settlement = settlement;
        this.payments = payments;
        this.clock = clock;
        this.merchant = fixtures.merchant("DE");
        this.actor = merchantActor(merchant);
        this.operator = PaymentFixtures.operatorActor(fixtures.operatorParty());
    }

    void policy(SettlementPolicy p) {
        assertThat(settlement.setPolicy(operator, merchant, p)).isInstanceOf(SettlementResult.PolicySet.class);
    }

    Payment captured(long amount) {
        return done(payments.create(actor, payment(merchant, amount, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                CaptureMethod.AUTOMATIC, "DE")));
    }

    long balance(String type) {
        Account a = fixtures.merchantAccount(merchant, type, "EUR");
        return a == null ? 0 : a.postedCreditBalance().minorUnits();
    }

    /**
     * A run of today's date once the clock has moved on, or of the day after {@code previous} when today is not later:
     * two business days ahead can be as few calendar days away as the clock moved, and a run of the same date is that
     * run again.
     */
    SettlementRun runAfter(SettlementRun previous) {
        LocalDate today = today();
        return settlement.run(today.isAfter(previous.businessDate()) ? today : previous.businessDate().plusDays(1), "test");
    }

    LocalDate today() {
        return clock.instant().atZone(TARGET2.zone()).toLocalDate();
    }

    /** What the payment left in the merchant's pending account. */
    static long net(Payment p) {
        return p.captured() - p.feesAcquirer() - p.feesPlatform() - p.reserved() - p.refunded();
    }
}
