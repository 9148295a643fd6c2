package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.merchantActor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.PaymentInitiations;
import org.finbridge.banking.PayoutBatch;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutBatchFile;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.PayoutState;
import org.finbridge.settlement.Payouts;
import org.finbridge.settlement.Settlement;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A settled balance paid out to the merchant's verified account, through the bank file and the bank's status report. */
@ApplicationTest
class PayoutLifecycleTest {

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
    org.finbridge.fx.ReferenceRates rates;

    PaymentFixtures fixtures;
    PartyId merchant;
    Actor actor;
    Actor operator;
    String bankAccount;

    @BeforeEach
    void aMerchantWithASettledEuroBalance() {
        PayoutFixture fixture = new PayoutFixture(parties, ledger, tokenizer, bankAccounts, settlement, payments, clock);
        fixtures = fixture.payments();
        operator = PaymentFixtures.operatorActor(fixtures.operatorParty());
        PayoutFixture.SettledMerchant settled = fixture.settledMerchant(
                "Payout Merchant " + UUID.randomUUID().toString().substring(0, 8) + " GmbH", "ops@merchant.test", operator);
        merchant = settled.id();
        actor = settled.actor();
        bankAccount = settled.bankAccount();
    }

    private long available() {
        Account a = fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "EUR");
        return a == null ? 0 : a.postedCreditBalance().minorUnits();
    }

    private Payout payout(long amount, String reference) {
        PayoutResult r = payouts.create(actor, new NewPayout(merchant, amount, "EUR", bankAccount, null, reference));
        assertThat(r).as(r.toString()).isInstanceOf(PayoutResult.Done.class);
        return ((PayoutResult.Done) r).payout();
    }

    @Test
    void aPayoutTravelsThroughTheBankFileAndIsSettledOrRejectedByTheStatusReport() {
        long before = available();
        Payout first = payout(10_000, "p-1");
        Payout second = payout(7_550, "p-2");
        assertThat(first.state()).isEqualTo(PayoutState.CREATED);
        assertThat(first.rail()).isEqualTo("LOCAL_SEPA");
        assertThat(available()).isEqualTo(before - 17_550 - 2 * first.feeMinorUnits());
        // the same reference again is the same payout, and nothing moves twice
        assertThat(payouts.create(actor, new NewPayout(merchant, 10_000, "EUR", bankAccount, null, "p-1")))
                .isEqualTo(new PayoutResult.Existing(first));
        assertThat(available()).isEqualTo(before - 17_550 - 2 * first.feeMinorUnits());

        PayoutBatchFile file = payouts.writeBatch(operator, "EUR").orElseThrow();
        ParseResult<PayoutBatch> parsed = PaymentInitiations.parse(new ByteArrayInputStream(file.xml()));
        assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
        PayoutBatch batch = ((ParseResult.Parsed<PayoutBatch>) parsed).value();
        assertThat(batch.transfers()).extracting(t -> t.endToEndId()).contains(first.endToEndId(), second.endToEndId());
        assertThat(file.numberOfTransactions()).isEqualTo(batch.transfers().size());
        assertThat(file.controlSum()).isEqualByComparingTo(batch.transfers().stream()
                .map(t -> t.amount().toMajor()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        assertThat(payouts.find(actor, first.id()).orElseThrow().state()).isEqualTo(PayoutState.SENT);
        assertThat(payouts.find(merchantActor(fixtures.merchant("FR")), first.id())).as("another merchant's").isEmpty();

        String report = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>S%s</MsgId><CreDtTm>2026-03-03T07:00:00+01:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>FBP%s</OrgnlPmtInfId>
                      <TxInfAndSts><OrgnlEndToEndId>%s</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
                      <TxInfAndSts><OrgnlEndToEndId>%s</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
                      <TxInfAndSts><OrgnlEndToEndId>NOT-OURS</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(file.messageId().substring(3), file.messageId(), file.messageId().substring(3), first.endToEndId(), second.endToEndId());
        Payouts.StatusReportOutcome o = payouts.applyStatusReport(operator, report.getBytes(StandardCharsets.UTF_8));
        assertThat(o).isEqualTo(new Payouts.StatusReportOutcome(true, null, 2, 1, 0));
        assertThat(payouts.find(actor, first.id()).orElseThrow().state()).isEqualTo(PayoutState.SETTLED);
        Payout rejected = payouts.find(actor, second.id()).orElseThrow();
        assertThat(rejected.state()).isEqualTo(PayoutState.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("AC04");
        assertThat(available()).as("the rejected payout and its fee are back").isEqualTo(before - 10_000 - first.feeMinorUnits());

        // the same report again changes nothing
        assertThat(payouts.applyStatusReport(operator, report.getBytes(StandardCharsets.UTF_8)).applied()).isZero();
        assertThat(available()).isEqualTo(before - 10_000 - first.feeMinorUnits());

        // returned by the beneficiary's bank after settlement: the amount comes back
        assertThat(payouts.markReturned(operator, first.id(), "AC04")).isInstanceOf(PayoutResult.Done.class);
        assertThat(available()).isEqualTo(before - first.feeMinorUnits());
    }

    @Test
    void noPayoutBeyondTheAvailableBalanceOrToAnUnverifiedOrForeignAccount() {
        long all = available();
        assertThat(payouts.create(actor, new NewPayout(merchant, all, "EUR", bankAccount, null, "too-much")))
                .isInstanceOf(PayoutResult.InsufficientFunds.class);
        assertThat(available()).isEqualTo(all);
        PartyId other = fixtures.merchant("FR");
        String foreign = ((BankAccountResult.Saved) bankAccounts.add(other, new NewBankAccount("EUR", "FR",
                "FR1420041010050500013M02606", null, "PSSTFRPPXXX", null, "Someone Else SA"), "test")).account().id();
        assertThat(payouts.create(actor, new NewPayout(merchant, 100, "EUR", foreign, null, "foreign")))
                .isInstanceOf(PayoutResult.NotFound.class);
        String unverified = ((BankAccountResult.Saved) bankAccounts.add(merchant, new NewBankAccount("EUR", "FR",
                "FR7630006000011234567890189", null, "AGRIFRPPXXX", null, "A Third Party SARL"), "test")).account().id();
        assertThat(payouts.create(actor, new NewPayout(merchant, 100, "EUR", unverified, null, "unverified")))
                .isInstanceOf(PayoutResult.BankAccountNotVerified.class);
        assertThat(available()).isEqualTo(all);
    }

    @Test
    void aEuroBalancePaidToAYuanAccountIsConvertedAtTheExecutedQuoteAndGoesByCnaps() {
        org.finbridge.fx.FxTestRates.publishToday(rates, clock);
        String holder = parties.find(merchant).orElseThrow().legalName();
        BankAccountResult added = bankAccounts.add(merchant, new NewBankAccount("CNY", "CN", null, "6222020000001234567",
                null, "102100099996", holder), "test");
        assertThat(added).as(added.toString()).isInstanceOf(BankAccountResult.Saved.class);
        String yuanAccount = ((BankAccountResult.Saved) added).account().id();
        long euros = available();
        PayoutResult r = payouts.create(actor, new NewPayout(merchant, 10_000, "EUR", yuanAccount, null, "cny-1"));
        assertThat(r).as(r.toString()).isInstanceOf(PayoutResult.Done.class);
        Payout p = ((PayoutResult.Done) r).payout();
        assertThat(p.currency()).isEqualTo("CNY");
        assertThat(p.sourceCurrency()).isEqualTo("EUR");
        assertThat(p.quoteId()).isNotNull();
        assertThat(p.rail()).isEqualTo("LOCAL_CNAPS");
        // about 7.8 yuan a euro, less the spread: the merchant receives the floor
        assertThat(p.amount() + p.feeMinorUnits()).isBetween(70_000L, 78_380L);
        assertThat(available()).isEqualTo(euros - 10_000);
        Account yuan = fixtures.merchantAccount(merchant, "MERCHANT_AVAILABLE", "CNY");
        assertThat(yuan.postedCreditBalance().minorUnits()).as("converted, then paid out with the fee").isZero();
    }

    @Test
    void yuanToAHongKongAccountGoesByCipsAsItsOwnPacs008() {
        org.finbridge.fx.FxTestRates.publishToday(rates, clock);
        String holder = parties.find(merchant).orElseThrow().legalName();
        BankAccountResult added = bankAccounts.add(merchant, new NewBankAccount("CNY", "HK", null, "012345678901",
                "HSBCHKHHHKH", null, holder), "test");
        assertThat(added).as(added.toString()).isInstanceOf(BankAccountResult.Saved.class);
        PayoutResult r = payouts.create(actor, new NewPayout(merchant, 10_000, "EUR",
                ((BankAccountResult.Saved) added).account().id(), null, "hk-1"));
        assertThat(r).as(r.toString()).isInstanceOf(PayoutResult.Done.class);
        Payout p = ((PayoutResult.Done) r).payout();
        assertThat(p.rail()).isEqualTo("CIPS");

        var files = payouts.sendCrossBorder(operator, "CNY");
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.messageType()).isEqualTo("pacs.008.001.08");
            String xml = new String(f.xml(), StandardCharsets.UTF_8);
            assertThat(xml).contains(p.endToEndId()).contains("<Prtry>CIPS</Prtry>").contains("BKCHCNBJXXX")
                    .contains(org.finbridge.banking.Uetr.derivedFrom(p.id().toString()).toString());
        });
        assertThat(payouts.find(actor, p.id()).orElseThrow().state()).isEqualTo(PayoutState.SENT);
        assertThat(payouts.sendCrossBorder(operator, "CNY")).as("sent once").isEmpty();
    }
}
