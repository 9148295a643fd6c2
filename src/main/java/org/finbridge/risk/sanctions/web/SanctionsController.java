package org.finbridge.risk.sanctions.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.risk.sanctions.DecisionResult;
import org.finbridge.risk.sanctions.HitId;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.ImportResult;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListImport;
import org.finbridge.risk.sanctions.SanctionsLists;
import org.finbridge.risk.sanctions.SanctionsReview;
import org.finbridge.risk.sanctions.SanctionsScreening;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.ScreeningResult;
import org.finbridge.risk.sanctions.SubjectType;
import org.finbridge.risk.sanctions.web.SanctionsViews.HitView;
import org.finbridge.risk.sanctions.web.SanctionsViews.ImportView;
import org.finbridge.risk.sanctions.web.SanctionsViews.ListVersionView;
import org.finbridge.risk.sanctions.web.SanctionsViews.PartyScreeningView;
import org.finbridge.risk.sanctions.web.SanctionsViews.ReviewHitView;
import org.finbridge.risk.sanctions.web.SanctionsViews.ScreeningView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sanctions lists, ad hoc screening and the review queue: the platform's risk analysts only (scope
 * {@code risk:review}, operators). Refusals: 400 INVALID_FIELD / UNKNOWN_BUNDLE, 422 MALFORMED_LIST /
 * EMPTY_LIST, 409 LIST_SHRANK / ALREADY_DECIDED, 404 HIT_NOT_FOUND / PARTY_NOT_FOUND.
 */
@RestController
@RequestMapping("/api/v1/sanctions")
class SanctionsController {

    private final SanctionsLists lists;
    private final SanctionsScreening screening;
    private final SanctionsReview review;

    SanctionsController(SanctionsLists lists, SanctionsScreening screening, SanctionsReview review) {
        this.lists = lists;
        this.screening = screening;
        this.review = review;
    }

    /**
     * Files travel base64-encoded in JSON (the request limit, 8 MB, holds the OFAC SDN file). {@code bundled}
     * instead of files imports a list shipped with Finbridge (e.g. {@code ofac-sdn-2024-05-03}).
     */
    record ImportBody(String list, String fileName, String file, String aliasFile, String addressFile, String bundled,
                      Boolean allowShrink) {
    }

    @PostMapping("/lists")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> importList(Actor actor, @RequestParam(required = false) String format, @RequestBody ImportBody body) {
        boolean allowShrink = Boolean.TRUE.equals(body.allowShrink());
        if (body.bundled() != null) {
            return answer(lists.importBundled(body.bundled(), body.list(), allowShrink, actor));
        }
        Optional<ListFormat> f = ListFormat.parse(format);
        if (f.isEmpty()) {
            return invalid("format", "a query parameter: ofac, un or csv");
        }
        byte[] content;
        byte[] aliases;
        byte[] addresses;
        try {
            content = decode(body.file());
            aliases = decode(body.aliasFile());
            addresses = decode(body.addressFile());
        } catch (IllegalArgumentException e) {
            return invalid("file", "files are sent base64-encoded");
        }
        String list = body.list() == null ? f.get().defaultListCode() : body.list();
        return answer(lists.importList(new ListImport(list, f.get(), body.fileName(), content, aliases, addresses,
                allowShrink), actor));
    }

    private static byte[] decode(String base64) {
        return base64 == null ? null : Base64.getMimeDecoder().decode(base64);
    }

    private static ResponseEntity<?> answer(ImportResult result) {
        return switch (result) {
            case ImportResult.Imported i -> ResponseEntity.created(URI.create("/api/v1/sanctions/lists?list=" + i.version().listCode()))
                    .body(new ImportView("IMPORTED", ListVersionView.of(i.version())));
            case ImportResult.Unchanged u -> ResponseEntity.ok(new ImportView("UNCHANGED", ListVersionView.of(u.current())));
            case ImportResult.Refused r -> switch (r.code()) {
                case "MALFORMED_LIST", "EMPTY_LIST" -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, r.code(), r.reason());
                case "LIST_SHRANK" -> Problems.response(HttpStatus.CONFLICT, r.code(), r.reason());
                case "INVALID_FIELD" -> invalid(r.reason().substring(0, Math.max(0, r.reason().indexOf(':'))), r.reason());
                default -> Problems.response(HttpStatus.BAD_REQUEST, r.code(), r.reason());
            };
        };
    }

    @GetMapping("/lists")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    List<ListVersionView> versions(@RequestParam(required = false) String list, @RequestParam(defaultValue = "50") int limit) {
        return lists.versions(list, Math.max(1, Math.min(limit, 500))).stream().map(ListVersionView::of).toList();
    }

    record ScreeningBody(String name, String type, String country, LocalDate dateOfBirth, String partyId) {
    }

    /** A name ad hoc (nothing is recorded), or {@code partyId}: that party and its owners, with hits raised for review. */
    @PostMapping("/screenings")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> screen(Actor actor, @RequestBody ScreeningBody body) {
        if (body.partyId() != null) {
            PartyId party;
            try {
                party = PartyId.parse(body.partyId());
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("PARTY_NOT_FOUND", "no such object: " + body.partyId());
            }
            return review.screenParty(party)
                    .<ResponseEntity<?>>map(r -> ResponseEntity.ok(new PartyScreeningView(r.outcome().name(), r.detail(),
                            r.hits().stream().map(ReviewHitView::of).toList())))
                    .orElseThrow(() -> new NotFoundException("PARTY_NOT_FOUND", "no such object: " + body.partyId()));
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 500) {
            return invalid("name", "the name to screen, 1 to 500 characters");
        }
        Optional<SubjectType> type = SubjectType.parse(body.type());
        if (type.isEmpty()) {
            return invalid("type", "individual, entity, vessel, aircraft or unknown");
        }
        if (body.country() != null && !body.country().matches("[A-Za-z]{2}")) {
            return invalid("country", "an ISO 3166-1 alpha-2 code");
        }
        return ResponseEntity.ok(switch (screening.screen(new ScreeningQuery(body.name(), type.get(), body.country(),
                body.dateOfBirth()))) {
            case ScreeningResult.Screened s -> new ScreeningView("SCREENED", null, s.hits().stream().map(HitView::of).toList(),
                    s.listVersions(), s.threshold());
            case ScreeningResult.Unavailable u -> new ScreeningView("UNAVAILABLE", u.reason(), List.of(), List.of(), null);
        });
    }

    @GetMapping("/hits")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> hits(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "100") int limit) {
        Optional<HitStatus> s = java.util.Arrays.stream(HitStatus.values()).filter(x -> x.name().equalsIgnoreCase(status)).findFirst();
        if (s.isEmpty()) {
            return invalid("status", "OPEN, TRUE_MATCH or FALSE_POSITIVE");
        }
        return ResponseEntity.ok(review.hits(s.get(), Math.max(1, Math.min(limit, 500))).stream().map(ReviewHitView::of).toList());
    }

    record DecisionBody(String decision, String note) {
    }

    @PostMapping("/hits/{id}/decision")
    @Access(value = ApiScope.RISK_REVIEW, operatorOnly = true)
    ResponseEntity<?> decide(Actor actor, @PathVariable String id, @RequestBody DecisionBody body) {
        HitId hit;
        try {
            hit = HitId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("HIT_NOT_FOUND", "no such object: " + id);
        }
        HitStatus decision = body.decision() == null ? null : java.util.Arrays.stream(HitStatus.values())
                .filter(x -> x.isDecision() && x.name().equalsIgnoreCase(body.decision())).findFirst().orElse(null);
        return switch (review.decide(hit, decision, body.note(), actor)) {
            case DecisionResult.Decided d -> ResponseEntity.ok(ReviewHitView.of(d.hit()));
            case DecisionResult.NotFound n -> throw new NotFoundException("HIT_NOT_FOUND", "no such object: " + id);
            case DecisionResult.AlreadyDecided a -> Problems.response(HttpStatus.CONFLICT, "ALREADY_DECIDED",
                    "the hit was settled as " + a.hit().status() + " by " + a.hit().decidedBy());
            case DecisionResult.InvalidField f -> invalid(f.field(), f.reason());
        };
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }
}
