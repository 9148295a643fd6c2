package org.finbridge.financing.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.DayCount;
import org.finbridge.financing.Financing;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.NewProgramme;
import org.finbridge.financing.Offer;
import org.finbridge.financing.Portfolio;
import org.finbridge.financing.Product;
import org.finbridge.financing.ProgrammeId;
import org.finbridge.financing.ProgrammeResult;
import org.finbridge.financing.RestructuringResult;
import org.finbridge.money.Money;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Financing over HTTP. Lenders publish programmes and read their loans and portfolio; merchants read
 * their offers, apply (the Idempotency-Key is the application's reference), accept the contract and
 * repay; the platform's credit reviewers decide referred applications and finance funds lenders.
 * Another party's loan, offers or portfolio answer 404 like a nonexistent one.
 */
@RestController
class FinancingController {

    private static final String BASE = "/api/v1/financing";

    private final Financing financing;

    FinancingController(Financing financing) {
        this.financing = financing;
    }

    record ProgrammeBody(String name, String product, String currency, BigDecimal annualRate, Integer months, String method,
                         String dayCount, Integer upfrontFeeBasisPoints, Integer fixedFeeBasisPoints,
                         Integer holdbackBasisPoints, Integer minPaymentBasisPoints, Integer periodDays, BigDecimal penaltyRate,
                         Integer servicingFeeBasisPoints, Map<String, Long> limitsByGrade, Integer advanceRateBasisPoints,
                         Integer depositBasisPoints) {
    }

    record FundingBody(Long amount, String currency, String reference) {
    }

    /** @param merchantId only for operators applying on a merchant's behalf */
    record ApplicationBody(String merchantId, String programmeId, Long principal) {
    }

    /** @param merchantId only for operators applying on a merchant's behalf */
    record ImportCreditBody(String merchantId, String programmeId, Long principal, String supplierBankAccountId,
                            String invoiceReference) {
    }

    record DecisionBody(String decision, String reason) {
    }

    record RepaymentBody(Long amount) {
    }

    record RestructuringBody(Integer extendMonths, String reason) {
    }

    record GuarantorTermsBody(String currency, Long exposureLimit, Integer feeBasisPoints) {
    }

    record GuaranteeBody(String guarantorId, Integer coverageBasisPoints) {
    }

    @PostMapping(BASE + "/programmes")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.LENDER)
    ResponseEntity<?> publish(Actor actor, @RequestBody ProgrammeBody b) {
        NewProgramme p;
        try {
            p = new NewProgramme(b.name(), Product.valueOf(upper(b.product())), b.currency(), b.annualRate(), or(b.months(), 0),
                    b.method() == null ? AmortizationMethod.EQUAL_INSTALLMENT : AmortizationMethod.ofCode(b.method()),
                    b.dayCount() == null ? DayCount.MONTHLY : DayCount.ofCode(b.dayCount()), or(b.upfrontFeeBasisPoints(), 0),
                    or(b.fixedFeeBasisPoints(), 0), or(b.holdbackBasisPoints(), 0), or(b.minPaymentBasisPoints(), 0),
                    or(b.periodDays(), 30), b.penaltyRate() == null ? BigDecimal.ZERO : b.penaltyRate(),
                    or(b.servicingFeeBasisPoints(), 0), b.limitsByGrade() == null ? Map.of() : b.limitsByGrade(),
                    or(b.advanceRateBasisPoints(), 0), or(b.depositBasisPoints(), 0));
        } catch (IllegalArgumentException | NullPointerException e) {
            return invalid("product", "TERM_LOAN, REVENUE_BASED, RECEIVABLES_ADVANCE or IMPORT_CREDIT, a known method and day count");
        }
        return switch (financing.publish(actor, p)) {
            case ProgrammeResult.Published pub -> ResponseEntity.created(URI.create(BASE + "/programmes/" + pub.programme().id()))
                    .body(Views.ProgrammeView.of(pub.programme()));
            case ProgrammeResult.Invalid i -> invalid(i.field(), i.reason());
            case ProgrammeResult.RateCapExceeded c -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "RATE_CAP_EXCEEDED",
                    "the full annual cost " + c.apr().toPlainString() + " exceeds the cap " + c.cap().toPlainString());
        };
    }

    @GetMapping(BASE + "/programmes")
    @Access(value = ApiScope.LOANS_READ, kinds = PartyKind.LENDER)
    List<Views.ProgrammeView> programmes(Actor actor) {
        return financing.programmes(actor).stream().map(Views.ProgrammeView::of).toList();
    }

    @PostMapping(BASE + "/lenders/{partyId}/funding")
    @Access(value = ApiScope.LOANS_WRITE, operatorOnly = true)
    ResponseEntity<?> fund(Actor actor, @PathVariable String partyId, @RequestBody FundingBody b) {
        Optional<PartyId> lender = party(partyId);
        if (lender.isEmpty()) {
            return notFound("lender");
        }
        Money amount;
        try {
            amount = Money.ofMinor(b.amount() == null ? 0 : b.amount(), b.currency());
        } catch (RuntimeException e) {
            return invalid("currency", "an ISO 4217 currency");
        }
        return answer(financing.fundLender(actor, lender.get(), amount, b.reference()), HttpStatus.OK);
    }

    @GetMapping(BASE + "/parties/{partyId}/offers")
    @Access(value = ApiScope.LOANS_READ, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> offers(Actor actor, @PathVariable String partyId) {
        Optional<List<Offer>> offers = party(partyId).flatMap(p -> financing.offers(actor, p));
        return offers.<ResponseEntity<?>>map(o -> ResponseEntity.ok(o.stream().map(Views.OfferView::of).toList()))
                .orElseGet(() -> notFound("merchant"));
    }

    @GetMapping(BASE + "/parties/{partyId}/borrowing-base")
    @Access(value = ApiScope.LOANS_READ, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> borrowingBase(Actor actor, @PathVariable String partyId, @RequestParam(defaultValue = "CNY") String currency) {
        if (!currency.matches("[A-Za-z]{3}") || !isCurrency(currency)) {
            return invalid("currency", "an ISO 4217 currency");
        }
        return party(partyId).flatMap(p -> financing.borrowingBase(actor, p, currency))
                .<ResponseEntity<?>>map(b -> ResponseEntity.ok(Views.BorrowingBaseView.of(b))).orElseGet(() -> notFound("merchant"));
    }

    /** The merchant applying: the caller itself, or the one an operator names in the body. */
    private Optional<PartyId> applicant(Actor actor, String merchantId) {
        return actor.isOperator() ? party(merchantId) : Optional.of(actor.partyId());
    }

    @PostMapping(BASE + "/loans")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> apply(Actor actor, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                            @RequestBody ApplicationBody b) {
        PartyId merchant = applicant(actor, b.merchantId()).orElse(null);
        if (merchant == null) {
            return invalid("merchantId", "the merchant applying");
        }
        Optional<ProgrammeId> programme = Optional.empty();
        try {
            programme = Optional.of(ProgrammeId.parse(b.programmeId()));
        } catch (RuntimeException e) {
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_PROGRAMME", "no such programme");
        }
        LoanResult r = financing.apply(actor, merchant, programme.get(), b.principal() == null ? 0 : b.principal(), key);
        if (r instanceof LoanResult.NotFound nf) {
            // the programme (and an operator's merchant) are named in the body, not the path: 422 for unknown and
            // another's alike
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_" + nf.what().toUpperCase(Locale.ROOT),
                    "no such " + nf.what());
        }
        return answer(r, HttpStatus.CREATED);
    }

    /**
     * Applies for import / supplier credit: the advance is paid to the supplier's bank account (one of the seller's
     * payout accounts, approved by an operator as the supplier's) against the supplier's invoice. The programme and the
     * account are named in the body: unknown and another's alike answer 422.
     */
    @PostMapping(BASE + "/loans/import-credits")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> applyForImport(Actor actor, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                     @RequestBody ImportCreditBody b) {
        PartyId merchant = applicant(actor, b.merchantId()).orElse(null);
        if (merchant == null) {
            return invalid("merchantId", "the merchant applying");
        }
        ProgrammeId programme;
        try {
            programme = ProgrammeId.parse(b.programmeId());
        } catch (RuntimeException e) {
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_PROGRAMME", "no such programme");
        }
        LoanResult r = financing.applyForImport(actor, merchant, programme, b.principal() == null ? 0 : b.principal(), key,
                b.supplierBankAccountId(), b.invoiceReference());
        if (r instanceof LoanResult.NotFound nf) {
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_" + nf.what().toUpperCase(Locale.ROOT),
                    "no such " + nf.what());
        }
        return answer(r, HttpStatus.CREATED);
    }

    @GetMapping(BASE + "/loans")
    @Access(value = ApiScope.LOANS_READ, kinds = {PartyKind.MERCHANT, PartyKind.LENDER})
    List<Views.LoanView> loans(Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return financing.loans(actor, limit).stream().map(Views.LoanView::of).toList();
    }

    @GetMapping(BASE + "/loans/{id}")
    @Access(value = ApiScope.LOANS_READ, kinds = {PartyKind.MERCHANT, PartyKind.LENDER})
    ResponseEntity<?> loan(Actor actor, @PathVariable String id) {
        return loanId(id).flatMap(l -> financing.loan(actor, l)).<ResponseEntity<?>>map(l -> ResponseEntity.ok(Views.LoanView.of(l)))
                .orElseGet(() -> notFound("loan"));
    }

    @PostMapping(BASE + "/loans/{id}/decision")
    @Access(value = ApiScope.LOANS_REVIEW, kinds = PartyKind.LENDER)
    ResponseEntity<?> decide(Actor actor, @PathVariable String id, @RequestBody DecisionBody b) {
        Optional<LoanId> loan = loanId(id);
        if (loan.isEmpty()) {
            return notFound("loan");
        }
        String d = upper(b.decision());
        if (!"APPROVE".equals(d) && !"DECLINE".equals(d)) {
            return invalid("decision", "APPROVE or DECLINE");
        }
        return answer(financing.decide(actor, loan.get(), "APPROVE".equals(d), b.reason()), HttpStatus.OK);
    }

    @PostMapping(BASE + "/loans/{id}/accept")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> accept(Actor actor, @PathVariable String id) {
        return loanId(id).<ResponseEntity<?>>map(l -> answer(financing.accept(actor, l), HttpStatus.OK)).orElseGet(() -> notFound("loan"));
    }

    @PostMapping(BASE + "/loans/{id}/repayments")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> repay(Actor actor, @PathVariable String id, @RequestHeader(name = "Idempotency-Key", required = false) String key,
                            @RequestBody RepaymentBody b) {
        return loanId(id).<ResponseEntity<?>>map(l -> answer(financing.repay(actor, l, b.amount() == null ? 0 : b.amount(), key), HttpStatus.OK))
                .orElseGet(() -> notFound("loan"));
    }

    @PostMapping(BASE + "/loans/{id}/deposit")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> lodgeDeposit(Actor actor, @PathVariable String id,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @RequestBody RepaymentBody b) {
        return loanId(id).<ResponseEntity<?>>map(l -> answer(financing.lodgeDeposit(actor, l, b.amount() == null ? 0 : b.amount(),
                        key), HttpStatus.CREATED))
                .orElseGet(() -> notFound("loan"));
    }

    @PostMapping(BASE + "/guarantees/terms")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.GUARANTOR)
    ResponseEntity<?> offerGuarantees(Actor actor, @RequestBody GuarantorTermsBody b) {
        if (b.exposureLimit() == null || b.feeBasisPoints() == null) {
            return invalid("exposureLimit", "exposureLimit and feeBasisPoints are required");
        }
        return answer(financing.offerGuarantees(actor, b.currency() == null ? "" : b.currency().toUpperCase(Locale.ROOT),
                b.exposureLimit(), b.feeBasisPoints()), HttpStatus.OK);
    }

    @GetMapping(BASE + "/guarantors/{partyId}/guarantees")
    @Access(value = ApiScope.LOANS_READ, kinds = PartyKind.GUARANTOR)
    ResponseEntity<?> guarantees(Actor actor, @PathVariable String partyId, @RequestParam(defaultValue = "CNY") String currency) {
        return party(partyId).flatMap(g -> financing.guarantees(actor, g, currency.toUpperCase(Locale.ROOT)))
                .<ResponseEntity<?>>map(b -> ResponseEntity.ok(Views.GuarantorBookView.of(b))).orElseGet(() -> notFound("guarantor"));
    }

    @PostMapping(BASE + "/programmes/{id}/guarantee")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.LENDER)
    ResponseEntity<?> guaranteeProgramme(Actor actor, @PathVariable String id, @RequestBody GuaranteeBody b) {
        Optional<ProgrammeId> programme;
        try {
            programme = Optional.of(ProgrammeId.parse(id));
        } catch (RuntimeException e) {
            programme = Optional.empty();
        }
        if (programme.isEmpty()) {
            return notFound("programme");
        }
        Optional<PartyId> guarantor = party(b.guarantorId());
        ProgrammeResult r = financing.guaranteeProgramme(actor, programme.get(), guarantor.orElse(null),
                or(b.coverageBasisPoints(), 0));
        return switch (r) {
            case ProgrammeResult.Published p -> ResponseEntity.ok(Views.ProgrammeView.of(p.programme()));
            case ProgrammeResult.Invalid i when "programme".equals(i.field()) -> notFound("programme");
            case ProgrammeResult.Invalid i when "guarantorId".equals(i.field()) ->
                    Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_GUARANTOR", i.reason());
            case ProgrammeResult.Invalid i -> invalid(i.field(), i.reason());
            case ProgrammeResult.RateCapExceeded c -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "RATE_CAP_EXCEEDED",
                    "the full annual cost " + c.apr().toPlainString() + " exceeds the cap " + c.cap().toPlainString());
        };
    }

    @PostMapping(BASE + "/loans/{id}/guarantee")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.LENDER)
    ResponseEntity<?> guarantee(Actor actor, @PathVariable String id, @RequestBody GuaranteeBody b) {
        Optional<LoanId> loan = loanId(id);
        if (loan.isEmpty()) {
            return notFound("loan");
        }
        Optional<PartyId> guarantor = party(b.guarantorId());
        if (guarantor.isEmpty()) {
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_GUARANTOR", "no such guarantor");
        }
        LoanResult r = financing.guarantee(actor, loan.get(), guarantor.get(), or(b.coverageBasisPoints(), 0));
        if (r instanceof LoanResult.NotFound nf && "guarantor".equals(nf.what())) {
            // named in the body, not the path
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_GUARANTOR", "no such guarantor");
        }
        return answer(r, HttpStatus.OK);
    }

    @PostMapping(BASE + "/loans/{id}/deposit/withdrawal")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> withdrawDeposit(Actor actor, @PathVariable String id) {
        return loanId(id).<ResponseEntity<?>>map(l -> answer(financing.withdrawDeposit(actor, l), HttpStatus.OK))
                .orElseGet(() -> notFound("loan"));
    }

    @PostMapping(BASE + "/loans/{id}/restructurings")
    @Access(value = ApiScope.LOANS_WRITE, kinds = PartyKind.LENDER)
    ResponseEntity<?> proposeRestructuring(Actor actor, @PathVariable String id,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           @RequestBody RestructuringBody b) {
        return loanId(id).<ResponseEntity<?>>map(l -> answer(financing.proposeRestructuring(actor, l,
                        b.extendMonths() == null ? 0 : b.extendMonths(), b.reason(), key), HttpStatus.CREATED))
                .orElseGet(() -> notFound("loan"));
    }

    @GetMapping(BASE + "/loans/{id}/restructurings")
    @Access(value = ApiScope.LOANS_READ, kinds = {PartyKind.MERCHANT, PartyKind.LENDER})
    ResponseEntity<?> restructurings(Actor actor, @PathVariable String id) {
        return loanId(id).flatMap(l -> financing.restructurings(actor, l))
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(r.stream().map(Views.RestructuringView::of).toList()))
                .orElseGet(() -> notFound("loan"));
    }

    @PostMapping(BASE + "/loans/{id}/restructurings/decision")
    @Access(value = ApiScope.LOANS_REVIEW, operatorOnly = true)
    ResponseEntity<?> decideRestructuring(Actor actor, @PathVariable String id, @RequestBody DecisionBody b) {
        Optional<LoanId> loan = loanId(id);
        if (loan.isEmpty()) {
            return notFound("loan");
        }
        String d = upper(b.decision());
        if (!"APPROVE".equals(d) && !"REJECT".equals(d)) {
            return invalid("decision", "APPROVE or REJECT");
        }
        return answer(financing.decideRestructuring(actor, loan.get(), "APPROVE".equals(d), b.reason()), HttpStatus.OK);
    }

    @GetMapping(BASE + "/lenders/{partyId}/portfolio")
    @Access(value = ApiScope.LOANS_READ, kinds = PartyKind.LENDER)
    ResponseEntity<?> portfolio(Actor actor, @PathVariable String partyId, @RequestParam(defaultValue = "CNY") String currency) {
        Optional<Portfolio> p = party(partyId).flatMap(l -> financing.portfolio(actor, l, currency));
        return p.<ResponseEntity<?>>map(x -> ResponseEntity.ok(Views.PortfolioView.of(x))).orElseGet(() -> notFound("lender"));
    }

    private static ResponseEntity<?> answer(LoanResult r, HttpStatus created) {
        return switch (r) {
            case LoanResult.Done d -> d.loan() == null ? ResponseEntity.ok(Map.of("status", "done"))
                    : ResponseEntity.status(created).body(Views.LoanView.of(d.loan()));
            case LoanResult.Existing e -> ResponseEntity.ok(Views.LoanView.of(e.loan()));
            case LoanResult.NotFound nf -> notFound(nf.what());
            case LoanResult.Invalid i -> invalid(i.field(), i.reason());
            case LoanResult.IllegalState s -> Problems.response(HttpStatus.CONFLICT, "ILLEGAL_LOAN_STATE",
                    "a loan " + s.state() + " cannot " + s.action());
            case LoanResult.OverLimit o -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "OVER_LIMIT",
                    "at most " + o.maxPrincipal() + " may be borrowed under this programme");
            case LoanResult.RateCapExceeded c -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "RATE_CAP_EXCEEDED",
                    "the full annual cost " + c.apr().toPlainString() + " exceeds the cap " + c.cap().toPlainString());
            case LoanResult.OverAdvance o -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "OVER_ADVANCE",
                    "at most " + o.maxPrincipal() + " may be advanced against a pending balance of " + o.pendingMinorUnits());
            case LoanResult.InsufficientFunding f -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "INSUFFICIENT_FUNDING",
                    "the lender's funding account holds " + f.availableMinorUnits());
            case LoanResult.InsufficientFunds f -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "INSUFFICIENT_FUNDS",
                    "the available balance is " + f.availableMinorUnits());
            case LoanResult.GuaranteeLimitExceeded g -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "GUARANTEE_LIMIT_EXCEEDED", "the guarantor's exposure limit can take at most " + g.availableMinorUnits()
                            + " more");
            case LoanResult.DepositRequired d -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "DEPOSIT_REQUIRED",
                    "the programme asks for a security deposit of " + d.requiredMinorUnits() + " before disbursement; "
                            + d.heldMinorUnits() + " is held");
            case LoanResult.SupplierPaymentRefused f -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "SUPPLIER_PAYMENT_REFUSED", "the supplier could not be paid, nothing was lent: " + f.reason());
            case LoanResult.DepositHeld d -> Problems.response(HttpStatus.CONFLICT, "DEPOSIT_HELD",
                    "the loan already has a deposit of " + d.deposit().amount() + " lodged under another Idempotency-Key ("
                            + d.deposit().state() + ")");
        };
    }

    private static ResponseEntity<?> answer(RestructuringResult r, HttpStatus created) {
        return switch (r) {
            case RestructuringResult.Done d -> ResponseEntity.status(created).body(new Views.RestructuringAnswer(
                    Views.RestructuringView.of(d.restructuring()), Views.LoanView.of(d.loan())));
            case RestructuringResult.Existing e -> ResponseEntity.ok(new Views.RestructuringAnswer(
                    Views.RestructuringView.of(e.restructuring()), Views.LoanView.of(e.loan())));
            case RestructuringResult.NotFound nf -> notFound(nf.what());
            case RestructuringResult.Invalid i -> invalid(i.field(), i.reason());
            case RestructuringResult.IllegalState s -> Problems.response(HttpStatus.CONFLICT, "ILLEGAL_LOAN_STATE",
                    "a loan " + s.state() + " cannot " + s.action());
            case RestructuringResult.FourEyesRequired f -> Problems.response(HttpStatus.CONFLICT, "FOUR_EYES_REQUIRED",
                    "proposed by " + f.proposer() + ": another reviewer must decide");
        };
    }

    private static Optional<PartyId> party(String text) {
        try {
            return Optional.of(PartyId.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LoanId> loanId(String text) {
        try {
            return Optional.of(LoanId.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isCurrency(String code) {
        try {
            org.finbridge.money.CurrencyCode.of(code.toUpperCase(Locale.ROOT));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }

    private static ResponseEntity<?> notFound(String what) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such " + what);
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason);
    }
}
