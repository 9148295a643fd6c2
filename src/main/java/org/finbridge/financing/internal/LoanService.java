package org.finbridge.financing.internal;

import org.finbridge.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.BorrowingBase;
import org.finbridge.financing.CreditStanding;
import org.finbridge.financing.DayCount;
import org.finbridge.financing.Financing;
import org.finbridge.financing.GuarantorBook;
import org.finbridge.financing.ListingCheck;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanEvents;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.NewProgramme;
import org.finbridge.financing.Offer;
import org.finbridge.financing.Portfolio;
import org.finbridge.financing.Product;
import org.finbridge.financing.Programme;
import org.finbridge.financing.ProgrammeId;
import org.finbridge.financing.ProgrammeResult;
import org.finbridge.financing.Restructuring;
import org.finbridge.financing.RestructuringResult;
import org.finbridge.financing.ScheduleTerms;
import org.finbridge.financing.Sweep;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.ledger.AccountId;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.money.UnknownCurrencyException;
import org.finbridge.party.Actor;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.ApiScope;
import org.finbridge.party.KybApplication;
import org.finbridge.party.Onboarding;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.PartyScreening;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.Payouts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The financing API: programmes, offers, applications and underwriting, contracts, disbursement,
 * repayments and the daily servicing run. Each change of a loan happens in one transaction holding the
 * loan's row, with its audit record and events; the ledger transfers it makes have ids derived from the
 * loan and the step, so that a step retried after a crash between the ledger's answer and the commit is
 * answered EXISTS and recorded once. Security deposits ({@link LoanDeposits}), guarantees ({@link LoanGuarantees})
 * and restructuring ({@link LoanRestructurings}) are services of their own; {@link LoanViews} is what they share.
 */
@Service
class LoanService implements Financing {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LoanService.class);

    private final LoanStore store;
    private final LoanLedger ledger;
    private final FinancingAccounts accounts;
    private final Servicing servicing;
    private final Provisioning provisioning;
    private final SettledSales sales;
    private final NettedSweeps netted;
    private final Parties parties;
    private final Onboarding onboarding;
    private final PartyScreening screening;
    private final CreditStanding standing;
    private final ListingCheck listing;
    private final BankAccounts bankAccounts;
    private final Payouts payouts;
    private final LoanViews views;
    private final LoanDeposits deposits;
    private final LoanGuarantees guarantees;
    private final LoanRestructurings restructurings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final BigDecimal aprCap;

    LoanService(LoanStore store, LoanLedger ledger, FinancingAccounts accounts, Servicing servicing, Provisioning provisioning,
                SettledSales sales, NettedSweeps netted,
                Parties parties, Onboarding onboarding, PartyScreening screening, CreditStanding standing, ListingCheck listing,
                BankAccounts bankAccounts, Payouts payouts, LoanViews views, LoanDeposits deposits, LoanGuarantees guarantees,
                LoanRestructurings restructurings, AuditLog audit, ApplicationEventPublisher events,
                PlatformTransactionManager transactions, Clock clock,
                @Value("${finbridge.financing.zone:Asia/Shanghai}") String zone,
                @Value("${finbridge.financing.apr-cap:0.24}") BigDecimal aprCap) {
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.servicing = servicing;
        this.provisioning = provisioning;
        this.sales = sales;
        this.netted = netted;
        this.parties = parties;
        this.onboarding = onboarding;
        this.screening = screening;
        this.standing = standing;
        this.listing = listing;
        this.bankAccounts = bankAccounts;
        this.payouts = payouts;
        this.views = views;
        this.deposits = deposits;
        this.guarantees = guarantees;
        this.restructurings = restructurings;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.aprCap = aprCap;
    }

    private LocalDate today() {
        return views.today();
    }

    // ---- programmes

    @Override
    public ProgrammeResult publish(Actor actor, NewProgramme p) {
        if (actor.partyKind() != PartyKind.LENDER) {
            return new ProgrammeResult.Invalid("lender", "only a lender publishes its programmes");
        }
        Optional<String> invalid = invalid(p);
        if (invalid.isPresent()) {
            String[] fr = invalid.get().split(":", 2);
            return new ProgrammeResult.Invalid(fr[0], fr[1].trim());
        }
        // the full annual cost at the programme's terms, fees included, against the cap (REGULATIONS.md §6.3);
        // penalty interest is held under the same cap (overdue charges count towards the cost too)
        long illustrative = p.limitsByGrade().values().stream().mapToLong(Long::longValue).max().orElse(0);
        Contracts.Contract contract = Contracts.of(terms(p.product(), p.currency(), illustrative, p.annualRate(), p.months(),
                p.method(), p.dayCount(), p.upfrontFeeBasisPoints(), p.fixedFeeBasisPoints(), today()));
        if (contract.cost().exceeds(aprCap)) {
            return new ProgrammeResult.RateCapExceeded(contract.cost().apr(), aprCap);
        }
        if (p.penaltyRate().compareTo(aprCap) > 0) {
            return new ProgrammeResult.RateCapExceeded(p.penaltyRate(), aprCap);
        }
        Programme programme = new Programme(ProgrammeId.next(clock), actor.partyId(), p.name(), p.product(),
                CurrencyCode.of(p.currency()).code(), p.annualRate(), p.months(), p.method(), p.dayCount(),
                p.upfrontFeeBasisPoints(), p.fixedFeeBasisPoints(), p.holdbackBasisPoints(), p.minPaymentBasisPoints(),
                p.periodDays(), p.penaltyRate(), p.servicingFeeBasisPoints(), p.limitsByGrade(), p.advanceRateBasisPoints(),
                clock.instant(), p.depositBasisPoints());
        tx.executeWithoutResult(s -> {
            store.insert(programme);
            audit.record(null, "financing.programme.published", "programme", programme.id().toString(), null,
                    "{\"product\":\"" + p.product() + "\",\"currency\":\"" + programme.currency() + "\",\"apr\":"
                            + contract.cost().apr().toPlainString() + "}");
        });
        return new ProgrammeResult.Published(programme);
    }

    private static Optional<String> invalid(NewProgramme p) {
        if (p.name() == null || p.name().isBlank() || p.name().length() > 100) {
            return Optional.of("name: 1 to 100 characters");
        }
        if (p.product() == null || p.method() == null || p.dayCount() == null) {
            return Optional.of("product: product, method and dayCount are required");
        }
        try {
            CurrencyCode.of(p.currency());
        } catch (UnknownCurrencyException | NullPointerException e) {
            return Optional.of("currency: an ISO 4217 currency");
        }
        if (p.annualRate() == null || p.annualRate().signum() < 0 || p.annualRate().compareTo(BigDecimal.ONE) > 0) {
            return Optional.of("annualRate: a decimal from 0 to 1");
        }
        if (p.penaltyRate() == null || p.penaltyRate().signum() < 0) {
            return Optional.of("penaltyRate: a decimal of at least 0");
        }
        if (p.months() < 1 || p.months() > ScheduleTerms.MAX_MONTHS) {
            return Optional.of("months: 1 to 360");
        }
        if (p.upfrontFeeBasisPoints() < 0 || p.upfrontFeeBasisPoints() > 5_000 || p.fixedFeeBasisPoints() < 0
                || p.fixedFeeBasisPoints() > 5_000) {
            return Optional.of("fees: 0 to 5,000 basis points");
        }
        if (p.holdbackBasisPoints() < 0 || p.holdbackBasisPoints() > 10_000 || p.minPaymentBasisPoints() < 0
                || p.minPaymentBasisPoints() > 10_000 || p.servicingFeeBasisPoints() < 0 || p.servicingFeeBasisPoints() > 10_000) {
            return Optional.of("basisPoints: holdback, minimum payment and servicing fee 0 to 10,000");
        }
        if (p.depositBasisPoints() < 0 || p.depositBasisPoints() > 10_000) {
            return Optional.of("depositBasisPoints: 0 to 10,000 basis points of the principal");
        }
        if (p.periodDays() < 1 || p.periodDays() > 366) {
            return Optional.of("periodDays: 1 to 366");
        }
        if (p.product() == Product.REVENUE_BASED && p.holdbackBasisPoints() == 0) {
            return Optional.of("holdbackBasisPoints: revenue-based financing is repaid by a holdback");
        }
        if (p.product() == Product.RECEIVABLES_ADVANCE && (p.advanceRateBasisPoints() < 1 || p.advanceRateBasisPoints() > 10_000)) {
            return Optional.of("advanceRateBasisPoints: a receivables advance lends 1 to 10,000 basis points of the pending balance");
        }
        if (p.product() != Product.RECEIVABLES_ADVANCE && p.advanceRateBasisPoints() != 0) {
            return Optional.of("advanceRateBasisPoints: only a receivables advance lends against pending receivables");
        }
        if (p.product() == Product.RECEIVABLES_ADVANCE && p.holdbackBasisPoints() == 0) {
            return Optional.of("holdbackBasisPoints: a receivables advance is repaid from the settlements of its receivables");
        }
        if (p.limitsByGrade() == null || p.limitsByGrade().isEmpty()
                || p.limitsByGrade().entrySet().stream().anyMatch(e -> e.getKey() == null || e.getKey().isBlank()
                || e.getKey().length() > 10 || e.getValue() == null || e.getValue() <= 0)) {
            return Optional.of("limitsByGrade: a positive limit for at least one grade");
        }
        return Optional.empty();
    }

    @Override
    public List<Programme> programmes(Actor actor) {
        return store.programmes(actor.isOperator() ? null : actor.partyId());
    }

    @Override
    public LoanResult fundLender(Actor actor, PartyId lender, Money amount, String reference) {
        if (!actor.isOperator()) {
            return new LoanResult.NotFound("lender");
        }
        Optional<Party> party = parties.find(lender).filter(p -> p.kind() == PartyKind.LENDER || p.kind() == PartyKind.GUARANTOR);
        if (party.isEmpty()) {
            return new LoanResult.NotFound("lender");
        }
        if (!amount.isPositive() || reference == null || reference.isBlank() || reference.length() > 60) {
            return new LoanResult.Invalid("amount", "a positive amount and a reference of 1 to 60 characters");
        }
        LoanLedger.Outcome o = party.get().kind() == PartyKind.GUARANTOR
                ? ledger.fundGuarantor(lender, amount.currency().code(), amount.minorUnits(), reference)
                : ledger.fund(lender, amount.currency().code(), amount.minorUnits(), reference);
        if (o instanceof LoanLedger.Refused r) {
            return new LoanResult.Invalid("reference", "used before for another amount (" + r.result() + ")");
        }
        tx.executeWithoutResult(s -> audit.record(null, "financing.lender.funded", "party", lender.toString(), null,
                "{\"amount\":" + amount.minorUnits() + ",\"currency\":\"" + amount.currency() + "\",\"reference\":\""
                        + reference.replace("\"", "") + "\"}"));
        return new LoanResult.Done(null);
    }

    // ---- offers and applications

    @Override
    public Optional<List<Offer>> offers(Actor actor, PartyId merchant) {
        if (!actor.mayAccess(merchant) || parties.find(merchant).filter(p -> p.kind() == PartyKind.MERCHANT).isEmpty()) {
            return Optional.empty();
        }
        String grade = standing.of(merchant).map(CreditStanding.Standing::grade).orElse(CreditStanding.UNRATED);
        List<Offer> offers = new ArrayList<>();
        for (Programme p : store.programmes(null)) {
            long limit = p.limitsByGrade().getOrDefault(grade, 0L);
            long max = limit - exposure(merchant, p.id());
            if (max <= 0) {
                continue;
            }
            Contracts.Contract c = Contracts.of(terms(p, max, today()));
            offers.add(new Offer(p.id(), p.lenderId(), p.product(), p.currency(), max, p.annualRate(), p.months(), p.method(),
                    p.upfrontFeeBasisPoints(), p.fixedFeeBasisPoints(), p.holdbackBasisPoints(), grade, c.cost().apr(),
                    c.cost().effectiveRate()));
        }
        return Optional.of(offers);
    }

    private long exposure(PartyId merchant, ProgrammeId programme) {
        return store.ofMerchant(merchant).stream()
                .filter(l -> l.programmeId().equals(programme) && (l.state().isServiced() || l.state() == LoanState.APPROVED
                        || l.state() == LoanState.REFERRED || l.state() == LoanState.APPLIED))
                .mapToLong(l -> l.state().isServiced() ? servicing.owed(l).principal() : l.principal()).sum();
    }

    /**
     * A receivables advance is refused when the receivables do not cover it: the programme's advance rate of
     * the seller's settlement-pending balance, less the principal its other advances in the currency owe or
     * have applied for (an advance repaid by settlements leaves room again as its receivables leave the
     * pending balance).
     */
    private Optional<LoanResult> overAdvance(PartyId merchant, String currency, int rateBps, long principal, LoanId self) {
        long pending = accounts.merchantPending(merchant, currency);
        long room = Contracts.basisPoints(pending, rateBps) - advanced(merchant, currency, self);
        return principal > room ? Optional.of(new LoanResult.OverAdvance(Math.max(0, room), pending)) : Optional.empty();
    }

    private long advanced(PartyId merchant, String currency, LoanId except) {
        return store.ofMerchant(merchant).stream()
                .filter(l -> l.product() == Product.RECEIVABLES_ADVANCE && l.currency().equals(currency) && !l.id().equals(except))
                .filter(l -> l.state().isServiced() || l.state() == LoanState.APPROVED || l.state() == LoanState.REFERRED
                        || l.state() == LoanState.APPLIED)
                .mapToLong(l -> l.state().isServiced() ? servicing.owed(l).principal() : l.principal()).sum();
    }

    @Override
    public Optional<BorrowingBase> borrowingBase(Actor actor, PartyId merchant, String currency) {
        if (!actor.mayAccess(merchant) || parties.find(merchant).filter(p -> p.kind() == PartyKind.MERCHANT).isEmpty()) {
            return Optional.empty();
        }
        String ccy = LoanViews.currencyCode(currency).orElse(null);
        if (ccy == null) {
            return Optional.empty();
        }
        long pending = accounts.merchantPending(merchant, ccy);
        long advanced = advanced(merchant, ccy, null);
        List<BorrowingBase.Line> lines = store.programmes(null).stream()
                .filter(p -> p.product() == Product.RECEIVABLES_ADVANCE && p.currency().equals(ccy))
                .map(p -> new BorrowingBase.Line(p.id(), p.lenderId(), p.advanceRateBasisPoints(),
                        Math.max(0, Contracts.basisPoints(pending, p.advanceRateBasisPoints()) - advanced)))
                .toList();
        return Optional.of(new BorrowingBase(merchant, ccy, pending, advanced, lines));
    }

    @Override
    public LoanResult apply(Actor actor, PartyId merchant, ProgrammeId programmeId, long principal, String reference) {
        return apply(actor, merchant, programmeId, principal, reference, null);
    }

    /** What an import credit pays for and where: named by the seller at application. */
    private record SupplierInvoice(String bankAccountId, String invoiceReference) {
    }

    @Override
    public LoanResult applyForImport(Actor actor, PartyId merchant, ProgrammeId programme, long principal, String reference,
                                     String supplierBankAccountId, String invoiceReference) {
        if (supplierBankAccountId == null || supplierBankAccountId.isBlank() || supplierBankAccountId.length() > 60) {
            return new LoanResult.Invalid("supplierBankAccountId", "the supplier's payout account, 1 to 60 characters");
        }
        if (invoiceReference == null || invoiceReference.isBlank() || invoiceReference.length() > 100) {
            return new LoanResult.Invalid("invoiceReference", "the supplier's invoice or purchase order number, 1 to 100 characters");
        }
        return apply(actor, merchant, programme, principal, reference, new SupplierInvoice(supplierBankAccountId,
                invoiceReference.strip()));
    }

    private LoanResult apply(Actor actor, PartyId merchant, ProgrammeId programmeId, long principal, String reference,
                             SupplierInvoice invoice) {
        if (!actor.mayAccess(merchant)) {
            return new LoanResult.NotFound("merchant");
        }
        Optional<Party> party = parties.find(merchant).filter(p -> p.kind() == PartyKind.MERCHANT);
        if (party.isEmpty()) {
            return new LoanResult.NotFound("merchant");
        }
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            return new LoanResult.Invalid("reference", "1 to 100 characters (the Idempotency-Key)");
        }
        Optional<LoanRow> existing = store.byReference(merchant, reference);
        if (existing.isPresent()) {
            return new LoanResult.Existing(views.view(existing.get()));
        }
        Optional<Programme> found = programmeId == null ? Optional.empty() : store.programme(programmeId);
        if (found.isEmpty()) {
            return new LoanResult.NotFound("programme");
        }
        Programme p = found.get();
        if ((p.product() == Product.IMPORT_CREDIT) != (invoice != null)) {
            // the advance of an import credit goes to the supplier named with the application, never to the seller
            return new LoanResult.Invalid("programmeId", invoice == null
                    ? "an import credit programme: apply with the supplier's account and invoice"
                    : "not an import credit programme");
        }
        if (principal <= 0) {
            return new LoanResult.Invalid("principal", "must be positive");
        }
        Optional<CreditStanding.Standing> known = standing.of(merchant);
        String grade = known.map(CreditStanding.Standing::grade).orElse(CreditStanding.UNRATED);
        long limit = p.limitsByGrade().getOrDefault(grade, 0L);
        long exposure = exposure(merchant, p.id());
        if (exposure + principal > limit) {
            return new LoanResult.OverLimit(Math.max(0, limit - exposure));
        }
        if (p.product() == Product.RECEIVABLES_ADVANCE) {
            Optional<LoanResult> over = overAdvance(merchant, p.currency(), p.advanceRateBasisPoints(), principal, null);
            if (over.isPresent()) {
                return over.get();
            }
        }
        Contracts.Terms terms = terms(p, principal, today());
        Contracts.Contract contract = Contracts.of(terms);
        if (contract.cost().exceeds(aprCap)) {
            return new LoanResult.RateCapExceeded(contract.cost().apr(), aprCap);
        }
        Optional<KybApplication> kyb = onboarding.ofParty(merchant);
        PartyScreening.Outcome screened = screening.screen(new PartyScreening.Subject(merchant, party.get().legalName(),
                party.get().legalNameOriginal(), party.get().country(), kyb.map(KybApplication::owners).orElse(List.of())));
        Optional<Underwriting.Supplier> supplier = Optional.ofNullable(invoice).map(i -> new Underwriting.Supplier(
                bankAccounts.find(i.bankAccountId()).filter(a -> a.partyId().equals(merchant)), party.get().legalName(),
                p.currency()));
        Underwriting.Decision decision = Underwriting.decide(new Underwriting.Case(party.get(), kyb, screened,
                listing.check(merchant), known, principal, limit, exposure, contract.monthlyPayment(),
                sales.monthlyAverage(accounts.merchantAvailable(merchant, p.currency()),
                        FinancingAccounts.merchantPendingId(merchant, p.currency()), clock.instant())), supplier);
        LoanRow row = new LoanRow(LoanId.next(clock), p.id(), merchant, p.lenderId(), reference, p.product(), p.currency(),
                principal, p.annualRate(), p.months(), p.method(), p.dayCount(), terms.upfrontFee(), terms.fixedFee(),
                p.holdbackBasisPoints(), Contracts.basisPoints(principal + terms.fixedFee(), p.minPaymentBasisPoints()),
                p.periodDays(), p.penaltyRate(), p.servicingFeeBasisPoints(), contract.cost().apr(),
                contract.cost().effectiveRate(), grade, decision.state(), decision.text(), null, null, 0,
                org.finbridge.financing.LoanClass.NORMAL, "OK", null, clock.instant(), null);
        tx.executeWithoutResult(s -> {
            store.insert(row, clock.instant());
            if (invoice != null) {
                store.insert(new LoanStore.SupplierPaymentRow(row.id(), invoice.bankAccountId(), invoice.invoiceReference(), null,
                        null), clock.instant());
            }
            audit.record(null, "financing.loan.applied", "loan", row.id().toString(), null,
                    "{\"principal\":" + principal + ",\"programme\":\"" + p.id() + "\"" + (invoice == null ? ""
                            : ",\"supplierBankAccountId\":\"" + json(invoice.bankAccountId()) + "\",\"invoiceReference\":\""
                            + json(invoice.invoiceReference()) + "\"") + "}");
            audit.record("system", "financing.loan.underwritten", "loan", row.id().toString(), "{\"state\":\"APPLIED\"}",
                    "{\"state\":\"" + decision.state() + "\"}");
        });
        return new LoanResult.Done(views.view(store.find(row.id()).orElseThrow()));
    }

    private Contracts.Terms terms(Programme p, long principal, LocalDate start) {
        return terms(p.product(), p.currency(), principal, p.annualRate(), p.months(), p.method(), p.dayCount(),
                p.upfrontFeeBasisPoints(), p.fixedFeeBasisPoints(), start);
    }

    private static Contracts.Terms terms(Product product, String currency, long principal, BigDecimal rate, int months,
                                         AmortizationMethod method, DayCount dayCount, int upfrontBps, int fixedBps,
                                         LocalDate start) {
        long amount = Math.max(1, principal);
        BigDecimal r = product.amortizes() ? rate : BigDecimal.ZERO;
        return new Contracts.Terms(product, new ScheduleTerms(Money.ofMinor(amount, currency), r, months, method, dayCount, start),
                Contracts.basisPoints(amount, upfrontBps), product == Product.REVENUE_BASED ? Contracts.basisPoints(amount, fixedBps) : 0);
    }

    @Override
    public LoanResult decide(Actor actor, LoanId id, boolean approve, String reason) {
        if (!mayReview(actor)) {
            return new LoanResult.NotFound("loan");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return new LoanResult.Invalid("reason", "1 to 500 characters");
        }
        return tx.execute(s -> {
            Optional<LoanRow> locked = store.lock(id).filter(l -> actor.isOperator() || l.lenderId().equals(actor.partyId()));
            if (locked.isEmpty()) {
                return new LoanResult.NotFound("loan");
            }
            LoanRow l = locked.get();
            LoanState next = approve ? LoanState.APPROVED : LoanState.DECLINED;
            if (l.state() != LoanState.REFERRED) {
                return new LoanResult.IllegalState(l.state(), approve ? "approve" : "decline");
            }
            store.setState(id, next, l.decision() + "; REVIEW=" + (approve ? "APPROVE: " : "DECLINE: ") + reason, clock.instant());
            audit.record(null, "financing.loan.reviewed", "loan", id.toString(), "{\"state\":\"REFERRED\"}",
                    "{\"state\":\"" + next + "\"}");
            return new LoanResult.Done(views.view(store.find(id).orElseThrow()));
        });
    }

    /** The platform's credit reviewers, and lenders for their own programmes' applications. */
    private static boolean mayReview(Actor actor) {
        return actor.isOperator() || (actor.partyKind() == PartyKind.LENDER && actor.has(ApiScope.LOANS_REVIEW));
    }

    @Override
    public LoanResult accept(Actor actor, LoanId id) {
        if (store.find(id).filter(l -> actor.mayAccess(l.merchantId())).isEmpty()) {
            return new LoanResult.NotFound("loan");
        }
        views.prepare(id);
        store.find(id).ifPresent(l -> store.programmeGuarantee(l.programmeId())
                .ifPresent(pg -> accounts.openForGuarantor(id, pg.guarantor(), l.currency())));
        // an import credit's advance leaves through the payouts path inside the acceptance's transaction
        store.find(id).filter(l -> l.product() == Product.IMPORT_CREDIT).ifPresent(l -> payouts.prepare(l.currency()));
        return tx.execute(s -> {
            Optional<LoanRow> locked = store.lock(id).filter(l -> actor.mayAccess(l.merchantId()));
            if (locked.isEmpty()) {
                return new LoanResult.NotFound("loan");
            }
            LoanRow l = locked.get();
            if (l.state() == LoanState.ACTIVE || l.state() == LoanState.CLOSED || l.state() == LoanState.DEFAULTED) {
                return new LoanResult.Existing(views.view(l));
            }
            if (l.state() != LoanState.APPROVED) {
                return new LoanResult.IllegalState(l.state(), "accept");
            }
            // a programme's guarantee covers each of its loans from acceptance, within the guarantor's limit
            Optional<LoanStore.ProgrammeGuarantee> pg = store.guarantee(id).isPresent() ? Optional.empty()
                    : store.programmeGuarantee(l.programmeId());
            if (pg.isPresent()) {
                Optional<LoanStore.GuarantorRow> gt = store.lockGuarantor(pg.get().guarantor(), l.currency());
                Optional<LoanResult> refused = gt.flatMap(t -> guarantees.give(l, t, pg.get().coverageBps()));
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            LoanResult r = disburse(actor, l);
            if (!(r instanceof LoanResult.Done) && pg.isPresent() && store.guarantee(id).isPresent()) {
                // the guarantee was given for this acceptance only: the loan was not disbursed, so it covers nothing
                // and must not hold the guarantor's limit (nor keep terms the programme may restate before the next try)
                store.deleteGuarantee(id);
                store.disclosed(id, l.apr(), l.effectiveRate(), clock.instant());
                audit.record(null, "financing.guarantee.released", "loan", id.toString(),
                        "{\"guarantor\":\"" + pg.get().guarantor() + "\"}",
                        "{\"reason\":\"" + r.getClass().getSimpleName() + "\"}");
            }
            return r;
        });
    }

    /**
     * Disburses an approved loan (its row locked by the caller): the checks that may refuse it, the ledger chain, and
     * for an import credit the supplier's payout; then the schedule from today.
     */
    private LoanResult disburse(Actor actor, LoanRow l) {
        LoanId id = l.id();
        LocalDate on = today();
        Contracts.Contract contract = Contracts.of(LoanGuarantees.withGuaranteeFee(views.terms(l, on), store.guarantee(id)));
        if (contract.cost().exceeds(aprCap)) {
            return new LoanResult.RateCapExceeded(contract.cost().apr(), aprCap);
        }
        if (l.product() == Product.RECEIVABLES_ADVANCE) {
            // the receivables may have settled, or been diluted by refunds and chargebacks, since the application
            int rate = store.programme(l.programmeId()).map(Programme::advanceRateBasisPoints).orElse(0);
            Optional<LoanResult> over = overAdvance(l.merchantId(), l.currency(), rate, l.principal(), l.id());
            if (over.isPresent()) {
                return over.get();
            }
        }
        // the programme's security deposit must be held before the money goes out
        long depositRequired = Contracts.basisPoints(l.principal(),
                store.programme(l.programmeId()).map(Programme::depositBasisPoints).orElse(0));
        long depositHeld = store.deposit(id).map(LoanStore.DepositRow::held).orElse(0L);
        if (depositHeld < depositRequired) {
            return new LoanResult.DepositRequired(depositRequired, depositHeld);
        }
        Optional<LoanStore.SupplierPaymentRow> supplier = store.supplierPayment(id);
        if (l.product() == Product.IMPORT_CREDIT) {
            Optional<String> unpayable = supplier.map(x -> unpayable(l, x)).orElse(Optional.of("no supplier named"));
            if (unpayable.isPresent()) {
                return new LoanResult.SupplierPaymentRefused(unpayable.get());
            }
        }
        long upfrontServicing = Contracts.basisPoints(l.upfrontFee(), l.servicingFeeBps());
        AccountId funding = accounts.lender(l.lenderId(), FinancingAccounts.LenderAccount.LENDER_FUNDING, l.currency());
        Optional<LoanStore.GuaranteeRow> guarantee = store.guarantee(id);
        PartyId guarantor = guarantee.map(LoanStore.GuaranteeRow::guarantor).orElse(null);
        long guaranteeFee = guarantee.map(LoanStore.GuaranteeRow::fee).orElse(0L);
        LoanLedger.Outcome o = ledger.disburse(l.id(), l.merchantId(), l.lenderId(), l.currency(), l.principal(),
                l.upfrontFee(), upfrontServicing, l.fixedFee(), guarantor, guaranteeFee);
        if (o instanceof LoanLedger.Refused r) {
            if (r.result() == org.finbridge.ledger.TransferResult.EXCEEDS_CREDITS) {
                return new LoanResult.InsufficientFunding(accounts.creditBalance(funding));
            }
            throw new IllegalStateException("the ledger refused the disbursement of " + id + ": " + r);
        }
        if (l.product() == Product.IMPORT_CREDIT) {
            // the advance goes straight on to the supplier, through the payouts path (rails, screening of the
            // beneficiary, bank files); the payout's id derives from the loan, so a retried acceptance finds it
            PayoutResult paid = payouts.create(actor, new NewPayout(l.merchantId(), l.principal(), l.currency(),
                    supplier.orElseThrow().bankAccountId(), null, "import-credit:" + id));
            java.util.UUID payout = switch (paid) {
                case PayoutResult.Done d -> d.payout().id().value();
                case PayoutResult.Existing e -> e.payout().id().value();
                default -> null;
            };
            if (payout == null) {
                // the seller must not keep cash lent for its supplier: the advance is taken back and the contract
                // cancelled (a new application names a supplier the payouts path can pay)
                LoanLedger.Outcome back = ledger.reverseDisbursement(l.id(), l.merchantId(), l.lenderId(), l.currency(),
                        l.principal(), l.upfrontFee(), upfrontServicing, l.fixedFee(), guarantor, guaranteeFee);
                if (back instanceof LoanLedger.Refused r) {
                    throw new IllegalStateException("the ledger refused to take back the advance of " + id + ": " + r);
                }
                String reason = paid.toString().length() > 200 ? paid.toString().substring(0, 200) : paid.toString();
                String decision = l.decision() + "; SUPPLIER_PAYMENT=REFUSED: " + reason;
                store.setState(id, LoanState.DECLINED, decision.length() > 2000 ? decision.substring(0, 2000) : decision,
                        clock.instant());
                // a deposit lodged for the contract goes back: there is no loan left for it to secure
                Optional<LoanStore.DepositRow> deposit = store.deposit(id).filter(x -> "HELD".equals(x.state()));
                if (deposit.isPresent()) {
                    if (ledger.releaseDeposit(id, l.merchantId(), l.currency(), deposit.get().held())
                            instanceof LoanLedger.Refused refused) {
                        throw new IllegalStateException("the ledger refused the deposit's release for " + id + ": " + refused);
                    }
                    store.depositSettled(id, 0, deposit.get().held(), "RELEASED", on);
                }
                audit.record(null, "financing.loan.supplier.refused", "loan", id.toString(), "{\"state\":\"APPROVED\"}",
                        "{\"state\":\"DECLINED\",\"payout\":\"" + json(paid.getClass().getSimpleName()) + "\"}");
                return new LoanResult.SupplierPaymentRefused(reason);
            }
            store.supplierPaid(id, payout, on);
            audit.record(null, "financing.loan.supplier.paid", "loan", id.toString(), null,
                    "{\"payout\":\"" + payout + "\",\"amount\":" + l.principal() + ",\"bankAccountId\":\""
                            + json(supplier.get().bankAccountId()) + "\",\"invoiceReference\":\""
                            + json(supplier.get().invoiceReference()) + "\"}");
        }
        store.insertSchedule(l.id(), contract.rows());
        store.disbursed(l.id(), on, clock.instant());
        startSweepAfterNow(l);
        audit.record(null, "financing.loan.disbursed", "loan", id.toString(), "{\"state\":\"APPROVED\"}",
                "{\"state\":\"ACTIVE\",\"principal\":" + l.principal() + ",\"apr\":" + contract.cost().apr().toPlainString() + "}");
        events.publishEvent(new LoanEvents.Disbursed(l.id(), l.merchantId(), l.lenderId(), on, l.currency(), l.principal(),
                l.principal() - l.upfrontFee()));
        return new LoanResult.Done(views.view(store.find(id).orElseThrow()));
    }

    /**
     * Why the payouts path could not pay an import credit's supplier now, checked before anything moves: the account
     * must still be the seller's, verified and in the loan's currency, and the seller not suspended.
     */
    private Optional<String> unpayable(LoanRow l, LoanStore.SupplierPaymentRow supplier) {
        Optional<org.finbridge.party.BankAccount> account = bankAccounts.find(supplier.bankAccountId())
                .filter(a -> a.partyId().equals(l.merchantId()));
        if (account.isEmpty()) {
            return Optional.of("the supplier's bank account is gone");
        }
        if (account.get().status() != org.finbridge.party.BankAccount.Status.VERIFIED) {
            return Optional.of("the supplier's bank account is " + account.get().status());
        }
        if (!account.get().currency().equals(l.currency())) {
            return Optional.of("the supplier's bank account is in " + account.get().currency());
        }
        if (parties.find(l.merchantId()).filter(p -> p.status() == org.finbridge.party.PartyStatus.SUSPENDED).isPresent()) {
            return Optional.of("the seller is suspended");
        }
        return Optional.empty();
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", " ");
    }

    /** The sweep takes a share of settlements after the advance only: its cursor starts at the account's end. */
    private void startSweepAfterNow(LoanRow l) {
        if (l.holdbackBps() == 0) {
            return;
        }
        AccountId account = accounts.merchantAvailable(l.merchantId(), l.currency());
        if (store.sweepCursor(account.value()).isEmpty()) {
            String end = sales.after(account, null, Integer.MAX_VALUE).cursor();
            store.sweepCursor(account.value(), end == null ? "0" : end, clock.instant());
        }
    }

    @Override
    public LoanResult repay(Actor actor, LoanId id, long amount, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 60) {
            return new LoanResult.Invalid("reference", "1 to 60 characters (the Idempotency-Key)");
        }
        return collect(id, actor, amount, "MANUAL", "manual:" + reference);
    }

    private LoanResult collect(LoanId id, Actor actor, long amount, String source, String reference) {
        // another party's loan answers before anything is opened or written
        if (store.find(id).filter(l -> actor == null || actor.mayAccess(l.merchantId())).isEmpty()) {
            return new LoanResult.NotFound("loan");
        }
        views.prepare(id);
        return tx.execute(s -> {
            Optional<LoanRow> locked = store.lock(id).filter(l -> actor == null || actor.mayAccess(l.merchantId()));
            if (locked.isEmpty()) {
                return new LoanResult.NotFound("loan");
            }
            LoanRow l = locked.get();
            if (store.repayment(id, reference).isPresent()) {
                return new LoanResult.Existing(views.view(l));
            }
            if (!l.state().isServiced()) {
                return new LoanResult.IllegalState(l.state(), "repay");
            }
            LocalDate on = today();
            servicing.accrueTo(l, on);
            LoanRow current = store.find(id).orElseThrow();
            Supplier<Loan> view = () -> views.view(store.find(id).orElseThrow());
            LoanResult r = servicing.collect(current, amount, source, reference, on, view);
            // a refusal wrote nothing; the accrual it brought up to date stays (the ledger holds it)
            if (r instanceof LoanResult.Done) {
                store.find(id).filter(x -> x.state().isServiced()).ifPresent(x -> servicing.assess(x, on));
            }
            return r;
        });
    }

    // ---- reads

    @Override
    public Optional<Loan> loan(Actor actor, LoanId id) {
        return store.find(id).filter(l -> actor.mayAccess(l.merchantId()) || actor.partyId().equals(l.lenderId())
                        || store.guarantee(id).filter(g -> g.guarantor().equals(actor.partyId())).isPresent())
                .map(views::view);
    }

    @Override
    public java.util.Map<LoanState, Long> countsByState() {
        return store.countsByState();
    }

    @Override
    public List<Loan> loans(Actor actor, int limit) {
        int n = Math.max(1, Math.min(limit, 500));
        List<LoanRow> rows = actor.isOperator() ? store.recent(n)
                : actor.partyKind() == PartyKind.LENDER ? store.ofLender(actor.partyId()) : store.ofMerchant(actor.partyId());
        return rows.stream().sorted(Comparator.comparing(LoanRow::createdAt).reversed()).limit(n).map(views::view).toList();
    }

    // ---- security deposits, guarantees and restructuring: each its own service

    @Override
    public LoanResult lodgeDeposit(Actor actor, LoanId loan, long amount, String reference) {
        return deposits.lodgeDeposit(actor, loan, amount, reference);
    }

    @Override
    public LoanResult withdrawDeposit(Actor actor, LoanId loan) {
        return deposits.withdrawDeposit(actor, loan);
    }

    @Override
    public LoanResult offerGuarantees(Actor actor, String currency, long exposureLimit, int feeBasisPoints) {
        return guarantees.offerGuarantees(actor, currency, exposureLimit, feeBasisPoints);
    }

    @Override
    public LoanResult guarantee(Actor actor, LoanId loan, PartyId guarantor, int coverageBasisPoints) {
        return guarantees.guarantee(actor, loan, guarantor, coverageBasisPoints);
    }

    @Override
    public ProgrammeResult guaranteeProgramme(Actor actor, ProgrammeId programme, PartyId guarantor, int coverageBasisPoints) {
        return guarantees.guaranteeProgramme(actor, programme, guarantor, coverageBasisPoints);
    }

    @Override
    public Optional<GuarantorBook> guarantees(Actor actor, PartyId guarantor, String currency) {
        return guarantees.guarantees(actor, guarantor, currency);
    }

    @Override
    public RestructuringResult proposeRestructuring(Actor actor, LoanId loan, int extendMonths, String reason, String reference) {
        return restructurings.proposeRestructuring(actor, loan, extendMonths, reason, reference);
    }

    @Override
    public RestructuringResult decideRestructuring(Actor actor, LoanId loan, boolean approve, String reason) {
        return restructurings.decideRestructuring(actor, loan, approve, reason);
    }

    @Override
    public Optional<List<Restructuring>> restructurings(Actor actor, LoanId loan) {
        return restructurings.restructurings(actor, loan);
    }

    // ---- servicing

    @Override
    public ServicingReport service(LocalDate date) {
        int accrued = 0;
        long interest = 0;
        long penalty = 0;
        int overdue = 0;
        int reclassified = 0;
        int defaulted = 0;
        List<LoanId> before = store.serviced();
        for (LoanId id : before) {
            try {
                views.prepare(id);
                Servicing.Accrued a = tx.execute(s -> store.lock(id).filter(l -> l.state().isServiced())
                        .map(l -> servicing.accrueTo(l, date)).orElse(new Servicing.Accrued(0, 0)));
                if (a.interest() + a.penalty() > 0) {
                    accrued++;
                    interest += a.interest();
                    penalty += a.penalty();
                }
            } catch (RuntimeException e) {
                // one loan's trouble must not stop the others' servicing; it is retried on the next run
                log.warn("servicing of {} on {} deferred: {}", id, date, e.getMessage());
            }
        }
        long[] swept = sweep(date);
        for (LoanId id : store.serviced()) {
            try {
                debitDue(id, date);
                Servicing.Status st = tx.execute(s -> store.lock(id).filter(l -> l.state().isServiced())
                        .map(l -> servicing.assess(l, date)).orElse(new Servicing.Status(false, false, false)));
                overdue += st.overdue() ? 1 : 0;
                reclassified += st.reclassified() ? 1 : 0;
                defaulted += st.defaulted() ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("servicing of {} on {} deferred: {}", id, date, e.getMessage());
            }
        }
        int closed = (int) before.stream().filter(id -> store.find(id).filter(l -> l.state() == LoanState.CLOSED).isPresent())
                .count();
        long provisioned = 0;
        for (LoanId id : provisioned(before)) {
            try {
                views.prepare(id);
                provisioned += tx.execute(s -> store.lock(id).map(l -> provisioning.provision(l, date.toString())).orElse(0L));
            } catch (RuntimeException e) {
                log.warn("provisioning of {} on {} deferred: {}", id, date, e.getMessage());
            }
        }
        return new ServicingReport(date, accrued, interest, penalty, (int) swept[0], swept[1], overdue, reclassified, defaulted, closed,
                provisioned);
    }

    /**
     * The loans whose allowance the run brings up to date: those serviced, and those closed since the last run
     * (repaid between runs) whose allowance is released.
     */
    private List<LoanId> provisioned(List<LoanId> serviced) {
        List<LoanId> ids = new ArrayList<>(serviced);
        for (LoanId id : store.provisionedAndClosed()) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The scheduled debit: on and after a due date, what has fallen due is taken from the merchant's
     * available balance (as much as there is), once a day.
     */
    private void debitDue(LoanId id, LocalDate date) {
        Optional<LoanRow> l = store.find(id).filter(x -> x.state().isServiced());
        if (l.isEmpty()) {
            return;
        }
        long due = servicing.collectibleNow(l.get(), date);
        long available = accounts.creditBalance(accounts.merchantAvailable(l.get().merchantId(), l.get().currency()));
        long take = Math.min(due, available);
        if (take > 0) {
            collect(id, null, take, "DEBIT", "debit:" + date);
        }
    }

    /**
     * The sweep from settlements. Settlement's run nets each loan's take from the seller's releases
     * ({@link NettedSweeps}): here those takes are applied to the loans, once each. The reserve a run gives back
     * ({@code SETTLEMENT_RESERVE_RELEASE}) is not offered to that netting, so each new one is still swept here from the
     * seller's available balance, by the same plan ({@link Sweep#plan}: loans in {@link NettedSweeps#PRIORITY} order,
     * each taking at most its holdback share of the settlement and what it may collect now). Releases
     * ({@code SETTLEMENT_RELEASE}) are never swept here: they are already net of the takes, and sweeping them again
     * would collect the loan twice.
     */
    private long[] sweep(LocalDate date) {
        NettedSweeps.Applied applied = netted.apply(date);
        int sweeps = applied.repayments();
        long swept = applied.amount();
        Map<String, List<LoanRow>> byAccount = new java.util.LinkedHashMap<>();
        for (LoanId id : store.serviced()) {
            store.find(id).filter(l -> l.holdbackBps() > 0).ifPresent(l ->
                    byAccount.computeIfAbsent(l.merchantId() + ":" + l.currency(), k -> new ArrayList<>()).add(l));
        }
        for (List<LoanRow> loans : byAccount.values()) {
            try {
                long[] done = sweep(loans, date);
                sweeps += (int) done[0];
                swept += done[1];
            } catch (RuntimeException e) {
                log.warn("sweep of {} on {} deferred: {}", loans.getFirst().merchantId(), date, e.getMessage());
            }
        }
        return new long[] {sweeps, swept};
    }

    private long[] sweep(List<LoanRow> loans, LocalDate date) {
        int sweeps = 0;
        long swept = 0;
        LoanRow first = loans.getFirst();
        AccountId account = accounts.merchantAvailable(first.merchantId(), first.currency());
        String cursor = store.sweepCursor(account.value()).orElse(null);
        SettledSales.Batch batch = sales.after(account, cursor, 10_000);
        for (SettledSales.Movement m : batch.movements()) {
            if (m.amount() <= 0 || !SettledSales.RESERVE_RELEASE.equals(m.code())) {
                continue;
            }
            LocalDate settledOn = m.at().atZone(zone).toLocalDate();
            List<Sweep.Claim> claims = new ArrayList<>();
            List<LoanRow> current = loans.stream().map(l -> store.find(l.id()).orElseThrow())
                    .filter(l -> l.state().isServiced() && !l.disbursedOn().isAfter(settledOn))
                    .sorted(NettedSweeps.PRIORITY).toList();
            for (LoanRow l : current) {
                claims.add(new Sweep.Claim(l.id(), servicing.sweepable(l, date), l.holdbackBps()));
            }
            long available = accounts.creditBalance(account);
            for (Sweep.Take take : Sweep.plan(m.amount(), available, claims)) {
                LoanResult r = collect(take.loan(), null, take.amount(), "SWEEP", "sweep:" + m.transferId());
                if (r instanceof LoanResult.Done) {
                    sweeps++;
                    swept += take.amount();
                }
            }
        }
        if (batch.cursor() != null) {
            tx.executeWithoutResult(s -> store.sweepCursor(account.value(), batch.cursor(), clock.instant()));
        }
        return new long[] {sweeps, swept};
    }

    // ---- portfolio

    @Override
    public Optional<Portfolio> portfolio(Actor actor, PartyId lender, String currency) {
        if (!actor.mayAccess(lender) || parties.find(lender).filter(p -> p.kind() == PartyKind.LENDER).isEmpty()) {
            return Optional.empty();
        }
        String ccy = LoanViews.currencyCode(currency).orElse(null);
        if (ccy == null) {
            return Optional.empty();
        }
        return Optional.of(Portfolios.of(lender, ccy, store.ofLender(lender).stream().filter(l -> l.currency().equals(ccy))
                        .filter(l -> l.disbursedOn() != null).toList(), store, servicing,
                accounts.creditBalance(accounts.lender(lender, FinancingAccounts.LenderAccount.LENDER_FUNDING, ccy)), today(),
                provisioning));
    }
}
