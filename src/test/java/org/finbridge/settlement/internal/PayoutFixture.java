package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.time.Duration;
import java.util.Map;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.support.MutableClock;

/**
 * Where a payout test starts: a merchant of its own with a verified euro account in its legal name and a settled
 * euro balance (three card payments of 200.00, released by a T+0 run on TARGET2 days later).
 */
final class PayoutFixture {

    /** The merchant, acting for itself, and the id of its verified account. */
    record SettledMerchant(PartyId id, Actor actor, String legalName, String bankAccount) {
    }

    private final Parties parties;
    private final BankAccounts bankAccounts;
    private final Settlement settlement;
    private final Payments payments;
    private final MutableClock clock;
    private final PaymentFixtures fixtures;

    PayoutFixture(Parties parties, Ledger ledger, CardTokenizer tokenizer, BankAccounts bankAccounts, Settlement settlement,
                  Payments payments, MutableClock clock) {
        this.parties = parties;
        this.bankAccounts = bankAccounts;
        this.settlement = settlement;
        this.payments = payments;
        this.clock = clock;
        this.fixtures = new PaymentFixtures(parties, ledger, tokenizer);
    }

    PaymentFixtures payments() {
        return fixtures;
    }

    /** Registers the merchant, verifies its account and settles its captures; {@code operator} sets its policy. */
    SettledMerchant settledMerchant(String legalName, String email, Actor operator) {
        clock.advance(Duration.ofDays(40));
        Registration r = parties.register(new NewParty(PartyKind.MERCHANT, "DE", legalName, null, email, null, Map.of()));
        PartyId merchant = ((Registration.Registered) r).party().id();
        Actor actor = merchantActor(merchant);
        BankAccountResult added = bankAccounts.add(merchant, new NewBankAccount("EUR", "DE", "DE89370400440532013000",
                null, "COBADEFFXXX", null, legalName), "test");
        assertThat(added).isInstanceOf(BankAccountResult.Saved.class);
        assertThat(((BankAccountResult.Saved) added).account().status().name()).isEqualTo("VERIFIED");
        String bankAccount = ((BankAccountResult.Saved) added).account().id();
        settlement.setPolicy(operator, merchant, new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 0));
        for (int i = 0; i < 3; i++) {
            done(payments.create(actor, payment(merchant, 20_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                    CaptureMethod.AUTOMATIC, "DE")));
        }
        clock.advance(Duration.ofDays(4));
        settlement.run(clock.instant().atZone(BusinessCalendars.of("TARGET2").zone()).toLocalDate(), "test");
        assertThat(available(merchant)).isPositive();
        return new SettledMerchant(merchant, actor, legalName, bankAccount);
    }

    long available(PartyId merchant) {
        Account a = fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "EUR");
        return a == null ? 0 : a.postedCreditBalance().minorUnits();
    }
}
