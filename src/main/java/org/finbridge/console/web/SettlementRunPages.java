package org.finbridge.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.party.ConsoleRole;
import org.finbridge.platform.RequestIds;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.settlement.SettlementRunFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settlement runs for the operators' finance role: start the run of a business date and follow it while it works
 * (lines answered by the ledger out of the lines planned, merchants, amounts planned and posted), the panel
 * polled by htmx like a trade import's progress. Every other role finds no such page.
 *
 * <p>The run itself is settlement's ({@link Settlement#run}): it claims the date, so a second start, from here,
 * another node or the schedule, answers the run as it stands and every amount moves once. The console only
 * starts it off the request thread, so a run over many payments does not hold the operator's page; a run left
 * unfinished (the node stopped) is resumed by settlement's own janitor.
 */
@Controller
class SettlementRunPages {

    private static final Logger log = LoggerFactory.getLogger(SettlementRunPages.class);
    static final String PATH = "/console/app/operator/settlement";
    /** Runs shown, newest business date first: a month of daily runs. */
    static final int RUNS_SHOWN = 31;

    private final Settlement settlement;
    private final SettlementRunFigures figures;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    /** One run at a time: settlement works dates in order anyway, and a run is one long piece of work. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("console-settlement-run").daemon().factory());
    /** Dates started here and not yet answered: the panel keeps polling until their run shows and completes. */
    private final java.util.Set<LocalDate> starting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SettlementRunPages(Settlement settlement, SettlementRunFigures figures, AuditLog audit, Clock clock,
                       @Value("${finbridge.settlement.zone:Asia/Shanghai}") String zone) {
        this.settlement = settlement;
        this.figures = figures;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Settlement moves merchants' money: the finance duty's, kept apart from the other operators' (see ConsoleRole). */
    static boolean mayRun(Actor actor) {
        return actor.isOperator() && actor.role() == ConsoleRole.OPERATOR_FINANCE;
    }

    private static void requireFinance(Actor actor) {
        if (!mayRun(actor)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no settlement pages for this user");
        }
    }

    @GetMapping(PATH)
    String page(Actor actor, Model model) {
        requireFinance(actor);
        model.addAttribute("actor", actor);
        model.addAttribute("today", today());
        addRuns(model);
        return "console/operator-settlement";
    }

    /** The runs panel alone, polled by htmx while a run works. */
    @GetMapping(PATH + "/progress")
    String progress(Actor actor, Model model) {
        requireFinance(actor);
        addRuns(model);
        return "console/operator-settlement :: runs";
    }

    /** Starts (or resumes) the run of a business date; today's at the latest, as the schedule would. */
    @PostMapping(PATH + "/runs")
    String start(Actor actor, @RequestParam(defaultValue = "") String businessDate, RedirectAttributes flash) {
        requireFinance(actor);
        LocalDate date;
        try {
            date = LocalDate.parse(businessDate.trim());
        } catch (DateTimeParseException e) {
            return refused(flash, "operator.settlement.error.date", businessDate);
        }
        // a run for a later date would claim that date before its payments are due
        if (date.isAfter(today())) {
            return refused(flash, "operator.settlement.error.future", date.toString());
        }
        boolean completed = settlement.runs(RUNS_SHOWN).stream()
                .anyMatch(r -> r.businessDate().equals(date) && r.status() == SettlementRun.Status.COMPLETED);
        if (completed) {
            return refused(flash, "operator.settlement.error.done", date.toString());
        }
        audit.append(new AuditEntry(actor.name(), actor.auditRole(), "settlement.run.start", "settlement_run_date",
                date.toString(), null, "{\"businessDate\":\"" + date + "\",\"channel\":\"console\"}",
                RequestIds.current().orElse(null)));
        String by = actor.name();
        starting.add(date);
        background.execute(() -> {
            try {
                settlement.run(date, by);
            } catch (RuntimeException e) {
                // the run stays where it stopped; settlement's janitor (or another start) resumes it
                log.warn("settlement run of {} started by {} stopped: {}", date, by, e.getMessage());
            } finally {
                starting.remove(date);
            }
        });
        flash.addFlashAttribute("notice", "operator.settlement.startedRun");
        flash.addFlashAttribute("noticeArg", date.toString());
        return "redirect:" + PATH;
    }

    private static String refused(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("error", key);
        flash.addFlashAttribute("errorArg", arg);
        return "redirect:" + PATH;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private void addRuns(Model model) {
        List<RunRow> runs = settlement.runs(RUNS_SHOWN).stream().map(this::row).toList();
        model.addAttribute("runs", runs);
        model.addAttribute("working", !starting.isEmpty() || runs.stream().anyMatch(r -> !r.finished()));
    }

    private RunRow row(SettlementRun r) {
        SettlementRunFigures.Figures f = figures.figures(r.id())
                .orElse(new SettlementRunFigures.Figures(0, List.of()));
        List<TotalRow> totals = f.totals().stream().map(t -> new TotalRow(t.currency(), t.kind(),
                Charts.amount(t.plannedMinorUnits(), t.currency()), Charts.amount(t.postedMinorUnits(), t.currency()))).toList();
        return new RunRow(r.id().toString(), r.businessDate(), r.status().name(), r.lines(), r.posted(), r.refused(),
                f.merchants(), totals, r.createdAt(), r.completedAt());
    }

    /**
     * A run as the page shows it: lines done are the lines the ledger answered (posted or refused) of those
     * planned; a run still CREATED has planned nothing yet.
     */
    record RunRow(String id, LocalDate businessDate, String status, int lines, int posted, int refused, int merchants,
                  List<TotalRow> totals, Instant startedAt, Instant finishedAt) {

        public int done() {
            return posted + refused;
        }

        public boolean finished() {
            return "COMPLETED".equals(status);
        }

        public int percent() {
            if (finished()) {
                return 100;
            }
            return lines == 0 ? 0 : (int) Math.min(99, 100L * done() / lines);
        }
    }

    record TotalRow(String currency, String kind, String planned, String posted) {
    }
}
