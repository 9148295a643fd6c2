package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Actor;
import org.finbridge.party.BankAccount;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutId;
import org.finbridge.settlement.Payouts;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Import / supplier credit from application to closure: the seller names its supplier's bank account (approved by
 * an operator as a third party's) and invoice, underwriting checks the account among its named policies, the
 * advance leaves the lender's funding for the supplier through the payouts path at acceptance, and the seller
 * repays on the schedule from its later settlements. A supplier the payouts path will not pay cancels the contract
 * and takes the advance back, so the seller never keeps the cash.
 */
@ApplicationTest
@RecordApplicationEvents
class ImportCreditJourneyTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SUPPLIER = "Yiwu Components Supply Co., Ltd.";

    @LocalServerPort
    int port;
    @Autowired
    TestActors actors;
    @Autowired
    Ledger ledger;
    @Autowired
    Financing financing;
    @Autowired
    java.util.List<org.finbridge.settlement.SettlementSweeps> sweeps;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    Parties parties;
    @Autowired
    Payouts payouts;
    @Autowired
    org.finbridge.ledger.LedgerInvariants invariants;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    FinancingFixtures fx;
    Actor operator;

    @BeforeEach
    void setUp() {
        fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        operator = FinancingFixtures.actor(actors.operator().partyId(), PartyKind.OPERATOR);
    }

    LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    void advanceTo(LocalDate date) {
        long days = ChronoUnit.DAYS.between(today(), date);
        if (days > 0) {
            clock.advance(Duration.ofDays(days));
        }
    }

    static NewProgramme importCredit(int upfrontFeeBps, int holdbackBps) {
        return new NewProgramme("Import credit 3m", Product.IMPORT_CREDIT, "CNY", new BigDecimal("0.12"), 3,
                AmortizationMethod.EQUAL_INSTALLMENT, DayCount.MONTHLY, upfrontFeeBps, 0, holdbackBps, 0, 30,
                new BigDecimal("0.18"), 100, FinancingFixtures.everyGrade(5_000_000));
    }

    /** A payout account the seller adds for its supplier, in the supplier's name: a person must approve it. */
    BankAccount supplierAccount(PartyId merchant, String holder, boolean approve) {
        BankAccountResult added = bankAccounts.add(merchant, new NewBankAccount("CNY", "CN", null,
                "62220200" + String.format("%011d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000_000L)), null,
                "102100099996", holder), "test");
        assertThat(added).as(added.toString()).isInstanceOf(BankAccountResult.Saved.class);
        BankAccount account = ((BankAccountResult.Saved) added).account();
        if (approve && account.status() == BankAccount.Status.PENDING_APPROVAL) {
            BankAccountResult decided = bankAccounts.decide(account.id(), true, "supplier's contract and invoice checked",
                    "operator");
            assertThat(decided).as(decided.toString()).isInstanceOf(BankAccountResult.Saved.class);
            account = ((BankAccountResult.Saved) decided).account();
        }
        return account;
    }

    @Test
    void theLenderPaysTheSupplierThroughThePayoutsPathAndTheSellerRepaysFromItsSales() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Programme programme = fx.programme(lender, importCredit(100, 10_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        BankAccount supplier = supplierAccount(merchant, SUPPLIER, true);
        assertThat(supplier.status()).isEqualTo(BankAccount.Status.VERIFIED);

        // the application names the supplier's account and invoice; the supplier's account passes its policy
        LoanResult applied = financing.applyForImport(m, merchant, programme.id(), 1_200_000, "imp-" + UUID.randomUUID(),
                supplier.id(), "INV-2026-0042");
        assertThat(applied).as(String.valueOf(applied)).isInstanceOf(LoanResult.Done.class);
        Loan loan = ((LoanResult.Done) applied).loan();
        assertThat(loan.product()).isEqualTo(Product.IMPORT_CREDIT);
        assertThat(loan.decision()).contains("SUPPLIER_ACCOUNT=PASS", "KYB_TIER=PASS");
        assertThat(loan.supplierPayment()).isEqualTo(new Loan.SupplierPayment(supplier.id(), "INV-2026-0042", null, null));
        // the full cost, interest and the 1 % fee, is disclosed and under the cap
        assertThat(loan.apr()).isGreaterThan(new BigDecimal("0.12")).isLessThanOrEqualTo(new BigDecimal("0.24"));
        assertThat(loan.schedule()).hasSize(3).allSatisfy(line -> assertThat(line.interest()).isPositive());
        if (loan.state() == LoanState.REFERRED) {
            // no settled sales yet: debt-service coverage goes to a person
            assertThat(financing.decide(operator, loan.id(), true, "purchase order and sales reviewed"))
                    .isInstanceOf(LoanResult.Done.class);
        }

        // the seller's own balance pays the fee and the rail; the advance itself goes to the supplier
        fx.settle(merchant, "CNY", 50_000);
        long funding = fx.credit("party:" + lender + ":LENDER_FUNDING:CNY");
        LoanResult accepted = financing.accept(m, loan.id());
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.Done.class);
        loan = ((LoanResult.Done) accepted).loan();
        LoanId id = loan.id();
        assertThat(loan.state()).isEqualTo(LoanState.ACTIVE);
        assertThat(loan.supplierPayment().payoutId()).isNotNull();
        assertThat(loan.supplierPayment().paidOn()).isEqualTo(today());
        Payout payout = payouts.find(m, new PayoutId(UUID.fromString(loan.supplierPayment().payoutId()))).orElseThrow();
        assertThat(payout.amount()).isEqualTo(1_200_000);
        assertThat(payout.currency()).isEqualTo("CNY");
        assertThat(payout.bankAccountId()).isEqualTo(supplier.id());
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(50_000 - 12_000 - payout.feeMinorUnits());
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(funding - 1_200_000 + 12_000 - 120);
        assertThat(financing.accept(m, id)).isInstanceOf(LoanResult.Existing.class);
        assertThat(payouts.list(m, 50).stream().filter(p -> p.bankAccountId().equals(supplier.id()))).hasSize(1);
        fx.assertLedgerEqualsSchedule(loan);

        // sales settle from the due dates on; the sweep repays each instalment as it falls due
        for (Loan.Line line : loan.schedule()) {
            advanceTo(line.dueDate());
            fx.settle(merchant, "CNY", 600_000);
            Financing.ServicingReport report = financing.service(today());
            assertThat(report.sweeps()).isPositive();
            Loan now = financing.loan(m, id).orElseThrow();
            fx.assertLedgerEqualsSchedule(now);
            assertThat(now.schedule().get(line.period() - 1).paid()).isEqualTo(now.schedule().get(line.period() - 1).due());
            assertThat(now.daysPastDue()).isZero();
        }
        Loan closed = financing.loan(FinancingFixtures.actor(lender, PartyKind.LENDER), id).orElseThrow();
        assertThat(closed.state()).isEqualTo(LoanState.CLOSED);
        assertThat(closed.outstanding().total()).isZero();
        assertThat(closed.schedule().stream().mapToLong(Loan.Line::paidPrincipal).sum()).isEqualTo(1_200_000);
        assertThat(events.stream(LoanEvents.Closed.class).filter(e -> e.loan().equals(id))).hasSize(1);
        assertThat(events.stream(LoanEvents.Repaid.class).filter(e -> e.loan().equals(id)))
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("SWEEP")).hasSize(3);
    }

    @Test
    void underwritingChecksTheSuppliersAccountAndAnImportCreditIsOnlyAppliedForWithOne() {
        PartyId merchant = fx.approvedMerchant();
        PartyId other = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Programme programme = fx.programme(lender, importCredit(0, 0));
        Programme termLoan = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_INSTALLMENT, 0, 0, 5_000_000));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        BankAccount verified = supplierAccount(merchant, SUPPLIER, true);

        // the product and the request must agree: no import credit without a supplier, no supplier for a term loan
        assertThat(financing.apply(m, merchant, programme.id(), 100_000, "imp-plain")).isInstanceOf(LoanResult.Invalid.class);
        assertThat(financing.applyForImport(m, merchant, termLoan.id(), 100_000, "imp-term", verified.id(), "INV-1"))
                .isInstanceOf(LoanResult.Invalid.class);
        assertThat(financing.applyForImport(m, merchant, programme.id(), 100_000, "imp-noinv", verified.id(), " "))
                .isEqualTo(new LoanResult.Invalid("invoiceReference",
                        "the supplier's invoice or purchase order number, 1 to 100 characters"));

        // awaiting an operator's approval: a person decides
        BankAccount pending = supplierAccount(merchant, "Ningbo Plastics Factory", false);
        assertThat(pending.status()).isEqualTo(BankAccount.Status.PENDING_APPROVAL);
        Loan referred = applied(m, merchant, programme, pending.id());
        assertThat(referred.state()).isEqualTo(LoanState.REFERRED);
        assertThat(referred.decision()).contains("SUPPLIER_ACCOUNT=REFER: the supplier's account awaits an operator's approval");
        // approved by the lender before the account is: acceptance pays nothing and lends nothing
        assertThat(financing.decide(operator, referred.id(), true, "reviewed")).isInstanceOf(LoanResult.Done.class);
        long funding = fx.credit("party:" + lender + ":LENDER_FUNDING:CNY");
        assertThat(financing.accept(m, referred.id()))
                .isEqualTo(new LoanResult.SupplierPaymentRefused("the supplier's bank account is PENDING_APPROVAL"));
        assertThat(financing.loan(m, referred.id()).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(funding);

        // another seller's account, and the seller's own account in its own name, are declined
        BankAccount foreign = supplierAccount(other, SUPPLIER, true);
        Loan notMine = applied(m, merchant, programme, foreign.id());
        assertThat(notMine.state()).isEqualTo(LoanState.DECLINED);
        assertThat(notMine.decision()).contains("SUPPLIER_ACCOUNT=DECLINE: the supplier's bank account is not one of the seller's");
        String own = parties.find(merchant).orElseThrow().legalName();
        Loan toItself = applied(m, merchant, programme, supplierAccount(merchant, own, true).id());
        assertThat(toItself.state()).isEqualTo(LoanState.DECLINED);
        assertThat(toItself.decision()).contains("SUPPLIER_ACCOUNT=DECLINE: the supplier's account is held by the seller itself");
    }

    @Test
    void aSupplierThePayoutsPathWillNotPayCancelsTheContractAndTheAdvanceIsTakenBack() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Programme programme = fx.programme(lender, importCredit(100, 0));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        BankAccount supplier = supplierAccount(merchant, SUPPLIER, true);
        Loan loan = applied(m, merchant, programme, supplier.id());
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        long funding = fx.credit("party:" + lender + ":LENDER_FUNDING:CNY");
        // the seller pledges a deposit of its own, which leaves its balance empty
        fx.settle(merchant, "CNY", 5_000);
        assertThat(financing.lodgeDeposit(m, loan.id(), 5_000, "dep-" + loan.id())).isInstanceOf(LoanResult.Done.class);

        // the seller's balance holds nothing to pay the fee and the rail with: the payout of the whole invoice fails
        LoanResult accepted = financing.accept(m, loan.id());
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.SupplierPaymentRefused.class);
        Loan cancelled = financing.loan(m, loan.id()).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(LoanState.DECLINED);
        assertThat(cancelled.decision()).contains("SUPPLIER_PAYMENT=REFUSED");
        assertThat(cancelled.supplierPayment().payoutId()).isNull();
        // every leg of the disbursement was taken back: the lender has its money, the seller holds nothing of it but
        // its own deposit, given back since there is no loan left to secure
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(funding);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(5_000);
        assertThat(cancelled.deposit().state()).isEqualTo("RELEASED");
        assertThat(fx.credit("loan:" + loan.id() + ":LOAN_DEPOSIT:CNY")).isZero();
        assertThat(fx.debit("loan:" + loan.id() + ":LOAN_PRINCIPAL:CNY")).isZero();
        assertThat(fx.debit("loan:" + loan.id() + ":LOAN_FEES:CNY")).isZero();
        assertThat(financing.accept(m, loan.id())).isInstanceOf(LoanResult.IllegalState.class);
        assertThat(events.stream(LoanEvents.Disbursed.class).filter(e -> e.loan().equals(loan.id()))).isEmpty();
    }

    @Test
    void theImportCreditRouteAppliesAndNamesUnknownProgrammesAndAccountsAs422() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Programme programme = fx.programme(lender, importCredit(0, 0));
        BankAccount supplier = supplierAccount(merchant, SUPPLIER, true);
        Api api = actors.operator().api(port);
        String route = "/api/v1/financing/loans/import-credits";

        Api.Response created = api.with("Idempotency-Key", "imp-" + UUID.randomUUID()).post(route, Map.of("merchantId",
                merchant.toString(), "programmeId", programme.id().toString(), "principal", 300_000, "supplierBankAccountId",
                supplier.id(), "invoiceReference", "PO-7731"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("product").asString()).isEqualTo("IMPORT_CREDIT");
        assertThat(created.body().get("supplierPayment").get("invoiceReference").asString()).isEqualTo("PO-7731");
        assertThat(api.with("Idempotency-Key", "imp-" + UUID.randomUUID()).post(route, Map.of("merchantId", merchant.toString(),
                "programmeId", new ProgrammeId(UUID.randomUUID()).toString(), "principal", 300_000, "supplierBankAccountId", supplier.id(),
                "invoiceReference", "PO-7731")).status()).isEqualTo(422);
        assertThat(api.with("Idempotency-Key", "imp-" + UUID.randomUUID()).post(route, Map.of("merchantId", merchant.toString(),
                "programmeId", programme.id().toString(), "principal", 300_000, "invoiceReference", "PO-7731")).code())
                .isEqualTo("INVALID_FIELD");
    }

    /** The bank's status report (pain.002) for one payout: ACSC (settled) or RJCT with a reason. */
    Payouts.StatusReportOutcome report(Payout p, String status, String reason) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>S%s</MsgId><CreDtTm>2026-03-03T07:00:00+08:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>M%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>P%s</OrgnlPmtInfId>
                      <TxInfAndSts><OrgnlEndToEndId>%s</OrgnlEndToEndId><TxSts>%s</TxSts>%s</TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString().substring(0, 8), p.endToEndId(), status,
                reason == null ? "" : "<StsRsnInf><Rsn><Cd>" + reason + "</Cd></Rsn></StsRsnInf>");
        return payouts.applyStatusReport(operator, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An import credit accepted with 500.00 of the seller's own money to pay the fee and the rail. */
    private Loan accepted(PartyId merchant, PartyId lender, BankAccount supplier) {
        Programme programme = fx.programme(lender, importCredit(100, 0));
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        Loan loan = applied(m, merchant, programme, supplier.id());
        if (loan.state() == LoanState.REFERRED) {
            financing.decide(operator, loan.id(), true, "reviewed");
        }
        fx.settle(merchant, "CNY", 50_000);
        LoanResult accepted = financing.accept(m, loan.id());
        assertThat(accepted).as(String.valueOf(accepted)).isInstanceOf(LoanResult.Done.class);
        return ((LoanResult.Done) accepted).loan();
    }

    @Test
    void aSupplierPayoutTheBankRejectsUnwindsTheLoanAndTheSellerKeepsNothingOfTheAdvanceNorPaysForIt() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        BankAccount supplier = supplierAccount(merchant, SUPPLIER, true);
        long funding = fx.credit("party:" + lender + ":LENDER_FUNDING:CNY");
        Loan loan = accepted(merchant, lender, supplier);
        LoanId id = loan.id();
        Payout payout = payouts.find(m, new PayoutId(UUID.fromString(loan.supplierPayment().payoutId()))).orElseThrow();
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(50_000 - 1_000 - payout.feeMinorUnits());
        // interest accrues while the payment is under way
        advanceTo(today().plusDays(3));
        financing.service(today());
        assertThat(fx.debit("loan:" + id + ":LOAN_INTEREST:CNY")).isPositive();

        // the supplier's bank rejects it (AC04, account closed): the money comes back to the seller's balance, and
        // financing takes the advance back to the lender in the same transaction
        assertThat(report(payout, "RJCT", "AC04").applied()).isEqualTo(1);
        assertThat(payouts.find(m, payout.id()).orElseThrow().state()).isEqualTo(org.finbridge.settlement.PayoutState.REJECTED);
        Loan cancelled = financing.loan(m, id).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(LoanState.CANCELLED);
        assertThat(cancelled.decision()).contains("SUPPLIER_PAYMENT=REJECTED: AC04");
        assertThat(cancelled.outstanding().total()).isZero();
        // the lender has all its money back and earned nothing; the seller has exactly its own 500.00 (fee and rail refunded)
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(funding);
        assertThat(fx.credit("party:" + lender + ":LENDER_INTEREST_INCOME:CNY")).isZero();
        assertThat(fx.credit("party:" + lender + ":LENDER_LOANS:CNY")).isZero();
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(50_000);
        for (String receivable : java.util.List.of("LOAN_PRINCIPAL", "LOAN_INTEREST", "LOAN_FEES", "LOAN_PENALTY")) {
            assertThat(fx.debit("loan:" + id + ":" + receivable + ":CNY")).as(receivable).isZero();
        }
        assertThat(events.stream(LoanEvents.Cancelled.class).filter(e -> e.loan().equals(id))).singleElement()
                .extracting(LoanEvents.Cancelled::reason).isEqualTo("SUPPLIER_PAYMENT=REJECTED: AC04");

        // the same report again, and servicing afterwards, change nothing
        assertThat(report(payout, "RJCT", "AC04").applied()).isZero();
        advanceTo(today().plusDays(1));
        financing.service(today());
        assertThat(financing.loan(m, id).orElseThrow().state()).isEqualTo(LoanState.CANCELLED);
        assertThat(fx.credit("party:" + lender + ":LENDER_FUNDING:CNY")).isEqualTo(funding);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(50_000);
        assertThat(financing.repay(m, id, 1, "late")).isInstanceOf(LoanResult.IllegalState.class);
        assertThat(invariants.sweep().violations()).isEmpty();
    }

    @Test
    void aSupplierPayoutReturnedAfterTheSellerRepaidPartIsRecalledFromTheReturnedMoney() {
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Actor m = FinancingFixtures.actor(merchant, PartyKind.MERCHANT);
        BankAccount supplier = supplierAccount(merchant, SUPPLIER, true);
        Loan loan = accepted(merchant, lender, supplier);
        LoanId id = loan.id();
        Payout payout = payouts.find(m, new PayoutId(UUID.fromString(loan.supplierPayment().payoutId()))).orElseThrow();
        // the day's bank file carries it (with whatever else is waiting in CNY), and the bank pays it
        assertThat(payouts.writeBatch(operator, "CNY")).isPresent();
        assertThat(payouts.find(m, payout.id()).orElseThrow().state()).isEqualTo(org.finbridge.settlement.PayoutState.SENT);
        assertThat(report(payout, "ACSC", null).applied()).isEqualTo(1);
        advanceTo(today().plusDays(5));
        assertThat(financing.repay(m, id, 20_000, "early")).isInstanceOf(LoanResult.Done.class);
        long before = fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY");
        long owed = financing.loan(m, id).orElseThrow().outstanding().total();

        // the supplier's bank sends the money back: part-repaid, the loan cannot be unwound; the returned money repays it
        assertThat(payouts.markReturned(operator, payout.id(), "AC04"))
                .isInstanceOf(org.finbridge.settlement.PayoutResult.Done.class);
        Loan recalled = financing.loan(m, id).orElseThrow();
        assertThat(recalled.state()).isEqualTo(LoanState.CLOSED);
        assertThat(recalled.outstanding().total()).isZero();
        fx.assertLedgerEqualsSchedule(recalled);
        long recall = events.stream(LoanEvents.Repaid.class).filter(e -> e.loan().equals(id) && e.source().equals("RETURN"))
                .mapToLong(LoanEvents.Repaid::amount).sum();
        assertThat(recall).isGreaterThanOrEqualTo(owed).isLessThan(100_000);
        assertThat(fx.credit("party:" + merchant + ":MERCHANT_AVAILABLE:CNY")).isEqualTo(before + 100_000 - recall);
        assertThat(fx.credit("party:" + lender + ":LENDER_LOANS:CNY")).isZero();
        assertThat(invariants.sweep().violations()).isEmpty();
    }

    private Loan applied(Actor m, PartyId merchant, Programme programme, String bankAccount) {
        LoanResult r = financing.applyForImport(m, merchant, programme.id(), 100_000, "imp-" + UUID.randomUUID(), bankAccount,
                "INV-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(r).as(String.valueOf(r)).isInstanceOf(LoanResult.Done.class);
        return ((LoanResult.Done) r).loan();
    }
}
