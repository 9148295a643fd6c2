package org.finbridge.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.finbridge.credit.CreditReports;
import org.finbridge.credit.CreditScores;
import org.finbridge.credit.ReportAccess;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.DayCount;
import org.finbridge.financing.Financing;
import org.finbridge.financing.Offer;
import org.finbridge.financing.Product;
import org.finbridge.financing.ScheduleTerms;
import org.finbridge.financing.Schedules;
import org.finbridge.fx.ExecutionResult;
import org.finbridge.fx.Fx;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.BankAccount;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.Consent;
import org.finbridge.party.Consents;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.Payouts;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.TradeRecord;
import org.finbridge.trade.TradeRecords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's pages beyond the cockpit: FX (a quote with its countdown, converted in one click), payouts and
 * bank accounts, trade records with their mismatches, its credit record (score, reasons, who read its report,
 * the consents it granted) and financing offers with a repayment simulation. Everything goes through the
 * modules' public APIs as the logged-in seller, exactly as the REST API would: the quote is priced and locked
 * by FX and executed between the seller's own balances, the payout is created by settlement, which checks the
 * bank account and the balance.
 */
@Controller
class SellerPages {

    static final int SHOWN = 100;

    private final Fx fx;
    private final Ledger ledger;
    private final Payouts payouts;
    private final BankAccounts bankAccounts;
    private final TradeRecords tradeRecords;
    private final CreditScores scores;
    private final CreditReports creditReports;
    private final Consents consents;
    private final Financing financing;
    private final Parties parties;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    SellerPages(Fx fx, Ledger ledger, Payouts payouts, BankAccounts bankAccounts, TradeRecords tradeRecords,
                CreditScores scores, CreditReports creditReports, Consents consents, Financing financing, Parties parties,
                Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.fx = fx;
        this.ledger = ledger;
        this.payouts = payouts;
        this.bankAccounts = bankAccounts;
        this.tradeRecords = tradeRecords;
        this.scores = scores;
        this.creditReports = creditReports;
        this.consents = consents;
        this.financing = financing;
        this.parties = parties;
        this.clock = clock;
    }

    private static void requireSeller(Actor actor) {
        if (actor.partyKind() != PartyKind.MERCHANT) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no seller pages for this user");
        }
    }

    private void common(Actor actor, Model model, String tab) {
        model.addAttribute("actor", actor);
        model.addAttribute("tab", tab);
        model.addAttribute("party", parties.find(actor.partyId()).orElse(null));
    }

    // ---- FX ----------------------------------------------------------------------------------------------

    /** The FX desk: the balances, a form asking for a quote, and the quote asked for with its countdown. */
    @GetMapping("/console/app/seller/fx")
    String fxDesk(Actor actor, @RequestParam(required = false) String quote, Model model) {
        requireSeller(actor);
        common(actor, model, "fx");
        model.addAttribute("balances", ConsolePages.balances(ledger.accountsOf(actor.partyId().toString())));
        model.addAttribute("mayTrade", actor.has(ApiScope.FX_TRADE));
        if (quote != null && !quote.isBlank()) {
            Quote q = ownQuote(actor, quote);
            Instant now = clock.instant();
            model.addAttribute("quote", QuoteCard.of(q, now));
            fx.conversion(q.id()).ifPresent(c -> model.addAttribute("converted", Charts.amount(c.bought())));
        }
        return "console/seller-fx";
    }

    /** Asks FX for a quote selling a major-unit amount; the page then shows it with its countdown. */
    @PostMapping("/console/app/seller/fx/quotes")
    String askQuote(Actor actor, @RequestParam(defaultValue = "") String sellCurrency,
                    @RequestParam(defaultValue = "") String buyCurrency, @RequestParam(defaultValue = "") String amount,
                    RedirectAttributes flash) {
        requireTrader(actor);
        Money selling;
        try {
            selling = Money.ofMajor(amount.trim(), sellCurrency.trim());
        } catch (RuntimeException e) {
            return fxRefused(flash, "seller.fx.error.amount");
        }
        if (!selling.isPositive() || !CurrencyCode.isKnown(buyCurrency.trim())) {
            return fxRefused(flash, "seller.fx.error.amount");
        }
        QuoteResult result = fx.quote(QuoteRequest.selling(actor.partyId(), selling.currency(),
                CurrencyCode.of(buyCurrency.trim()), selling.minorUnits()), actor.name());
        return switch (result) {
            case QuoteResult.Quoted q -> "redirect:/console/app/seller/fx?quote=" + q.quote().id();
            case QuoteResult.InvalidField f -> fxRefused(flash, "seller.fx.error.amount");
            case QuoteResult.LockTooLong l -> fxRefused(flash, "seller.fx.error.amount");
            case QuoteResult.CurrencyNotQuoted c -> fxRefused(flash, "seller.fx.error.currency");
            case QuoteResult.NoCurrentRate n -> fxRefused(flash, "seller.fx.error.rate");
            case QuoteResult.AmountTooSmall s -> fxRefused(flash, "seller.fx.error.small");
        };
    }

    /** Converts at the quote, between the seller's own balances: one click, once. */
    @PostMapping("/console/app/seller/fx/quotes/{id}/convert")
    String convert(Actor actor, @PathVariable String id, RedirectAttributes flash) {
        requireTrader(actor);
        Quote quote = ownQuote(actor, id);
        return switch (fx.executeBetweenOwnBalances(quote.id(), actor.name())) {
            case ExecutionResult.Executed e -> {
                flash.addFlashAttribute("notice", "seller.fx.converted");
                flash.addFlashAttribute("noticeArg", Charts.amount(e.conversion().sold()) + " " + e.conversion().sold().currency()
                        + " → " + Charts.amount(e.conversion().bought()) + " " + e.conversion().bought().currency());
                yield "redirect:/console/app/seller/fx?quote=" + quote.id();
            }
            case ExecutionResult.QuoteNotFound n -> throw new NotFoundException("QUOTE_NOT_FOUND", "no such quote: " + id);
            case ExecutionResult.QuoteExpired x -> fxRefused(flash, "seller.fx.error.expired");
            case ExecutionResult.QuoteAlreadyUsed u -> fxRefused(flash, "seller.fx.error.used");
            case ExecutionResult.InsufficientFunds f -> fxRefused(flash, "seller.fx.error.funds");
            case ExecutionResult.AccountMismatch m -> fxRefused(flash, "seller.fx.error.refused");
            case ExecutionResult.LedgerRefused r -> fxRefused(flash, "seller.fx.error.refused");
        };
    }

    private Quote ownQuote(Actor actor, String id) {
        try {
            return fx.find(QuoteId.parse(id)).filter(q -> q.owner().equals(actor.partyId()))
                    .orElseThrow(() -> new NotFoundException("QUOTE_NOT_FOUND", "no such quote: " + id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("QUOTE_NOT_FOUND", "no such quote: " + id);
        }
    }

    private static void requireTrader(Actor actor) {
        requireSeller(actor);
        if (!actor.has(ApiScope.FX_TRADE)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "this user converts no currency");
        }
    }

    private static String fxRefused(RedirectAttributes flash, String key) {
        flash.addFlashAttribute("error", key);
        return "redirect:/console/app/seller/fx";
    }

    /**
     * A quote as the page shows it.
     *
     * @param secondsLeft what the countdown starts from, on the platform's clock when the page was made (the
     *                    browser's own clock may be off; only the difference matters)
     */
    record QuoteCard(String id, String sell, String sellCurrency, String buy, String buyCurrency, String clientRate,
                     String midRate, int spreadBasisPoints, long secondsLeft, String status, String fixing) {
        static QuoteCard of(Quote q, Instant now) {
            long left = Math.max(0, Duration.between(now, q.expiresAt()).toSeconds());
            return new QuoteCard(q.id().toString(), Charts.amount(q.sell()), q.sell().currency().code(), Charts.amount(q.buy()),
                    q.buy().currency().code(), q.clientRate().stripTrailingZeros().toPlainString(),
                    q.midRate().stripTrailingZeros().toPlainString(), q.pricing().totalBasisPoints(), left,
                    q.statusAt(now).name(), q.pricing().source() + " " + q.pricing().fixingDate());
        }
    }

    // ---- payouts and bank accounts -----------------------------------------------------------------------

    @GetMapping("/console/app/seller/payouts")
    String payoutDesk(Actor actor, Model model) {
        requireSeller(actor);
        common(actor, model, "payouts");
        model.addAttribute("balances", ConsolePages.balances(ledger.accountsOf(actor.partyId().toString())));
        List<BankAccount> accounts = bankAccounts.of(actor.partyId());
        model.addAttribute("bankAccounts", accounts.stream().map(BankAccountRow::of).toList());
        model.addAttribute("verifiedAccounts", accounts.stream().filter(a -> a.status() == BankAccount.Status.VERIFIED)
                .map(BankAccountRow::of).toList());
        model.addAttribute("payouts", actor.has(ApiScope.PAYMENTS_READ)
                ? payouts.list(actor, SHOWN).stream().map(PayoutRow::of).toList() : List.of());
        model.addAttribute("mayPayOut", actor.has(ApiScope.PAYMENTS_WRITE));
        model.addAttribute("payoutReference", "console-" + UUID.randomUUID());
        return "console/seller-payouts";
    }

    /** Pays out part of an available balance to one of the seller's verified accounts (converted when the currencies differ). */
    @PostMapping("/console/app/seller/payouts")
    String requestPayout(Actor actor, @RequestParam(defaultValue = "") String currency,
                         @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String bankAccountId,
                         @RequestParam(defaultValue = "") String reference, RedirectAttributes flash) {
        requireSeller(actor);
        if (!actor.has(ApiScope.PAYMENTS_WRITE)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "this user requests no payouts");
        }
        Money payout;
        try {
            payout = Money.ofMajor(amount.trim(), currency.trim());
        } catch (RuntimeException e) {
            return payoutRefused(flash, "seller.payouts.error.amount");
        }
        if (!payout.isPositive()) {
            return payoutRefused(flash, "seller.payouts.error.amount");
        }
        // the form carries a fresh reference: a second click of the same form is the same payout
        String ref = reference.isBlank() || reference.length() > 64 ? "console-" + UUID.randomUUID() : reference.trim();
        PayoutResult result = payouts.create(actor, new NewPayout(actor.partyId(), payout.minorUnits(),
                payout.currency().code(), bankAccountId.trim(), null, ref));
        return switch (result) {
            case PayoutResult.Done d -> payoutDone(flash, d.payout());
            case PayoutResult.Existing e -> payoutDone(flash, e.payout());
            case PayoutResult.NotFound nf -> payoutRefused(flash, "seller.payouts.error.account");
            case PayoutResult.BankAccountNotVerified b -> payoutRefused(flash, "seller.payouts.error.account");
            case PayoutResult.InsufficientFunds f -> payoutRefused(flash, "seller.payouts.error.funds");
            case PayoutResult.NoRailMeetsDeadline n -> payoutRefused(flash, "seller.payouts.error.refused");
            case PayoutResult.ConversionRefused c -> payoutRefused(flash, "seller.payouts.error.conversion");
            case PayoutResult.MerchantSuspended s -> payoutRefused(flash, "seller.payouts.error.suspended");
            case PayoutResult.Invalid i -> payoutRefused(flash, "seller.payouts.error.amount");
        };
    }

    /** Adds a payout account; settlement pays only to VERIFIED ones (the holder's name must be the seller's). */
    @PostMapping("/console/app/seller/bank-accounts")
    String addBankAccount(Actor actor, @RequestParam(defaultValue = "") String currency,
                          @RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String iban,
                          @RequestParam(defaultValue = "") String accountNumber, @RequestParam(defaultValue = "") String bic,
                          @RequestParam(defaultValue = "") String cnaps, @RequestParam(defaultValue = "") String holderName,
                          RedirectAttributes flash) {
        requireSeller(actor);
        if (!actor.has(ApiScope.PARTIES_WRITE)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "this user adds no bank accounts");
        }
        BankAccountResult result = bankAccounts.add(actor.partyId(), new NewBankAccount(currency.trim(),
                country.trim().toUpperCase(java.util.Locale.ROOT), blankToNull(iban), blankToNull(accountNumber),
                blankToNull(bic), blankToNull(cnaps), holderName.trim()), actor.name());
        return switch (result) {
            case BankAccountResult.Saved s -> {
                flash.addFlashAttribute("notice", s.account().status() == BankAccount.Status.VERIFIED
                        ? "seller.bank.added" : "seller.bank.pending");
                flash.addFlashAttribute("noticeArg", s.account().id());
                yield "redirect:/console/app/seller/payouts";
            }
            case BankAccountResult.InvalidField f -> {
                flash.addFlashAttribute("error", "seller.bank.error");
                flash.addFlashAttribute("errorArg", f.field());
                yield "redirect:/console/app/seller/payouts";
            }
            case BankAccountResult.NotFound nf -> payoutRefused(flash, "seller.bank.error");
            case BankAccountResult.NotPending np -> payoutRefused(flash, "seller.bank.error");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String payoutDone(RedirectAttributes flash, Payout p) {
        flash.addFlashAttribute("notice", "seller.payouts.created");
        flash.addFlashAttribute("noticeArg", Charts.amount(p.amount(), p.currency()) + " " + p.currency());
        return "redirect:/console/app/seller/payouts";
    }

    private static String payoutRefused(RedirectAttributes flash, String key) {
        flash.addFlashAttribute("error", key);
        return "redirect:/console/app/seller/payouts";
    }

    record BankAccountRow(String id, String currency, String country, String number, String bank, String holder,
                          String status) {
        static BankAccountRow of(BankAccount a) {
            String number = a.iban() != null ? a.iban() : a.accountNumber();
            // only the last four digits: the page may be seen over a shoulder
            String masked = number == null ? "" : number.length() <= 4 ? number : "•••• " + number.substring(number.length() - 4);
            return new BankAccountRow(a.id(), a.currency(), a.country(), masked, a.bic() != null ? a.bic() : a.cnaps() == null ? "" : a.cnaps(),
                    a.holderName(), a.status().name());
        }
    }

    record PayoutRow(String id, String source, String amount, String fee, String rail, String state, LocalDate expectedArrival,
                     Instant createdAt) {
        static PayoutRow of(Payout p) {
            return new PayoutRow(p.id().toString(), Charts.amount(p.sourceAmount(), p.sourceCurrency()) + " " + p.sourceCurrency(),
                    Charts.amount(p.amount(), p.currency()) + " " + p.currency(),
                    Charts.amount(p.feeMinorUnits(), p.currency()) + " " + p.currency(), p.rail(), p.state().name(),
                    p.expectedArrival(), p.createdAt());
        }
    }

    // ---- trade records -----------------------------------------------------------------------------------

    @GetMapping("/console/app/seller/trade")
    String trade(Actor actor, Model model) {
        requireSeller(actor);
        common(actor, model, "trade");
        List<TradeRow> rows = tradeRecords.ofMerchant(actor.partyId(), SHOWN).stream().map(TradeRow::of).toList();
        model.addAttribute("records", rows);
        model.addAttribute("mismatched", rows.stream().filter(r -> r.status().equals("MISMATCHED")).count());
        return "console/seller-trade";
    }

    record TradeRow(String id, String orderNumber, String total, Instant orderedAt, int payments, int shipments,
                    int declarations, String status, List<String> mismatches) {
        static TradeRow of(TradeRecord r) {
            return new TradeRow(r.id().toString(), r.reference().orderNumber(),
                    r.order() == null ? "" : Charts.amount(r.order().totalMinorUnits(), r.order().currency().code()) + " "
                            + r.order().currency().code(),
                    r.order() == null ? null : r.order().orderedAt(), r.payments().size(), r.shipments().size(),
                    r.declarations().size(), r.status().name(),
                    r.mismatches().stream().map(Mismatch::reason).toList());
        }
    }

    // ---- credit ------------------------------------------------------------------------------------------

    /** The seller's credit record: its score and reasons, who read its report and when, and its consents. */
    @GetMapping("/console/app/seller/credit")
    String credit(Actor actor, Model model) {
        requireSeller(actor);
        common(actor, model, "credit");
        scores.latest(actor.partyId()).ifPresent(score -> {
            model.addAttribute("score", score);
            model.addAttribute("scoredOn", score.scoredAt().atZone(LenderPages.BEIJING).toLocalDate());
        });
        boolean own = actor.has(ApiScope.CREDIT_OWN);
        List<AccessRow> log = own ? creditReports.accessLog(actor.partyId()).stream()
                .map(a -> AccessRow.of(a, name(a.grantee()))).toList() : List.of();
        model.addAttribute("accessLog", log);
        Instant now = clock.instant();
        model.addAttribute("consents", consents.grantedBy(actor.partyId()).stream()
                .map(c -> ConsentRow.of(c, name(c.grantee()), now)).toList());
        return "console/seller-credit";
    }

    private String name(PartyId party) {
        return party == null ? "" : parties.find(party).map(Party::legalName).orElse(party.toString());
    }

    record AccessRow(String grantee, String actor, String purpose, boolean selfQuery, Instant accessedAt, String consentId) {
        static AccessRow of(ReportAccess a, String grantee) {
            return new AccessRow(grantee, a.actor(), a.purpose(), a.selfQuery(), a.accessedAt(), a.consentId() == null ? "" : a.consentId());
        }
    }

    record ConsentRow(String id, String grantee, String scope, String purpose, Instant grantedAt, Instant expiresAt,
                      boolean valid) {
        static ConsentRow of(Consent c, String grantee, Instant now) {
            return new ConsentRow(c.id(), grantee, c.scope().name(), c.purpose().name(), c.grantedAt(), c.expiresAt(),
                    c.isValidAt(now));
        }
    }

    // ---- financing offers and the repayment simulation ---------------------------------------------------

    /**
     * The seller's pre-qualified offers, and for the one chosen a simulation: what borrowing the amount costs,
     * and how it is repaid if monthly sales are 30 % lower, as given, or 30 % higher.
     */
    @GetMapping("/console/app/seller/financing")
    String offers(Actor actor, @RequestParam(required = false) String programme, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String sales, java.util.Locale locale, Model model) {
        requireSeller(actor);
        common(actor, model, "financing");
        List<Offer> offers = actor.has(ApiScope.LOANS_READ)
                ? financing.offers(actor, actor.partyId()).orElse(List.of()) : List.of();
        model.addAttribute("offers", offers.stream().map(o -> OfferRow.of(o, name(o.lenderId()))).toList());
        Optional<Offer> chosen = offers.stream().filter(o -> o.programmeId().toString().equals(programme)).findFirst();
        if (chosen.isPresent()) {
            Offer o = chosen.get();
            model.addAttribute("chosen", OfferRow.of(o, name(o.lenderId())));
            try {
                Money principal = Money.ofMajor(amount == null || amount.isBlank()
                        ? Money.ofMinor(o.maxPrincipal(), o.currency()).toMajor().toPlainString() : amount.trim(), o.currency());
                Money monthlySales = Money.ofMajor(sales == null || sales.isBlank() ? "0" : sales.trim(), o.currency());
                if (!principal.isPositive() || principal.minorUnits() > o.maxPrincipal() || monthlySales.isNegative()) {
                    model.addAttribute("simulationError", "seller.financing.error");
                } else {
                    String[] labels = java.util.Arrays.stream(Simulation.SCENARIOS)
                            .map(k -> messages.getMessage("seller.financing.scenario." + k, null, k, locale)).toArray(String[]::new);
                    model.addAttribute("simulation", Simulation.of(o, principal, monthlySales,
                            LocalDate.ofInstant(clock.instant(), LenderPages.BEIJING), labels));
                }
                model.addAttribute("amount", principal.toMajor().toPlainString());
                model.addAttribute("sales", monthlySales.toMajor().toPlainString());
            } catch (RuntimeException e) {
                model.addAttribute("simulationError", "seller.financing.error");
            }
            model.addAttribute("charts", true);
        }
        return "console/seller-financing";
    }

    record OfferRow(String programmeId, String lender, String product, String currency, String maxPrincipal, String rate,
                    int months, String apr, String grade) {
        static OfferRow of(Offer o, String lender) {
            return new OfferRow(o.programmeId().toString(), lender, o.product().name(), o.currency(),
                    Charts.amount(o.maxPrincipal(), o.currency()), percent(o.annualRate()), o.months(),
                    percent(o.apr()), o.grade());
        }
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /**
     * The repayment simulation. A term loan's instalments are fixed by its schedule (REGULATIONS.md §6.2,
     * computed by financing's {@link Schedules}): what changes with sales is the share of each month's sales
     * they take. Revenue-based financing is repaid by the holdback share of every settlement (§6.1), at least
     * the minimum payment: slower sales mean more months, not larger payments. A receivables advance is
     * repaid from the receivables it was drawn on, so sales speed changes only when they arrive.
     *
     * @param scenarios three scenarios: sales 30 % lower, as given, 30 % higher
     */
    record Simulation(String principal, String totalCost, String currency, String schedule, List<Scenario> scenarios,
                      String chart) {

        record Scenario(String name, String monthlySales, String monthlyRepayment, String shareOfSales, String months) {
        }

        static Simulation of(Offer o, Money principal, Money monthlySales, LocalDate today, String[] labels) {
            String ccy = o.currency();
            long fee = principal.minorUnits() * o.upfrontFeeBasisPoints() / 10_000;
            List<Scenario> scenarios = new ArrayList<>();
            Map<String, Object> chart = new LinkedHashMap<>();
            List<String> categories = new ArrayList<>();
            List<Map<String, Object>> series = new ArrayList<>();
            long total;
            String scheduleNote;
            // a term loan and an import credit are repaid on a schedule; revenue-based financing from sales
            if (o.product().amortizes()) {
                var schedule = Schedules.of(new ScheduleTerms(principal, o.annualRate(), Math.max(1, o.months()),
                        o.method() == null ? AmortizationMethod.EQUAL_INSTALLMENT : o.method(), DayCount.MONTHLY, today));
                total = schedule.totalPayments() + fee;
                long first = schedule.instalments().getFirst().payment();
                scheduleNote = o.months() + " × " + Charts.amount(first, ccy);
                List<Double> remaining = new ArrayList<>();
                schedule.instalments().forEach(i -> {
                    categories.add(i.dueDate().toString());
                    remaining.add(Charts.major(i.remaining(), ccy).doubleValue());
                });
                series.add(Map.of("name", ccy, "data", remaining));
                for (int[] s : new int[][] {{70, 0}, {100, 1}, {130, 2}}) {
                    long salesMinor = monthlySales.minorUnits() * s[0] / 100;
                    scenarios.add(new Scenario(labels[s[1]], Charts.amount(salesMinor, ccy), Charts.amount(first, ccy),
                            salesMinor == 0 ? "" : BigDecimal.valueOf(first * 100.0 / salesMinor).setScale(1, RoundingMode.HALF_UP) + " %",
                            String.valueOf(o.months())));
                }
            } else {
                long owed = principal.minorUnits() + principal.minorUnits() * o.fixedFeeBasisPoints() / 10_000 + fee;
                total = owed;
                scheduleNote = o.holdbackBasisPoints() / 100.0 + " %";
                Set<String> months = new LinkedHashSet<>();
                for (int[] s : new int[][] {{70, 0}, {100, 1}, {130, 2}}) {
                    long salesMinor = monthlySales.minorUnits() * s[0] / 100;
                    long repayment = salesMinor * o.holdbackBasisPoints() / 10_000;
                    int n = repayment <= 0 ? 0 : (int) Math.min(120, (owed + repayment - 1) / repayment);
                    scenarios.add(new Scenario(labels[s[1]], Charts.amount(salesMinor, ccy), Charts.amount(repayment, ccy),
                            o.holdbackBasisPoints() / 100.0 + " %", n == 0 ? "—" : String.valueOf(n)));
                    List<Double> path = new ArrayList<>();
                    long left = owed;
                    for (int m = 0; m <= Math.min(n, 36); m++) {
                        months.add(String.valueOf(m));
                        path.add(Charts.major(Math.max(0, left), ccy).doubleValue());
                        left -= repayment;
                    }
                    series.add(Map.of("name", labels[s[1]], "data", path));
                }
                categories.addAll(months);
            }
            chart.put("type", "line");
            chart.put("categories", categories);
            chart.put("series", series);
            return new Simulation(Charts.amount(principal), Charts.amount(total, ccy), ccy, scheduleNote, scenarios,
                    Charts.json(chart));
        }

        /** Message keys of the three scenarios. */
        static final String[] SCENARIOS = {"slower", "expected", "faster"};
    }
}
