package org.finbridge.risk.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.ReferenceRates;
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
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.Payouts;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money that leaves: payouts read through the settlement API become journal debits once; and
 * events the journal cannot use (an unknown payment, a step without money) are skipped, not fatal.
 */
@ApplicationTest
class AmlPayoutsAndEventsTest {

    @Autowired
    Payouts payouts;
    @Autowired
    Settlement settlement;
    @Autowired
    Payments payments;
    @Autowired
    Parties parties;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    MutableClock clock;
    @Autowired
    ReferenceRates rates;
    @Autowired
    AmlMonitoring monitoring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void ratesForToday() {
        FxTestRates.publishToday(rates, clock);
    }

    private long journal(String where, Object value) {
        return jdbc.sql("select count(*) from aml_transactions where " + where).param("v", value).query(Long.class).single();
    }

    @Test
    void aPayoutIsRecordedOnceAsTheMerchantsDebitToItsBank() {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        String name = "AML Payout Merchant " + UUID.randomUUID().toString().substring(0, 8) + " GmbH";
        PartyId merchant = ((Registration.Registered) parties.register(new NewParty(PartyKind.MERCHANT, "DE", name, null,
                "aml-payout@merchant.test", null, Map.of()))).party().id();
        Actor actor = merchantActor(merchant);
        Actor operator = PaymentFixtures.operatorActor(fixtures.operatorParty());
        String bankAccount = ((BankAccountResult.Saved) bankAccounts.add(merchant, new NewBankAccount("EUR", "DE",
                "DE89370400440532013000", null, "COBADEFFXXX", null, name), "test")).account().id();
        settlement.setPolicy(operator, merchant, new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 0));
        for (int i = 0; i < 3; i++) {
            done(payments.create(actor, payment(merchant, 20_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK),
                    CaptureMethod.AUTOMATIC, "DE")));
        }
        assertThat(journal("party_id = :v and kind = 'PAYMENT' and direction = 'CREDIT'", merchant.value())).isEqualTo(3);
        clock.advance(Duration.ofDays(4));
        FxTestRates.publishToday(rates, clock);
        settlement.run(clock.instant().atZone(ZoneId.of("Europe/Berlin")).toLocalDate(), "test");
        PayoutResult r = payouts.create(actor, new NewPayout(merchant, 30_000, "EUR", bankAccount, null, "aml-p-1"));
        assertThat(r).as(r.toString()).isInstanceOf(PayoutResult.Done.class);
        Payout payout = ((PayoutResult.Done) r).payout();

        assertThat(monitoring.run().payoutsRecorded()).isGreaterThanOrEqualTo(1);
        String id = "payout:" + payout.id() + ":out";
        assertThat(jdbc.sql("select party_id, direction, kind, currency, amount_minor, counterparty from aml_transactions"
                        + " where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, UUID.class) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " " + rs.getLong(5) + " " + rs.getString(6)).single())
                .isEqualTo(merchant.value() + " DEBIT PAYOUT EUR 30000 bank:" + bankAccount);
        monitoring.run();
        assertThat(journal("id = :v", id)).isEqualTo(1);
    }

    @Test
    void anEventForAnUnknownPaymentOrWithoutMoneyIsSkippedAndNothingBreaks() {
        PartyId merchant = new PaymentFixtures(parties, ledger, tokenizer).merchant("SG");
        PaymentId unknown = new PaymentId(TimeOrderedIds.next());
        tx.executeWithoutResult(s -> events.publishEvent(new PaymentEvent("payment.captured", unknown, merchant, 2,
                PaymentState.CAPTURED, 500_000_00L, "USD", "o-1", clock.instant())));
        assertThat(journal("source_ref = :v", unknown.toString())).isZero();
        tx.executeWithoutResult(s -> events.publishEvent(new PaymentEvent("payment.authorized", unknown, merchant, 1,
                PaymentState.AUTHORIZED, 500_000_00L, "USD", "o-1", clock.instant())));
        tx.executeWithoutResult(s -> events.publishEvent(new PaymentEvent("payment.refunded", unknown, merchant, 3,
                PaymentState.REFUNDED, 0, "USD", "o-1", clock.instant())));
        assertThat(journal("party_id = :v", merchant.value())).isZero();
        monitoring.evaluatePending();
        assertThat(monitoring.alerts(null, 500).stream().filter(a -> a.partyId().equals(merchant)).toList()).isEmpty();
    }
}
