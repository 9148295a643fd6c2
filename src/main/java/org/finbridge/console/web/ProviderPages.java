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
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.ImportSummary;
import org.finbridge.trade.TradeImports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data providers' page, for marketplaces and logistics companies: their API keys (listed without secrets),
 * their data submissions (bulk imports of orders, shipments, logistics events and declarations) and, for a
 * file sent from here, each rejected row with its reasons. Files go through trade's import API as the
 * logged-in person, exactly as over {@code POST /api/v1/trade/imports}.
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
        model.addAttribute("maySubmit", actor.has(ApiScope.TRADE_SUBMIT));
        model.addAttribute("kinds", actor.partyKind() == PartyKind.MARKETPLACE
                ? List.of(ImportRequest.Kind.ORDERS, ImportRequest.Kind.DECLARATIONS)
                : List.of(ImportRequest.Kind.SHIPMENTS, ImportRequest.Kind.SHIPMENT_EVENTS));
        return "console/provider";
    }

    /** Sends a file: its valid rows are committed (or none, if asked), and the rejected rows are listed. */
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
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = imports.importFile(request, in, actor);
        }
        flash.addFlashAttribute("report", ReportView.of(report, file.getOriginalFilename()));
        return "redirect:/console/app/provider#report";
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

    record ReportView(String fileName, String kind, String outcome, long records, long accepted, long rejected,
                      List<ImportReport.Rejection> rejections, boolean truncated, String failure) implements java.io.Serializable {
        static ReportView of(ImportReport r, String fileName) {
            List<ImportReport.Rejection> shown = r.rejections().stream().limit(REJECTIONS_SHOWN).toList();
            return new ReportView(fileName == null ? "" : fileName, r.kind().name(), r.outcome().name(), r.records(),
                    r.accepted(), r.rejected(), shown, r.rejectionsTruncated() || r.rejections().size() > shown.size(),
                    r.failure() == null ? "" : r.failure());
        }
    }
}
