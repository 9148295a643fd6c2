package org.finbridge.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKey;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.ImportJob;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.ImportSummary;
import org.finbridge.trade.TradeImports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data providers' page, for marketplaces and logistics companies: their API keys (listed without secrets),
 * their data submissions (bulk imports of orders, shipments, logistics events and declarations) and, for a
 * file sent from here, its progress while trade imports it in the background (polled by htmx: rows read of the
 * file's rows, records rejected so far), then its report with each rejected row and its reasons. Files go
 * through trade's import API as the logged-in person, with the same checks as {@code POST /api/v1/trade/imports}.
 */
@Controller
class ProviderPages {

    /** How many rejected rows the page lists; the count is always complete. */
    static final int REJECTIONS_SHOWN = 200;

    private final ApiKeys apiKeys;
    private final TradeImports imports;
    private final Parties parties;
    private final Clock clock;

    ProviderPages(ApiKeys apiKeys, TradeImports imports, Parties parties, Clock clock) {
        this.apiKeys = apiKeys;
        this.imports = imports;
        this.parties = parties;
        this.clock = clock;
    }

    static boolean isProvider(Actor actor) {
        return actor.partyKind() == PartyKind.MARKETPLACE || actor.partyKind() == PartyKind.LOGISTICS_PROVIDER;
    }

    private static void requireProvider(Actor actor) {
        if (!isProvider(actor)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no data provider page for this user");
        }
    }

    @GetMapping("/console/app/provider")
    String page(Actor actor, Model model) {
        requireProvider(actor);
        Instant now = clock.instant();
        model.addAttribute("actor", actor);
        model.addAttribute("party", parties.find(actor.partyId()).orElse(null));
        model.addAttribute("keys", apiKeys.of(actor.partyId()).stream().map(k -> KeyRow.of(k, now)).toList());
        model.addAttribute("imports", imports.history(actor.partyId(), 100).stream().map(ImportRow::of).toList());
        model.addAttribute("jobs", imports.jobs(actor.partyId(), 20).stream().map(JobView::of).toList());
        model.addAttribute("maySubmit", actor.has(ApiScope.TRADE_SUBMIT));
        model.addAttribute("kinds", actor.partyKind() == PartyKind.MARKETPLACE
                ? List.of(ImportRequest.Kind.ORDERS, ImportRequest.Kind.DECLARATIONS)
                : List.of(ImportRequest.Kind.SHIPMENTS, ImportRequest.Kind.SHIPMENT_EVENTS));
        return "console/provider";
    }

    /**
     * Sends a file: trade imports it in the background, and the person follows it on the job's page (rows read of the
     * file's rows, records rejected so far), which ends on a link to its report.
     */
    @PostMapping("/console/app/provider/imports")
    String submit(Actor actor, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String format,
                  @RequestParam(defaultValue = "COMMIT_VALID") String onInvalidRows,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        requireProvider(actor);
        if (!actor.has(ApiScope.TRADE_SUBMIT)) {
            throw new NotFoundException("PAGE_NOT_FOUND", "this user submits no data");
        }
        ImportRequest request;
        try {
            request = new ImportRequest(ImportRequest.Kind.valueOf(kind), ImportRequest.Format.valueOf(format),
                    ImportRequest.InvalidRows.valueOf(onInvalidRows), null);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "provider.error.form");
            return "redirect:/console/app/provider";
        }
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("error", "provider.error.file");
            return "redirect:/console/app/provider";
        }
        ImportJob job;
        try (InputStream in = file.getInputStream()) {
            job = imports.start(request, file.getOriginalFilename(), in, actor);
        }
        return "redirect:/console/app/provider/imports/" + job.id();
    }

    /** A file's import while it runs: its progress, polled by htmx, and a link to the report once it is over. */
    @GetMapping("/console/app/provider/imports/{id}")
    String job(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("job", JobView.of(job(actor, id)));
        return "console/provider-import";
    }

    /** The progress panel alone, for htmx to swap in; it stops polling itself once the import is over. */
    @GetMapping("/console/app/provider/imports/{id}/progress")
    String progress(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("job", JobView.of(job(actor, id)));
        return "console/provider-import :: progress";
    }

    /** A finished import's report: its outcome and each rejected record with its reasons. */
    @GetMapping("/console/app/provider/imports/{id}/report")
    String report(Actor actor, @PathVariable String id, Model model) {
        ImportJob job = job(actor, id);
        if (!job.state().finished()) {
            return "redirect:/console/app/provider/imports/" + job.id();
        }
        model.addAttribute("actor", actor);
        model.addAttribute("report", ReportView.of(job, imports.rejections(job.id(), actor.partyId(), REJECTIONS_SHOWN + 1)));
        return "console/provider-report";
    }

    /** The person's party's job, or 404: another party's import is as unknown as one that does not exist. */
    private ImportJob job(Actor actor, String id) {
        requireProvider(actor);
        try {
            return imports.job(ImportId.parse(id), actor.partyId())
                    .orElseThrow(() -> new NotFoundException("IMPORT_NOT_FOUND", "no such import"));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("IMPORT_NOT_FOUND", "no such import");
        }
    }

    record KeyRow(String id, String prefix, String label, String scopes, Instant createdAt, Instant lastUsedAt, boolean active) {
        static KeyRow of(ApiKey k, Instant now) {
            return new KeyRow(k.id(), k.prefix(), k.label() == null ? "" : k.label(),
                    String.join(" ", k.scopes().stream().map(ApiScope::code).sorted().toList()), k.createdAt(), k.lastUsedAt(),
                    k.isActiveAt(now));
        }
    }

    record ImportRow(String id, String kind, String format, long records, long accepted, long rejected, Instant recordedAt) {
        static ImportRow of(ImportSummary s) {
            return new ImportRow(s.id().toString(), s.kind().name(), s.format().name(), s.records(), s.accepted(), s.rejected(),
                    s.recordedAt());
        }
    }

    record ReportView(String id, String fileName, String kind, String outcome, long records, long accepted, long rejected,
                      List<ImportReport.Rejection> rejections, boolean truncated, String failure) {
        static ReportView of(ImportJob job, List<ImportReport.Rejection> rejections) {
            List<ImportReport.Rejection> shown = rejections.stream().limit(REJECTIONS_SHOWN).toList();
            return new ReportView(job.id().toString(), job.fileName(), job.kind().name(), job.state().name(), job.records(),
                    job.accepted(), job.rejected(), shown, job.rejectionsTruncated() || rejections.size() > shown.size(),
                    job.failure() == null ? "" : job.failure());
        }
    }

    /** A job as its page shows it: rows read of the file's, records and rejections so far, and whether it is over. */
    record JobView(String id, String fileName, String kind, String state, boolean finished, long linesTotal, long linesRead,
                   int percent, long records, long rejected, long accepted, Instant startedAt) {
        static JobView of(ImportJob j) {
            return new JobView(j.id().toString(), j.fileName(), j.kind().name(), j.state().name(), j.state().finished(),
                    j.linesTotal(), j.linesRead(), j.percent(), j.records(), j.rejected(), j.accepted(), j.startedAt());
        }
    }
}
