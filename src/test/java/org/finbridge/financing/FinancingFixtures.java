package org.finbridge.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.TestIdentifiers;
import org.finbridge.settlement.SettlementSweeps;
import org.finbridge.support.Api;
import org.finbridge.support.TestActors;

/** Parties, programmes and settled sales for financing tests, made through the modules' real APIs. */
public final class FinancingFixtures {

    private final Api operatorApi;
    private final TestActors actors;
    private final Ledger ledger;
    private final Financing financing;
    private final List<SettlementSweeps> sweeps;
    private final Clock clock;

    /**
     * @param sweeps the settlement run's netting claimants (financing's loans), asked by {@link #settle} as a run asks them
     * @param clock the application's clock: {@link #settle} asks for the day's takes in financing's time zone
     */
    public FinancingFixtures(Api operatorApi, TestActors actors, Ledger ledger, Financing financing, List<SettlementSweeps> sweeps,
                             Clock clock) {
        this.operatorApi = operatorApi;
        this.actors = actors;
        this.ledger = ledger;
        this.financing = financing;
        this.sweeps = List.copyOf(sweeps);
        this.clock = clock;
    }

    public static Actor actor(PartyId party, PartyKind kind) {
        return new Actor("key_" + party.value(), "key:" + party.value().toString().substring(0, 8), Actor.Channel.API_KEY,
                party, kind, null, kind == PartyKind.OPERATOR ? EnumSet.allOf(ApiScope.class) : ApiScope.grantableTo(kind));
    }

    /** A Shenzhen seller whose KYB file an operator approved (status ACTIVE, risk tier LOW). */
    public PartyId approvedMerchant() {
        String uscc = TestIdentifiers.uscc();
        Api.Response r = operatorApi.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "CN",
                "legalName", "Shenzhen Lending Test Trading Co., Ltd.", "email", "finance@lending.example",
                "identifiers", Map.of("USCC", uscc)));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        String merchant = r.body().get("id").asString();
        Api.Response opened = operatorApi.post("/api/v1/parties/" + merchant + "/kyb", Map.of("registrationNumber", uscc,
                "registeredAddress", "1 Shennan Avenue, Futian, Shenzhen", "incorporationDate", "2019-04-01",
                "businessDescription", "exports consumer electronics"));
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        String application = opened.body().get("id").asString();
        assertThat(operatorApi.post("/api/v1/kyb/" + application + "/owners", Map.of("fullName", "Li Lei", "nationality", "CN",
                "birthDate", "1949-12-31", "documentType", "CN_RESIDENT_ID", "documentNumber", "11010519491231002X",
                "ownershipBasisPoints", 10000)).status()).isEqualTo(200);
        assertThat(operatorApi.post("/api/v1/kyb/" + application + "/documents", Map.of("type", "BUSINESS_LICENCE",
                "number", uscc, "issuer", "SAMR", "fileName", "licence.pdf", "contentType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString("%PDF-1.4 licence".getBytes()))).status()).isEqualTo(200);
        operatorApi.post("/api/v1/kyb/" + application + "/submit", Map.of());
        Api.Response approved = operatorApi.post("/api/v1/kyb/" + application + "/decision",
                Map.of("decision", "APPROVE", "riskTier", "LOW", "reason", "verified"));
        assertThat(approved.body().get("state").asString()).as(String.valueOf(approved.body())).isEqualTo("APPROVED");
        return PartyId.parse(merchant);
    }

    public PartyId fundedLender(String currency, long amount) {
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        assertThat(financing.fundLender(actor(actors.operator().partyId(), PartyKind.OPERATOR), lender,
                Money.ofMinor(amount, currency), "wire-" + lender.value())).isInstanceOf(LoanResult.Done.class);
        return lender;
    }

    public Programme programme(PartyId lender, NewProgramme p) {
        ProgrammeResult r = financing.publish(actor(lender, PartyKind.LENDER), p);
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ProgrammeResult.Published.class);
        return ((ProgrammeResult.Published) r).programme();
    }

    /**
     * The same limit whatever the borrower's grade: the journeys are about servicing, and whether the credit
     * registry has scored the merchant yet depends on what ran before in the shared application.
     */
    public static Map<String, Long> everyGrade(long limit) {
        return Map.of(CreditStanding.UNRATED, limit, "A", limit, "B", limit, "C", limit, "D", limit);
    }

    public static NewProgramme termLoan(String currency, String rate, int months, AmortizationMethod method, int upfrontFeeBps,
                                 int holdbackBps, long limit) {
        return new NewProgramme("Working capital " + months + "m", Product.TERM_LOAN, currency, new BigDecimal(rate), months,
                method, DayCount.MONTHLY, upfrontFeeBps, 0, holdbackBps, 0, 30, new BigDecimal("0.18"), 100,
                everyGrade(limit));
    }

    public static NewProgramme revenueBased(String currency, int fixedFeeBps, int holdbackBps, int minPaymentBps, long limit) {
        return new NewProgramme("Revenue-based", Product.REVENUE_BASED, currency, BigDecimal.ZERO, 6,
                AmortizationMethod.INTEREST_FIRST, DayCount.MONTHLY, 0, fixedFeeBps, holdbackBps, minPaymentBps, 30,
                new BigDecimal("0.18"), 100, everyGrade(limit));
    }

    /** The merchant's balance, opened exactly as payments and settlement open it. */
    public AccountId available(PartyId merchant, String currency) {
        AccountId id = AccountId.derived("party:" + merchant + ":MERCHANT_AVAILABLE:" + currency);
        ledger.createAccount(new NewAccount(id, CurrencyCode.of(currency), "MERCHANT_AVAILABLE", merchant.toString(),
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        return id;
    }

    /**
     * Sales settled to the merchant as the settlement module's run settles them: the netting hook's claimants
     * ({@link SettlementSweeps}, financing's sweeping loans) name their takes of the release, and one linked chain moves
     * the rest from pending into available ({@code SETTLEMENT_RELEASE}) and each take from pending to its claimant
     * ({@code SETTLEMENT_SWEEP}); here from a pending account of the test's own. The takes are applied to the loans by
     * financing's next servicing run. Returns what reached available.
     */
    public long settle(PartyId merchant, String currency, long amount) {
        AccountId pending = AccountId.derived("party:" + merchant + ":MERCHANT_PENDING:" + currency);
        ledger.createAccount(new NewAccount(pending, CurrencyCode.of(currency), "MERCHANT_PENDING", merchant.toString(), Set.of()));
        AccountId available = available(merchant, currency);
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        long left = amount;
        List<Transfer> takes = new ArrayList<>();
        for (SettlementSweeps claimant : sweeps) {
            for (SettlementSweeps.Take take : claimant.takes(merchant, currency, left, today)) {
                if (take.amount() <= left) {
                    left -= take.amount();
                    takes.add(Transfer.posted(TransferId.next(), pending, take.account(), take.amount(), currency, "SETTLEMENT_SWEEP")
                            .withExternalRef("test-run:" + take.reference()));
                }
            }
        }
        List<Transfer> chain = new ArrayList<>();
        if (left > 0) {
            chain.add(Transfer.posted(TransferId.next(), pending, available, left, currency, "SETTLEMENT_RELEASE"));
        }
        chain.addAll(takes);
        for (int i = 0; i < chain.size() - 1; i++) {
            chain.set(i, chain.get(i).linked());
        }
        List<TransferResult> r = ledger.submit(chain);
        assertThat(r).allMatch(x -> x == TransferResult.OK);
        return left;
    }

    /**
     * Sales captured for the merchant and not yet settled, as payments books them: a credit to its
     * MERCHANT_PENDING balance (here from a clearing account of the test's own); a negative amount is a refund
     * or chargeback taken back from it (dilution).
     */
    void capture(PartyId merchant, String currency, long amount) {
        AccountId pending = AccountId.derived("party:" + merchant + ":MERCHANT_PENDING:" + currency);
        ledger.createAccount(new NewAccount(pending, CurrencyCode.of(currency), "MERCHANT_PENDING", merchant.toString(), Set.of()));
        AccountId clearing = AccountId.derived("test:CARD_CLEARING:" + currency);
        ledger.createAccount(new NewAccount(clearing, CurrencyCode.of(currency), "TEST_CARD_CLEARING", "test", Set.of()));
        Transfer t = amount >= 0 ? Transfer.posted(TransferId.next(), clearing, pending, amount, currency, "TEST_CAPTURE")
                : Transfer.posted(TransferId.next(), pending, clearing, -amount, currency, "TEST_REFUND");
        assertThat(ledger.submit(List.of(t))).containsExactly(TransferResult.OK);
    }

    /** The merchant spends its balance elsewhere (pays its suppliers): nothing is left to collect from. */
    public void spendAll(PartyId merchant, String currency) {
        AccountId from = available(merchant, currency);
        long balance = ledger.account(from).orElseThrow().postedCreditBalance().minorUnits();
        if (balance > 0) {
            AccountId elsewhere = AccountId.derived("test:SPENT:" + currency);
            ledger.createAccount(new NewAccount(elsewhere, CurrencyCode.of(currency), "TEST_SPENT", "test", Set.of()));
            assertThat(ledger.submit(List.of(Transfer.posted(TransferId.next(), from, elsewhere, balance, currency, "TEST_SPEND"))))
                    .containsExactly(TransferResult.OK);
        }
    }

    public long credit(String name) {
        return ledger.account(AccountId.derived(name)).map(a -> a.postedCreditBalance().minorUnits()).orElse(0L);
    }

    public long debit(String name) {
        return ledger.account(AccountId.derived(name)).map(a -> a.postedDebitBalance().minorUnits()).orElse(0L);
    }

    /** The ledger's receivables of a loan equal what its schedule says is owed, component by component. */
    void assertLedgerEqualsSchedule(Loan loan) {
        String k = "loan:" + loan.id() + ":";
        String c = ":" + loan.currency();
        long principalOwed = loan.schedule().stream().mapToLong(l -> l.principal() - l.paidPrincipal()).sum();
        long feesOwed = loan.schedule().stream().mapToLong(l -> l.fee() - l.paidFee()).sum();
        assertThat(debit(k + "LOAN_PRINCIPAL" + c)).as("principal receivable").isEqualTo(principalOwed)
                .isEqualTo(loan.outstanding().principal());
        assertThat(debit(k + "LOAN_INTEREST" + c)).as("interest receivable").isEqualTo(loan.outstanding().interest());
        assertThat(debit(k + "LOAN_FEES" + c)).as("fees receivable").isEqualTo(feesOwed).isEqualTo(loan.outstanding().fees());
        assertThat(debit(k + "LOAN_PENALTY" + c)).as("penalty receivable").isEqualTo(loan.outstanding().penalty());
        // and what was repaid: the receivables' credits are the schedule's paid parts
        assertThat(creditsPosted(k + "LOAN_PRINCIPAL" + c)).as("principal repaid")
                .isEqualTo(loan.schedule().stream().mapToLong(Loan.Line::paidPrincipal).sum());
        assertThat(creditsPosted(k + "LOAN_INTEREST" + c)).as("interest repaid")
                .isEqualTo(loan.schedule().stream().mapToLong(Loan.Line::paidInterest).sum());
    }

    long creditsPosted(String name) {
        return ledger.account(AccountId.derived(name)).map(a -> a.creditsPosted()).orElse(0L);
    }
}
