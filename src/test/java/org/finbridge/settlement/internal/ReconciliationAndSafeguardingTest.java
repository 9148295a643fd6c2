package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentFixtures.done;
import static org.finbridge.payments.PaymentFixtures.merchantActor;
import static org.finbridge.payments.PaymentFixtures.payment;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.ImportResult;
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
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.Payouts;
import org.finbridge.settlement.ReconciliationOutcome;
import org.finbridge.settlement.ReconciliationReason;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.SafeguardingReport;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A payout the bank's camt.053 statement books is matched, a line nobody expected goes to the exception
 * queue, and the safeguarding account's closing balance is set against what merchants are owed.
 */
@ApplicationTest
class ReconciliationAndSafeguardingTest {

    static final String SAFEGUARDING_IBAN = "DE89370400440532013000";

    @Autowired
    Reconciliations reconciliations;
    @Autowired
    BankStatements statements;
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

    static String camt053(String statementId, String closingBalance, LocalDate date, String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>%3$sT20:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%1$s</Id>
                      <CreDtTm>%3$sT20:00:00+01:00</CreDtTm>
                      <Acct><Id><IBAN>%4$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <Dt><Dt>%3$s</Dt></Dt></Bal>
                %5$s
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(statementId, closingBalance, date, SAFEGUARDING_IBAN, entries);
    }

    static String entry(String amount, String creditDebit, LocalDate valueDate, String endToEndId) {
        return """
                      <Ntry><Amt Ccy="EUR">%1$s</Amt><CdtDbtInd>%2$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%3$s</Dt></BookgDt><ValDt><Dt>%3$s</Dt></ValDt>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls><Refs><EndToEndId>%4$s</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
                """.formatted(amount, creditDebit, valueDate, endToEndId);
    }

    private String importFile(String xml) {
        ImportResult r = statements.importFile("statement.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
        assertThat(r).as(r.toString()).isInstanceOf(ImportResult.Imported.class);
        return ((ImportResult.Imported) r).file().id();
    }

    @Test
    void theBanksStatementReconcilesThePayoutAndTheSafeguardingReportSeesItsBalance() {
        clock.advance(Duration.ofDays(40));
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        String name = "Recon Merchant " + UUID.randomUUID().toString().substring(0, 8) + " GmbH";
        PartyId merchant = ((Registration.Registered) parties.register(new NewParty(PartyKind.MERCHANT, "DE", name, null,
                "ops@merchant.test", null, Map.of()))).party().id();
        Actor actor = merchantActor(merchant);
        Actor operator = PaymentFixtures.operatorActor(fixtures.operatorParty());
        String account = ((BankAccountResult.Saved) bankAccounts.add(merchant, new NewBankAccount("EUR", "DE",
                "DE02120300000000202051", null, "BYLADEM1001", null, name), "test")).account().id();
        settlement.setPolicy(operator, merchant, new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 0, "TARGET2", 0, 90, 0));
        done(payments.create(actor, payment(merchant, 50_000, "EUR", fixtures.card(PaymentFixtures.VISA_OK), CaptureMethod.AUTOMATIC, "DE")));
        clock.advance(Duration.ofDays(4));
        settlement.run(clock.instant().atZone(BusinessCalendars.of("TARGET2").zone()).toLocalDate(), "test");
        Payout payout = ((PayoutResult.Done) payouts.create(actor, new NewPayout(merchant, 10_000, "EUR", account, null, "r-1"))).payout();
        payouts.writeBatch(operator, "EUR").orElseThrow();

        LocalDate day = payout.expectedArrival();
        String fileId = importFile(camt053("STMT-" + UUID.randomUUID().toString().substring(0, 8), "100000000.00", day,
                entry("100.00", "DBIT", day, payout.endToEndId()) + entry("55.00", "CRDT", day, "NOBODY-EXPECTED-1")));
        ReconciliationOutcome outcome = reconciliations.reconcile(operator, fileId).orElseThrow();
        assertThat(outcome.matched()).isEqualTo(1);
        assertThat(outcome.exceptions()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(ReconciliationReason.MISSING);
            assertThat(x.endToEndId()).isEqualTo("NOBODY-EXPECTED-1");
            assertThat(x.amountMinorUnits()).isEqualTo(5_500);
        });
        assertThat(reconciliations.exceptions(operator, 500)).extracting(ReconciliationOutcome.ExceptionLine::lineId)
                .contains(outcome.exceptions().getFirst().lineId());
        ReconciliationOutcome again = reconciliations.reconcile(operator, fileId).orElseThrow();
        assertThat(again.matched()).isZero();
        assertThat(again.exceptions()).isEmpty();
        assertThat(again.alreadyReconciled()).isEqualTo(2);
        assertThat(reconciliations.reconcile(actor, fileId)).as("merchants do not reconcile the platform's accounts").isEmpty();

        // a million euros in the safeguarding account: covered
        SafeguardingReport covered = reconciliations.safeguarding(day, "test");
        SafeguardingReport.Line eur = covered.lines().stream().filter(l -> l.currency().equals("EUR")).findFirst().orElseThrow();
        assertThat(eur.owedMinorUnits()).isGreaterThanOrEqualTo(40_000);
        assertThat(eur.heldMinorUnits()).isEqualTo(10_000_000_000L);
        assertThat(eur.alert()).isFalse();
        assertThat(eur.coveragePercent()).isGreaterThan(new BigDecimal("100"));

        // the next day the account holds one euro: a break, an alert, and it ages while it lasts
        LocalDate next = day.plusDays(1);
        reconciliations.reconcile(operator, importFile(camt053("STMT-" + UUID.randomUUID().toString().substring(0, 8), "1.00",
                next, entry("1.00", "CRDT", next, "NOBODY-EXPECTED-2"))));
        SafeguardingReport broken = reconciliations.safeguarding(next, "test");
        SafeguardingReport.Line b = broken.lines().stream().filter(l -> l.currency().equals("EUR")).findFirst().orElseThrow();
        assertThat(b.alert()).isTrue();
        assertThat(b.heldMinorUnits()).isEqualTo(100);
        assertThat(b.shortfallMinorUnits()).isEqualTo(b.owedMinorUnits() - 100);
        assertThat(b.coveragePercent()).isLessThan(new BigDecimal("100"));
        assertThat(b.breakSince()).isEqualTo(next);
        SafeguardingReport later = reconciliations.safeguarding(next.plusDays(1), "test");
        SafeguardingReport.Line l = later.lines().stream().filter(x -> x.currency().equals("EUR")).findFirst().orElseThrow();
        assertThat(l.breakSince()).isEqualTo(next);
        assertThat(l.breakAgeDays()).isEqualTo(1);
        assertThat(l.balanceDate()).isEqualTo(next);

        // kept and readable by operators and regulators, not by merchants
        assertThat(reconciliations.safeguardingReports(operator, 10)).extracting(SafeguardingReport::date)
                .contains(next.plusDays(1), next, day);
        Actor regulator = new Actor("key_reg", "key:regulator", Actor.Channel.API_KEY, merchant, PartyKind.REGULATOR, null,
                java.util.EnumSet.of(org.finbridge.party.ApiScope.SUPERVISION_READ));
        assertThat(reconciliations.safeguardingReports(regulator, 10)).isNotEmpty();
        assertThat(reconciliations.safeguardingReports(actor, 10)).isEmpty();
    }
}
