package org.finbridge.console.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.financing.Financing;
import org.finbridge.financing.LoanState;
import org.finbridge.fx.FxAccounts;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.Actor;
import org.finbridge.supervision.RegulatorViews;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The market overview, for every logged-in role: the scale of China's cross-border e-commerce as the study
 * behind this platform published it (Table 1, B2B platform trade included) beside the customs statistics
 * (GACC, mostly retail parcels), each with its source and why the two differ, and the platform's own live
 * figures: payments by corridor, FX volume, and the loan approval and default rates. The platform's figures
 * are totals only (counts and sums over every party), never one party's business.
 */
@Controller
class MarketPages {

    static final String STUDY = "reference/stats/study_table1_cbec_scale.csv";
    static final String CUSTOMS = "reference/stats/china_cross_border_ecommerce_by_year.csv";
    /** The live figures cover the last 90 days (Beijing dates). */
    static final int LIVE_DAYS = 90;
    /** The currencies whose FX volume is shown: those the platform quotes most. */
    static final List<String> FX_CURRENCIES = List.of("CNY", "EUR", "USD", "GBP", "JPY", "HKD", "SGD", "AUD", "CAD", "CHF");

    private final RegulatorViews views;
    private final Ledger ledger;
    private final Financing financing;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final List<StudyYear> study;
    private final List<CustomsYear> customs;

    MarketPages(RegulatorViews views, Ledger ledger, Financing financing, Clock clock,
                org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.views = views;
        this.ledger = ledger;
        this.financing = financing;
        this.clock = clock;
        this.study = studyTable();
        this.customs = customsTable();
    }

    /** A year of the study's Table 1; {@code growthPercent} is computed from the previous year, null for the first. */
    record StudyYear(int year, BigDecimal scale, BigDecimal exportShare, BigDecimal growthPercent) {
    }

    /** A year (or part of one) of the customs statistics, as shipped, with its source. */
    record CustomsYear(String period, BigDecimal total, BigDecimal exports, BigDecimal growthPercent, String status,
                       String source) {
    }

    @GetMapping("/console/app/market")
    String overview(Actor actor, java.util.Locale locale, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("charts", true);
        model.addAttribute("study", study);
        model.addAttribute("customs", customs);
        model.addAttribute("scaleChart", Charts.json(scaleChart(label("market.series.study", locale),
                label("market.series.customs", locale))));
        model.addAttribute("shareChart", Charts.json(shareChart(label("market.series.share", locale))));

        LocalDate to = LocalDate.ofInstant(clock.instant(), RegulatorPages.BEIJING);
        LocalDate from = to.minusDays(LIVE_DAYS - 1);
        List<CorridorRow> corridors = views.flows(from, to, RegulatorViews.GroupBy.CORRIDOR).stream()
                .map(f -> new CorridorRow(f.group(), f.currency(), f.payments(), Charts.amount(f.capturedMinor(), f.currency())))
                .toList();
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("corridors", corridors);
        Map<String, Long> perCorridor = new LinkedHashMap<>();
        corridors.forEach(c -> perCorridor.merge(c.corridor(), c.payments(), Long::sum));
        model.addAttribute("corridorChart", Charts.json(Map.of("type", "bar", "categories", List.copyOf(perCorridor.keySet()),
                "series", List.of(Map.of("name", label("market.series.payments", locale), "data", List.copyOf(perCorridor.values()))))));

        List<FxRow> fx = new ArrayList<>();
        for (String code : FX_CURRENCIES) {
            ledger.account(FxAccounts.liquidity(CurrencyCode.of(code)).id()).ifPresent(a -> fx.add(FxRow.of(a)));
        }
        model.addAttribute("fx", fx);

        Map<LoanState, Long> loans = financing.countsByState();
        long approved = count(loans, LoanState.APPROVED, LoanState.ACTIVE, LoanState.DEFAULTED, LoanState.CLOSED);
        long declined = count(loans, LoanState.DECLINED);
        long disbursed = count(loans, LoanState.ACTIVE, LoanState.DEFAULTED, LoanState.CLOSED);
        long defaulted = count(loans, LoanState.DEFAULTED);
        model.addAttribute("loansDecided", approved + declined);
        model.addAttribute("approvalRate", rate(approved, approved + declined));
        model.addAttribute("loansDisbursed", disbursed);
        model.addAttribute("defaultRate", rate(defaulted, disbursed));
        model.addAttribute("loansWaiting", count(loans, LoanState.APPLIED, LoanState.REFERRED));
        return "console/market";
    }

    record CorridorRow(String corridor, String currency, long payments, String captured) {
    }

    /**
     * A currency's FX volume since the platform began: what parties sold in it (credited to the platform's
     * liquidity account) and what they bought in it (debited), in major units.
     */
    record FxRow(String currency, String sold, String bought) {
        static FxRow of(Account a) {
            String code = a.currency().code();
            return new FxRow(code, Charts.amount(a.creditsPosted(), code), Charts.amount(a.debitsPosted(), code));
        }
    }

    private static long count(Map<LoanState, Long> counts, LoanState... states) {
        long n = 0;
        for (LoanState s : states) {
            n += counts.getOrDefault(s, 0L);
        }
        return n;
    }

    private static String rate(long part, long whole) {
        return whole == 0 ? "—" : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + " %";
    }

    private String label(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private Map<String, Object> scaleChart(String studyName, String customsName) {
        List<String> years = study.stream().map(y -> String.valueOf(y.year())).toList();
        List<Object> customsValues = new ArrayList<>();
        for (String y : years) {
            customsValues.add(customs.stream().filter(c -> c.period().equals(y)).findFirst().map(c -> (Object) c.total())
                    .orElse(null));
        }
        return Map.of("type", "bar", "categories", years, "series", List.of(
                Map.of("name", studyName, "data", study.stream().map(StudyYear::scale).toList()),
                new LinkedHashMap<>(Map.of("name", customsName, "data", customsValues))));
    }

    private Map<String, Object> shareChart(String name) {
        return Map.of("type", "line", "categories", study.stream().map(y -> String.valueOf(y.year())).toList(),
                "series", List.of(Map.of("name", name, "data", study.stream().map(StudyYear::exportShare).toList())));
    }

    static List<StudyYear> studyTable() {
        List<StudyYear> years = new ArrayList<>();
        BigDecimal previous = null;
        for (String[] row : csv(STUDY)) {
            BigDecimal scale = new BigDecimal(row[1]);
            BigDecimal growth = previous == null ? null
                    : scale.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP);
            years.add(new StudyYear(Integer.parseInt(row[0]), scale, new BigDecimal(row[2]), growth));
            previous = scale;
        }
        return List.copyOf(years);
    }

    static List<CustomsYear> customsTable() {
        List<CustomsYear> years = new ArrayList<>();
        for (String[] row : csv(CUSTOMS)) {
            years.add(new CustomsYear(row[0], decimal(row[1]), decimal(row[2]), decimal(row[4]), row[5], row[6]));
        }
        return List.copyOf(years);
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    /** The rows after the header; fields split on commas outside double quotes (RFC 4180 quoting, no line breaks). */
    static List<String[]> csv(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = !quoted;
                        }
                    } else if (c == ',' && !quoted) {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                rows.add(fields.toArray(String[]::new));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("the market statistics " + resource + " are missing", e);
        }
    }
}
