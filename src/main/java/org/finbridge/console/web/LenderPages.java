package org.finbridge.console.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.finbridge.credit.CreditReport;
import org.finbridge.credit.CreditReports;
import org.finbridge.credit.ReportResult;
import org.finbridge.financing.Financing;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanClass;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Portfolio;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lender's desk: applications under its programmes that underwriting referred to a person (approve or
 * decline with a reason), its loans with their state, days past due and five-tier class, its portfolio by
 * days past due, and the credit reports of its applicants. A report is issued by the credit registry only
 * when the applicant consented to this lender reading it for a loan application (Credit Reporting
 * Regulation art. 18), and every issue lands in the applicant's access log (art. 22); the console only asks.
 */
@Controller
class LenderPages {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int LOANS_SHOWN = 200;

    private final Financing financing;
    private final CreditReports creditReports;
    private final Parties parties;

    LenderPages(Financing financing, CreditReports creditReports, Parties parties) {
        this.financing = financing;
        this.creditReports = creditReports;
        this.parties = parties;
    }

    private static void requireLender(Actor actor) {
        if (actor.partyKind() != PartyKind.LENDER || !actor.has(ApiScope.LOANS_READ)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no lending desk for this user");
        }
    }

    @GetMapping("/console/app/lender")
    String desk(Actor actor, Model model) {
        requireLender(actor);
        List<Loan> loans = financing.loans(actor, LOANS_SHOWN);
        Map<PartyId, String> names = new LinkedHashMap<>();
        for (Loan l : loans) {
            names.computeIfAbsent(l.merchantId(), id -> parties.find(id).map(Party::legalName).orElse(id.toString()));
        }
        List<LoanRow> referred = loans.stream().filter(l -> l.state() == LoanState.REFERRED)
                .map(l -> LoanRow.of(l, names.get(l.merchantId()))).toList();
        List<LoanRow> book = loans.stream().filter(l -> l.state() != LoanState.REFERRED)
                .map(l -> LoanRow.of(l, names.get(l.merchantId()))).toList();
        Set<String> currencies = new LinkedHashSet<>();
        loans.stream().filter(l -> l.state().isServiced()).forEach(l -> currencies.add(l.currency()));
        List<PortfolioView> portfolios = new ArrayList<>();
        for (String currency : currencies) {
            financing.portfolio(actor, actor.partyId(), currency).ifPresent(p -> portfolios.add(PortfolioView.of(p)));
        }
        model.addAttribute("charts", true);
        model.addAttribute("actor", actor);
        model.addAttribute("mayReview", actor.has(ApiScope.LOANS_REVIEW));
        model.addAttribute("referred", referred);
        model.addAttribute("loans", book);
        model.addAttribute("portfolios", portfolios);
        model.addAttribute("applicants", names);
        return "console/lender";
    }

    /** Approves or declines a referred application under one of this lender's programmes. */
    @PostMapping("/console/app/lender/loans/{id}/decision")
    String decide(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        requireLender(actor);
        LoanId loan = loanId(id);
        if (!"APPROVE".equals(decision) && !"DECLINE".equals(decision)) {
            return refused(flash, "lender.decision.error.decision");
        }
        LoanResult result = financing.decide(actor, loan, "APPROVE".equals(decision), reason.trim());
        return switch (result) {
            case LoanResult.Done done -> {
                flash.addFlashAttribute("notice", "APPROVE".equals(decision) ? "lender.decision.approved" : "lender.decision.declined");
                flash.addFlashAttribute("noticeArg", done.loan().reference());
                yield "redirect:/console/app/lender";
            }
            case LoanResult.Invalid invalid -> refused(flash, "lender.decision.error.reason");
            case LoanResult.IllegalState state -> refused(flash, "lender.decision.error.state");
            case LoanResult.NotFound nf -> throw new NotFoundException("LOAN_NOT_FOUND", "no such loan: " + id);
            case LoanResult.Existing e -> "redirect:/console/app/lender";
            case LoanResult.OverLimit o -> refused(flash, "lender.decision.error.state");
            case LoanResult.OverAdvance o -> refused(flash, "lender.decision.error.state");
            case LoanResult.RateCapExceeded r -> refused(flash, "lender.decision.error.state");
            case LoanResult.InsufficientFunding f -> refused(flash, "lender.decision.error.state");
            case LoanResult.DepositHeld d -> refused(flash, "lender.decision.error.state");
            case LoanResult.DepositRequired d -> refused(flash, "lender.decision.error.state");
            case LoanResult.GuaranteeLimitExceeded g -> refused(flash, "lender.decision.error.state");
            case LoanResult.InsufficientFunds f -> refused(flash, "lender.decision.error.state");
            case LoanResult.SupplierPaymentRefused f -> refused(flash, "lender.decision.error.state");
        };
    }

    /**
     * The applicant's credit report, asked of the registry for a loan application. Only the lender's own
     * applicants and borrowers can be asked for here (anyone else answers 404, as over the API); without the
     * applicant's consent the page says so and nothing is issued.
     */
    @GetMapping("/console/app/lender/credit-reports/{partyId}")
    String creditReport(Actor actor, @PathVariable String partyId, Model model) {
        requireLender(actor);
        if (!actor.has(ApiScope.CREDIT_REPORTS_READ)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "this user reads no credit reports");
        }
        PartyId subject = applicant(actor, partyId);
        model.addAttribute("actor", actor);
        model.addAttribute("subjectName", parties.find(subject).map(Party::legalName).orElse(subject.toString()));
        ReportResult result = creditReports.issue(subject, actor.partyId(), ConsentPurpose.LOAN_APPLICATION, actor.name());
        if (result instanceof ReportResult.Issued issued) {
            CreditReport report = issued.report();
            model.addAttribute("report", report);
            model.addAttribute("issuedAt", report.issuedAt().atZone(BEIJING).toLocalDateTime().withNano(0));
            model.addAttribute("probabilityOfDefault", report.score() == null ? null
                    : String.format(java.util.Locale.ROOT, "%.2f %%", report.score().probabilityOfDefault() * 100));
        } else {
            model.addAttribute("noConsent", true);
        }
        return "console/credit-report";
    }

    private PartyId applicant(Actor actor, String partyId) {
        Optional<PartyId> id;
        try {
            id = Optional.of(PartyId.parse(partyId));
        } catch (IllegalArgumentException e) {
            id = Optional.empty();
        }
        PartyId subject = id.filter(p -> financing.loans(actor, 500).stream().anyMatch(l -> l.merchantId().equals(p)))
                .orElseThrow(() -> new NotFoundException("PARTY_NOT_FOUND", "no such applicant: " + partyId));
        return subject;
    }

    private static LoanId loanId(String id) {
        try {
            return LoanId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("LOAN_NOT_FOUND", "no such loan: " + id);
        }
    }

    private static String refused(RedirectAttributes flash, String messageKey) {
        flash.addFlashAttribute("error", messageKey);
        return "redirect:/console/app/lender";
    }

    /** A loan as the lender's tables show it; amounts are written in the loan's currency. */
    record LoanRow(String id, String reference, String merchantId, String merchant, String product, String currency,
                   String principal, String apr, String grade, LoanState state, String decision, int daysPastDue,
                   String classification, String outstanding) {
        static LoanRow of(Loan l, String merchant) {
            return new LoanRow(l.id().toString(), l.reference(), l.merchantId().toString(), merchant, l.product().name(),
                    l.currency(), Charts.amount(l.principal(), l.currency()),
                    l.apr() == null ? "" : l.apr().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " %",
                    l.grade() == null ? "" : l.grade(), l.state(), l.decision() == null ? "" : l.decision(), l.daysPastDue(),
                    l.classification() == null ? "" : l.classification().name(), Charts.amount(l.outstanding().total(), l.currency()));
        }
    }

    /**
     * A portfolio in one currency: its days-past-due buckets and five-tier classes (REGULATIONS.md §6.4) as
     * tables and bar charts, and its vintage curves as a line chart, one series per month of disbursement
     * (the share of principal repaid by each month on book, in per cent).
     */
    record PortfolioView(String currency, int activeLoans, String outstandingPrincipal, String provisions,
                         Map<String, String> buckets, String chart, List<ClassRow> classes, String classChart,
                         List<VintageRow> vintages, String vintageChart) {
        static PortfolioView of(Portfolio p) {
            Map<String, String> buckets = new LinkedHashMap<>();
            List<Double> values = new ArrayList<>();
            p.dpdBuckets().forEach((bucket, minor) -> {
                buckets.put(bucket, Charts.amount(minor, p.currency()));
                values.add(Charts.major(minor, p.currency()).doubleValue());
            });
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("type", "bar");
            chart.put("categories", new ArrayList<>(buckets.keySet()));
            chart.put("series", List.of(Map.of("name", p.currency(), "data", values)));

            List<ClassRow> classes = new ArrayList<>();
            List<String> classNames = new ArrayList<>();
            List<Double> classValues = new ArrayList<>();
            for (LoanClass c : LoanClass.values()) { // all five tiers, empty ones too: the table reads as the rule
                long minor = p.principalByClass().getOrDefault(c, 0L);
                classes.add(new ClassRow(c.name(), Charts.amount(minor, p.currency()),
                        java.math.BigDecimal.valueOf(c.provisionBasisPoints(), 2).stripTrailingZeros().toPlainString() + " %",
                        Charts.amount(c.provisionFor(minor), p.currency()), c.nonPerforming()));
                classNames.add(c.name());
                classValues.add(Charts.major(minor, p.currency()).doubleValue());
            }
            Map<String, Object> classChart = new LinkedHashMap<>();
            classChart.put("type", "bar");
            classChart.put("categories", classNames);
            classChart.put("series", List.of(Map.of("name", p.currency(), "data", classValues)));

            List<VintageRow> vintages = new ArrayList<>();
            List<Map<String, Object>> curves = new ArrayList<>();
            int months = 0;
            for (Portfolio.Vintage v : p.vintages()) {
                List<Integer> curve = v.cumulativeRepaidBasisPoints();
                months = Math.max(months, curve.size());
                List<Double> points = curve.stream().map(bp -> bp / 100.0).toList();
                curves.add(Map.of("name", v.month(), "data", points));
                vintages.add(new VintageRow(v.month(), v.loans(), Charts.amount(v.disbursed(), p.currency()),
                        Charts.amount(v.outstanding(), p.currency()),
                        curve.isEmpty() ? "0" : percent(curve.getLast()), percent(v.nonPerformingBasisPoints())));
            }
            List<String> monthsOnBook = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                monthsOnBook.add("M" + m);
            }
            Map<String, Object> vintageChart = new LinkedHashMap<>();
            vintageChart.put("type", "line");
            vintageChart.put("categories", monthsOnBook);
            vintageChart.put("series", curves);
            return new PortfolioView(p.currency(), p.activeLoans(), Charts.amount(p.outstandingPrincipal(), p.currency()),
                    Charts.amount(p.provisions(), p.currency()), buckets, Charts.json(chart), classes, Charts.json(classChart),
                    vintages, Charts.json(vintageChart));
        }

        private static String percent(int basisPoints) {
            return java.math.BigDecimal.valueOf(basisPoints, 2).toPlainString();
        }
    }

    /** One of the five tiers: principal in it, the provision rate and the provision it calls for. */
    record ClassRow(String name, String principal, String provisionRate, String provision, boolean nonPerforming) {
    }

    /** One vintage: loans disbursed in a month, and how much of them has been repaid so far. */
    record VintageRow(String month, int loans, String disbursed, String outstanding, String repaidPercent,
                      String nonPerformingPercent) {
    }
}
