package org.finbridge.trade.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.Problems;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.TradeImports;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk imports: the request body is the file itself ({@code text/csv} or {@code application/x-ndjson}),
 * read as a stream. 200 with the report when the valid records are committed; 422 IMPORT_REFUSED when
 * nothing was committed because the file is unreadable or (with {@code onInvalidRows=REFUSE_FILE}) has
 * invalid records; 503 IMPORT_FAILED when the import broke off and nothing was committed. The report is
 * in the body either way.
 */
@RestController
@RequestMapping("/api/v1/trade")
class ImportController {

    private final TradeImports imports;

    ImportController(TradeImports imports) {
        this.imports = imports;
    }

    @PostMapping("/imports")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = {PartyKind.MARKETPLACE, PartyKind.LOGISTICS_PROVIDER, PartyKind.MERCHANT})
    ResponseEntity<?> importFile(Actor actor, @RequestParam ImportRequest.Kind kind,
                                 @RequestParam(required = false) ImportRequest.Format format,
                                 @RequestParam(defaultValue = "COMMIT_VALID") ImportRequest.InvalidRows onInvalidRows,
                                 @RequestParam(required = false) String onBehalfOf,
                                 HttpServletRequest request) throws IOException {
        ImportRequest.Format fileFormat = format != null ? format : formatOf(request.getContentType());
        if (fileFormat == null) {
            return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "IMPORT_FORMAT_UNKNOWN",
                    "send text/csv or application/x-ndjson, or name the format (format=CSV or JSON_LINES)");
        }
        ImportReport report = imports.importFile(new ImportRequest(kind, fileFormat, onInvalidRows, onBehalfOf),
                request.getInputStream(), actor);
        ReportView view = ReportView.of(report);
        return switch (report.outcome()) {
            case COMMITTED -> ResponseEntity.ok(view);
            case REFUSED -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "IMPORT_REFUSED", report.failure(),
                    Map.of("report", view));
            case FAILED -> Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "IMPORT_FAILED", report.failure(),
                    Map.of("report", view));
        };
    }

    record ReportView(String id, String kind, String format, String sha256, long records, long accepted, long rejected,
                      String outcome, java.util.List<ImportReport.Rejection> rejections, boolean rejectionsTruncated,
                      String failure) {
        static ReportView of(ImportReport r) {
            return new ReportView(r.id().toString(), r.kind().name(), r.format().name(), r.sha256(), r.records(),
                    r.accepted(), r.rejected(), r.outcome().name(), r.rejections(), r.rejectionsTruncated(), r.failure());
        }
    }

    private static ImportRequest.Format formatOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return ImportRequest.Format.CSV;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json-lines") || type.startsWith("application/x-jsonlines")) {
            return ImportRequest.Format.JSON_LINES;
        }
        return null;
    }
}
