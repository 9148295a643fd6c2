package org.finbridge.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.RequestIds;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.risk.aml.AmlReport;
import org.finbridge.risk.aml.AmlReports;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.settlement.SafeguardingReport;
import org.finbridge.supervision.BopDeclaration;
import org.finbridge.supervision.BopDeclarations;
import org.finbridge.supervision.BopStatus;
import org.finbridge.supervision.BopStatusResult;
import org.finbridge.supervision.Licence;
import org.finbridge.supervision.PaymentInstitutions;
import org.finbridge.supervision.PilotZone;
import org.finbridge.supervision.PilotZones;
import org.finbridge.supervision.RegulatorViews;
import org.finbridge.supervision.Violation;
import org.finbridge.supervision.ViolationResult;
import org.finbridge.supervision.Violations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regulator's overview: flows by currency, day, corridor and customs mode for a period, the period's
 * balance-of-payments declarations, the licence register of payment institutions and the pilot zones, quota
 * breaches, the AML reports filed
 * (LTR and STR, with whether each was filed by its deadline), the latest safeguarding coverage and the
 * violation cases, which the regulator files, takes up and closes here. It reads and acts only through
 * supervision's, risk's and settlement's public APIs as the logged-in regulator, and, as over the API, every
 * read of the overview is audited (who looked at which period) and every step of a case is audited by
 * supervision itself.
 */
@Controller
class RegulatorPages {

    /** Supervision's periods are Beijing dates, both ends included. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int DEFAULT_PERIOD_DAYS = 30;
    static final int BOP_SHOWN = 500;

    private final RegulatorViews views;
    private final Violations violations;
    private final AmlReports amlReports;
    private final Reconciliations reconciliations;
    private final Parties parties;
    private final AuditLog audit;
    private final Clock clock;
    private final BopDeclarations bop;
    private final PaymentInstitutions institutions;
    private final PilotZones zones;

    RegulatorPages(RegulatorViews views, Violations violations, AmlReports amlReports, Reconciliations reconciliations,
                   Parties parties, AuditLog audit, Clock clock, BopDeclarations bop, PaymentInstitutions institutions,
                   PilotZones zones) {
        this.bop = bop;
        this.institutions = institutions;
        this.zones = zones;
        this.views = views;
        this.violations = violations;
        this.amlReports = amlReports;
        this.reconciliations = reconciliations;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    private static void requireRegulator(Actor actor) {
        if (actor.partyKind() != PartyKind.REGULATOR || !actor.has(ApiScope.SUPERVISION_READ)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no supervision overview for this user");
        }
    }

    @GetMapping("/console/app/regulator")
    String overview(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    Model model) {
        requireRegulator(actor);
        LocalDate today = LocalDate.ofInstant(clock.instant(), BEIJING);
        Period period = Period.parse(from, to, today);
        if (period.invalid()) {
            model.addAttribute("periodError", "regulator.period.invalid");
        }
        LocalDate start = period.from();
        LocalDate end = period.to();

        List<RegulatorViews.Flow> byCurrency = views.flows(start, end, RegulatorViews.GroupBy.CURRENCY);
        List<RegulatorViews.Flow> byDay = views.flows(start, end, RegulatorViews.GroupBy.DAY);
        List<RegulatorViews.Breach> breaches = views.breaches(end.getYear(), null);
        List<AmlRow> reports = amlReports.list(null, 50).stream().map(AmlRow::of).toList();
        List<SafeguardingReport> safeguarding = reconciliations.safeguardingReports(actor, 1);
        List<CaseRow> cases = violations.visibleTo(actor.partyId(), null).stream().map(this::caseRow).toList();
        audit.append(new AuditEntry(actor.name(), actor.auditRole(), "supervision.view.read", "regulator_view",
                "console-overview", null, "from=" + start + " to=" + end, RequestIds.current().orElse(null)));

        model.addAttribute("charts", true);
        model.addAttribute("actor", actor);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("flows", byCurrency.stream().map(FlowRow::of).toList());
        model.addAttribute("flowsChart", Charts.json(dailyChart(byDay, start, end)));
        model.addAttribute("breaches", breaches.stream().map(BreachRow::of).toList());
        model.addAttribute("reports", reports);
        model.addAttribute("safeguardingDate", safeguarding.isEmpty() ? null : safeguarding.getFirst().date());
        model.addAttribute("coverage", safeguarding.isEmpty() ? List.of()
                : safeguarding.getFirst().lines().stream().map(CoverageRow::of).toList());
        model.addAttribute("cases", cases);

        List<FlowGroupRow> corridors = views.flows(start, end, RegulatorViews.GroupBy.CORRIDOR).stream().map(FlowGroupRow::of).toList();
        model.addAttribute("corridors", corridors);
        model.addAttribute("corridorChart", Charts.json(groupChart(views.flows(start, end, RegulatorViews.GroupBy.CORRIDOR))));
        model.addAttribute("customsModes", views.flows(start, end, RegulatorViews.GroupBy.CUSTOMS_MODE).stream()
                .map(FlowGroupRow::of).toList());
        Map<PartyId, String> names = new LinkedHashMap<>();
        List<BopDeclaration> declared = new ArrayList<>(bop.between(start, end));
        java.util.Collections.reverse(declared); // the most recent first
        model.addAttribute("bop", declared.stream().limit(BOP_SHOWN).map(d -> BopRow.of(d, name(names, d.merchant()))).toList());
        model.addAttribute("bopTotal", declared.size());
        model.addAttribute("bopShown", BOP_SHOWN);
        model.addAttribute("mayRecordBop", actor.has(ApiScope.SUPERVISION_WRITE));
        model.addAttribute("licences", institutions.all().stream().map(l -> LicenceRow.of(l, name(names, l.institution()), today)).toList());
        model.addAttribute("zones", zones.all().stream().map(z -> ZoneRow.of(z, today)).toList());
        return "console/regulator";
    }

    /** Files a case against a party: supervision opens it in this regulator's hands, investigating. */
    @PostMapping("/console/app/regulator/violations")
    String file(Actor actor, @RequestParam(defaultValue = "") String subjectId, @RequestParam(defaultValue = "") String ruleCode,
                @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        requireWriter(actor);
        Optional<Party> subject = party(subjectId.trim());
        String code = ruleCode.trim();
        if (subject.isEmpty()) {
            return refused(flash, "regulator.violations.error.subject");
        }
        if (!code.matches("[A-Z0-9_]{1,64}")) {
            return refused(flash, "regulator.violations.error.ruleCode");
        }
        if (description.isBlank() || description.length() > 2000) {
            return refused(flash, "regulator.violations.error.description");
        }
        Violation v = violations.file(actor.partyId(), subject.get().id(), code, description.trim());
        flash.addFlashAttribute("notice", "regulator.violations.filed");
        flash.addFlashAttribute("noticeArg", TimeOrderedIds.format("vio", v.id()));
        return "redirect:/console/app/regulator#violations";
    }

    /** A step of a case: take up a rule-detected case, or close one (with a note). */
    @PostMapping("/console/app/regulator/violations/{id}/{action}")
    String step(Actor actor, @PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String note,
                RedirectAttributes flash) {
        requireWriter(actor);
        UUID violation;
        try {
            violation = TimeOrderedIds.parse("vio", id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("VIOLATION_NOT_FOUND", "no such violation case: " + id);
        }
        ViolationResult result = switch (action) {
            case "investigate" -> violations.investigate(violation, actor.partyId());
            case "close" -> {
                if (note.isBlank() || note.length() > 2000) {
                    yield null;
                }
                yield violations.close(violation, actor.partyId(), note.trim());
            }
            default -> throw new NotFoundException("PAGE_NOT_FOUND", "no such step: " + action);
        };
        if (result == null) {
            return refused(flash, "regulator.violations.error.note");
        }
        return switch (result) {
            case ViolationResult.Moved moved -> {
                flash.addFlashAttribute("notice", "regulator.violations.moved");
                flash.addFlashAttribute("noticeArg", id);
                yield "redirect:/console/app/regulator#violations";
            }
            case ViolationResult.NotFound nf -> throw new NotFoundException("VIOLATION_NOT_FOUND", "no such violation case: " + id);
            case ViolationResult.IllegalTransition t -> refused(flash, "regulator.violations.error.transition");
        };
    }

    /**
     * Records where a balance-of-payments declaration stands with the reporting channel: filed, accepted or
     * rejected (supervision keeps the steps allowed, and audits each), with the channel's reference or the
     * reason for a rejection.
     */
    @PostMapping("/console/app/regulator/bop/{id}/status")
    String bopStatus(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String status,
                     @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        requireWriter(actor);
        UUID declaration;
        try {
            declaration = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("BOP_DECLARATION_NOT_FOUND", "no such declaration: " + id);
        }
        BopStatus next;
        try {
            next = BopStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return bopRefused(flash, "regulator.bop.error.status");
        }
        if (next == BopStatus.RECORDED) {
            return bopRefused(flash, "regulator.bop.error.status");
        }
        if (note.isBlank() || note.strip().length() > 500) {
            return bopRefused(flash, "regulator.bop.error.note");
        }
        return switch (bop.recordStatus(actor, declaration, next, note)) {
            case BopStatusResult.Recorded r -> {
                flash.addFlashAttribute("notice", "regulator.bop.recorded." + next);
                flash.addFlashAttribute("noticeArg", r.declaration().reference());
                yield "redirect:/console/app/regulator";
            }
            case BopStatusResult.NotFound nf -> throw new NotFoundException("BOP_DECLARATION_NOT_FOUND", "no such declaration: " + id);
            case BopStatusResult.IllegalTransition t -> bopRefused(flash, "regulator.bop.error.transition");
            case BopStatusResult.InvalidField f -> bopRefused(flash, "regulator.bop.error.note");
        };
    }

    /** A refused step on a declaration: the message is shown at the top of the page, where it is read first. */
    private static String bopRefused(RedirectAttributes flash, String messageKey) {
        flash.addFlashAttribute("error", messageKey);
        return "redirect:/console/app/regulator";
    }

    private static void requireWriter(Actor actor) {
        requireRegulator(actor);
        if (!actor.has(ApiScope.SUPERVISION_WRITE)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "this user decides no violation cases");
        }
    }

    private static String refused(RedirectAttributes flash, String messageKey) {
        flash.addFlashAttribute("error", messageKey);
        return "redirect:/console/app/regulator#violations";
    }

    private Optional<Party> party(String id) {
        try {
            return parties.find(PartyId.parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String name(Map<PartyId, String> names, PartyId id) {
        return names.computeIfAbsent(id, p -> parties.find(p).map(Party::legalName).orElse(p.toString()));
    }

    private CaseRow caseRow(Violation v) {
        String subject = parties.find(v.subject()).map(Party::legalName).orElse(v.subject().toString());
        return new CaseRow(TimeOrderedIds.format("vio", v.id()), subject, v.ruleCode(), v.description(), v.state(),
                v.source(), v.openedAt().atZone(BEIJING).toLocalDate(), v.authority() == null && v.state() == Violation.State.OPEN,
                v.state().mayBecome(Violation.State.CLOSED));
    }

    /**
     * The period asked for, or the last {@value #DEFAULT_PERIOD_DAYS} days when none (or an unreadable one, a
     * backwards one or one longer than a year) was asked for.
     */
    record Period(LocalDate from, LocalDate to, boolean invalid) {
        static Period parse(String from, String to, LocalDate today) {
            Period fallback = new Period(today.minusDays(DEFAULT_PERIOD_DAYS - 1), today, false);
            if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
                return fallback;
            }
            try {
                LocalDate f = LocalDate.parse(from);
                LocalDate t = LocalDate.parse(to);
                if (t.isBefore(f) || f.plusYears(1).isBefore(t)) {
                    return new Period(fallback.from(), fallback.to(), true);
                }
                return new Period(f, t, false);
            } catch (DateTimeParseException | NullPointerException e) {
                return new Period(fallback.from(), fallback.to(), true);
            }
        }
    }

    record FlowRow(String currency, long payments, String captured, String refunded) {
        static FlowRow of(RegulatorViews.Flow f) {
            return new FlowRow(f.currency(), f.payments(), Charts.amount(f.capturedMinor(), f.currency()),
                    Charts.amount(f.refundedMinor(), f.currency()));
        }
    }

    record BreachRow(String kind, String subject, int year, String amount, String limit, String currency, String reference,
                     LocalDate detectedOn) {
        static BreachRow of(RegulatorViews.Breach b) {
            return new BreachRow(b.kind(), b.subject(), b.year(), Charts.amount(b.amountMinor(), b.currency()),
                    Charts.amount(b.limitMinor(), b.currency()), b.currency(), b.reference(), b.detectedAt().atZone(BEIJING).toLocalDate());
        }
    }

    /** One currency of the latest safeguarding report: covered, or a break with its age. */
    record CoverageRow(String currency, String owed, String held, String coveragePercent, String shortfall, boolean alert,
                       long breakAgeDays, LocalDate balanceDate) {
        static CoverageRow of(SafeguardingReport.Line l) {
            return new CoverageRow(l.currency(), Charts.amount(l.owedMinorUnits(), l.currency()),
                    Charts.amount(l.heldMinorUnits(), l.currency()), l.coveragePercent() == null ? "" : l.coveragePercent().toPlainString(),
                    Charts.amount(l.shortfallMinorUnits(), l.currency()), l.alert(), l.breakAgeDays(), l.balanceDate());
        }
    }

    /**
     * @param status ON_TIME when filed by the last working day allowed (REGULATIONS §4.2: 5 working days), else LATE
     */
    record AmlRow(String id, String type, String featureCode, String subject, LocalDate subjectDate, LocalDate dueOn,
                  LocalDate filedOn, int transactions, String status) {
        static AmlRow of(AmlReport r) {
            LocalDate filed = r.createdAt().atZone(BEIJING).toLocalDate();
            return new AmlRow(r.id().toString(), r.type().name(), r.featureCode() == null ? "" : r.featureCode(),
                    r.partyId() == null ? "" : r.partyId().toString(), r.subjectDate(), r.dueOn(), filed, r.transactionCount(),
                    filed.isAfter(r.dueOn()) ? "LATE" : "ON_TIME");
        }
    }

    record CaseRow(String id, String subject, String ruleCode, String description, Violation.State state,
                   Violation.Source source, LocalDate openedOn, boolean mayTakeUp, boolean mayClose) {
    }

    /**
     * The chart's data: captured amounts per day, one series per currency, in major units (each currency on
     * its own scale; the chart compares days, not currencies).
     */
    static Map<String, Object> dailyChart(List<RegulatorViews.Flow> byDay, LocalDate from, LocalDate to) {
        TreeSet<String> days = new TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d.toString()); // every day of the period, so quiet days show as gaps
        }
        return barChart(byDay, days);
    }

    /** Flows of one group (a corridor such as {@code CN-DE}, or a customs mode) in one currency. */
    record FlowGroupRow(String group, String currency, long payments, String captured, String refunded) {
        static FlowGroupRow of(RegulatorViews.Flow f) {
            return new FlowGroupRow(f.group(), f.currency(), f.payments(), Charts.amount(f.capturedMinor(), f.currency()),
                    Charts.amount(f.refundedMinor(), f.currency()));
        }
    }

    /** A balance-of-payments declaration: a receipt, or the refund that reverses one (regulations notes §2). */
    record BopRow(String id, LocalDate declaredOn, String merchant, String direction, String transactionCode, String amount,
                  String currency, String postscript, String reference, String status, String statusNote,
                  List<String> nextStatuses) {
        static BopRow of(BopDeclaration d, String merchant) {
            return new BopRow(d.id().toString(), d.declaredOn(), merchant, d.refund() ? "REFUND" : "RECEIPT", d.transactionCode(),
                    Charts.amount(d.amount()), d.amount().currency().code(), d.postscript(), d.reference(), d.status().name(),
                    d.statusNote() == null ? "" : d.statusNote(),
                    java.util.Arrays.stream(BopStatus.values()).filter(d.status()::mayBecome).map(Enum::name).toList());
        }
    }

    /** A licensed payment institution: what its licence covers, until when, and its limits. */
    record LicenceRow(String institutionId, String institution, String licenceNumber, String scopes, String regions,
                      LocalDate validFrom, LocalDate validTo, boolean valid, String singleLimit, String dailyLimit, String connectors) {
        static LicenceRow of(Licence l, String name, LocalDate today) {
            return new LicenceRow(l.institution().toString(), name, l.licenceNumber(), String.join(", ", new TreeSet<>(l.scopes())),
                    String.join(", ", new TreeSet<>(l.regions())), l.validFrom(), l.validTo(), l.validOn(today),
                    Charts.amount(l.singleTransactionLimit()) + " " + l.singleTransactionLimit().currency().code(),
                    l.dailyVolumeLimit() == null ? "" : Charts.amount(l.dailyVolumeLimit()) + " " + l.dailyVolumeLimit().currency().code(),
                    String.join(", ", new TreeSet<>(l.connectors())));
        }
    }

    /** A pilot zone: what it allows, to how many parties, from when to when. */
    record ZoneRow(String code, String name, String capabilities, String limits, int cohort, LocalDate startsOn,
                   LocalDate sunsetOn, boolean active, int version) {
        static ZoneRow of(PilotZone z, LocalDate today) {
            StringBuilder limits = new StringBuilder();
            new java.util.TreeMap<>(z.limits()).forEach((k, v) -> limits.append(limits.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return new ZoneRow(z.code(), z.name(), String.join(", ", new TreeSet<>(z.capabilities())), limits.toString(),
                    z.cohort().size(), z.startsOn(), z.sunsetOn(), z.activeOn(today), z.version());
        }
    }

    /** Captured amounts per group, one series per currency, in major units. */
    static Map<String, Object> groupChart(List<RegulatorViews.Flow> flows) {
        return barChart(flows, new TreeSet<>());
    }

    /** One bar series per currency over the given categories and those the flows name, in major units. */
    private static Map<String, Object> barChart(List<RegulatorViews.Flow> flows, TreeSet<String> groups) {
        TreeSet<String> currencies = new TreeSet<>();
        for (RegulatorViews.Flow f : flows) {
            groups.add(f.group());
            currencies.add(f.currency());
        }
        List<String> groupList = new ArrayList<>(groups);
        List<Map<String, Object>> series = new ArrayList<>();
        for (String currency : currencies) {
            double[] values = new double[groupList.size()];
            for (RegulatorViews.Flow f : flows) {
                if (f.currency().equals(currency)) {
                    values[groupList.indexOf(f.group())] = Money.ofMinor(f.capturedMinor(), currency).toMajor().doubleValue();
                }
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", currency);
            s.put("data", values);
            series.add(s);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "bar");
        chart.put("categories", groupList);
        chart.put("series", series);
        return chart;
    }
}
