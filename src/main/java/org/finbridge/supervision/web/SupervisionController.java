package org.finbridge.supervision.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.money.Money;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.RequestIds;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.supervision.BopDeclarations;
import org.finbridge.supervision.FxCollection;
import org.finbridge.supervision.FxCollections;
import org.finbridge.supervision.Licence;
import org.finbridge.supervision.MerchantReceipts;
import org.finbridge.supervision.PaymentInstitutions;
import org.finbridge.supervision.PilotZone;
import org.finbridge.supervision.PilotZones;
import org.finbridge.supervision.PlatformTaxReports;
import org.finbridge.supervision.RegulatorViews;
import org.finbridge.supervision.RuleBook;
import org.finbridge.supervision.Violation;
import org.finbridge.supervision.ViolationDecision;
import org.finbridge.supervision.ViolationResult;
import org.finbridge.supervision.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regulator's API (issue 9 §4): read-only views by period, currency, merchant, pilot zone and BOP code,
 * transaction by transaction, quota breaches, held FX collections, BOP declarations and their export, the
 * licence register, pilot zones, the platform tax report, the rule book; writes only to violation cases and
 * zone policies ({@code supervision:write}, held by regulators alone). Everything a regulator does, reads
 * included, is audited.
 */
@RestController
class SupervisionController {

    private static final String BASE = "/api/v1/supervision";

    private final RegulatorViews views;
    private final MerchantReceipts receipts;
    private final FxCollections collections;
    private final BopDeclarations bop;
    private final PaymentInstitutions institutions;
    private final PilotZones zones;
    private final PlatformTaxReports taxReports;
    private final Violations violations;
    private final RuleBook rules;
    private final AuditLog audit;

    SupervisionController(RegulatorViews views, MerchantReceipts receipts, FxCollections collections, BopDeclarations bop,
                          PaymentInstitutions institutions, PilotZones zones, PlatformTaxReports taxReports, Violations violations,
                          RuleBook rules, AuditLog audit) {
        this.views = views;
        this.receipts = receipts;
        this.collections = collections;
        this.bop = bop;
        this.institutions = institutions;
        this.zones = zones;
        this.taxReports = taxReports;
        this.violations = violations;
        this.rules = rules;
        this.audit = audit;
    }

    /** Every regulator's read is recorded: who looked at what. */
    private void read(Actor actor, String view, String query) {
        audit.append(new AuditEntry(actor.name(), actor.auditRole(), "supervision.view.read", "regulator_view", view,
                null, query == null || query.length() <= AuditEntry.MAX_SUMMARY ? query : query.substring(0, AuditEntry.MAX_SUMMARY),
                RequestIds.current().orElse(null)));
    }

    @GetMapping(BASE + "/flows")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<RegulatorViews.Flow> flows(Actor actor, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                    @RequestParam(defaultValue = "CURRENCY") RegulatorViews.GroupBy groupBy) {
        List<RegulatorViews.Flow> flows = views.flows(from, to, groupBy);
        read(actor, "flows", "from=" + from + " to=" + to + " groupBy=" + groupBy);
        return flows;
    }

    record PaymentView(String paymentId, String merchantId, String orderReference, String currency, long capturedMinor,
                       long refundedMinor, Long usdCapturedMinor, LocalDate capturedOn, String merchantCountry, String buyerCountry,
                       String corridor, String connector, String institutionId) {
    }

    @GetMapping(BASE + "/payments")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<PaymentView> payments(Actor actor, @RequestParam LocalDate from, @RequestParam LocalDate to,
                               @RequestParam(required = false) String currency, @RequestParam(required = false) String merchantId,
                               @RequestParam(required = false) String corridor, @RequestParam(required = false) String institutionId,
                               @RequestParam(defaultValue = "500") int limit) {
        PartyId merchant = merchantId == null ? null : PartyId.parse(merchantId);
        PartyId institution = institutionId == null ? null : PartyId.parse(institutionId);
        List<PaymentView> lines = views.payments(from, to, new RegulatorViews.PaymentFilter(currency, merchant, corridor, institution),
                        limit).stream()
                .map(p -> new PaymentView(TimeOrderedIds.format("pay", p.paymentId()), p.merchant().toString(), p.orderReference(), p.currency(),
                        p.capturedMinor(), p.refundedMinor(), p.usdCapturedMinor(), p.capturedOn(), p.merchantCountry(),
                        p.buyerCountry(), corridor(p.merchantCountry(), p.buyerCountry()), p.connector(),
                        p.institution() == null ? null : p.institution().toString())).toList();
        read(actor, "payments", "from=" + from + " to=" + to + " currency=" + currency + " merchant=" + merchantId
                + " corridor=" + corridor + " institution=" + institutionId);
        return lines;
    }

    /** As the flows by corridor name it: the merchant's country, then the buyer's. */
    private static String corridor(String merchantCountry, String buyerCountry) {
        return (merchantCountry == null ? "??" : merchantCountry) + "-" + (buyerCountry == null ? "??" : buyerCountry);
    }

    @GetMapping(BASE + "/quota-breaches")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<RegulatorViews.Breach> breaches(Actor actor, @RequestParam int year, @RequestParam(required = false) String kind) {
        List<RegulatorViews.Breach> breaches = views.breaches(year, kind);
        read(actor, "quota-breaches", "year=" + year + " kind=" + kind);
        return breaches;
    }

    record ReceiptsView(String merchantId, int year, long receiptsUsdMinor, MerchantReceipts.Band band) {
    }

    @GetMapping(BASE + "/merchant-receipts")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<ReceiptsView> merchantReceipts(Actor actor, @RequestParam int year) {
        List<ReceiptsView> flagged = receipts.flagged(year).stream()
                .map(t -> new ReceiptsView(t.merchant().toString(), t.year(), t.receiptsUsd().minorUnits(), t.band())).toList();
        read(actor, "merchant-receipts", "year=" + year);
        return flagged;
    }

    record CollectionView(String id, String merchantId, String marketplaceId, String orderNumber, String paymentReference,
                          long amountMinor, String currency, FxCollection.State state, String holdReason, String bopCode) {
    }

    @GetMapping(BASE + "/fx-collections/held")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<CollectionView> heldCollections(Actor actor) {
        List<CollectionView> held = collections.held().stream().map(c -> new CollectionView(c.id().toString(), c.merchant().toString(),
                c.order().marketplace().toString(), c.order().orderNumber(), c.paymentReference(), c.amount().minorUnits(),
                c.amount().currency().code(), c.state(), c.holdReason(), c.bopCode())).toList();
        read(actor, "fx-collections/held", null);
        return held;
    }

    @GetMapping(BASE + "/bop-declarations")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    ResponseEntity<String> bopDeclarations(Actor actor, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new IllegalArgumentException("a period is from a date to a later one, at most one year");
        }
        String file = bop.export(from, to);
        read(actor, "bop-declarations", "from=" + from + " to=" + to);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(file);
    }

    record LicenceView(String institutionId, String licenceNumber, Set<String> scopes, Set<String> regions, LocalDate validFrom,
                       LocalDate validTo, long singleTransactionLimitMinor, Long dailyVolumeLimitMinor, String currency,
                       Set<String> connectors) {
    }

    @GetMapping(BASE + "/institutions")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<LicenceView> institutions(Actor actor) {
        List<LicenceView> all = institutions.all().stream().map(SupervisionController::view).toList();
        read(actor, "institutions", null);
        return all;
    }

    /** One institution's licence and limits (404 for a party with no registered licence). */
    @GetMapping(BASE + "/institutions/{id}")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    LicenceView institution(Actor actor, @PathVariable String id) {
        PartyId party;
        try {
            party = PartyId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("INSTITUTION_NOT_FOUND", "no licensed institution: " + id);
        }
        LicenceView licence = institutions.find(party).map(SupervisionController::view)
                .orElseThrow(() -> new NotFoundException("INSTITUTION_NOT_FOUND", "no licensed institution: " + id));
        read(actor, "institutions/" + id, null);
        return licence;
    }

    private static LicenceView view(Licence l) {
        return new LicenceView(l.institution().toString(), l.licenceNumber(), l.scopes(), l.regions(), l.validFrom(), l.validTo(),
                l.singleTransactionLimit().minorUnits(), l.dailyVolumeLimit() == null ? null : l.dailyVolumeLimit().minorUnits(),
                l.singleTransactionLimit().currency().code(), l.connectors());
    }

    record ZoneView(String code, String name, Set<String> capabilities, Map<String, String> limits, Set<String> cohort,
                    LocalDate startsOn, LocalDate sunsetOn, int version) {
        static ZoneView of(PilotZone z) {
            return new ZoneView(z.code(), z.name(), z.capabilities(), z.limits(),
                    z.cohort().stream().map(PartyId::toString).collect(Collectors.toSet()), z.startsOn(), z.sunsetOn(), z.version());
        }
    }

    @GetMapping(BASE + "/zones")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<ZoneView> zones(Actor actor) {
        List<ZoneView> all = zones.all().stream().map(ZoneView::of).toList();
        read(actor, "zones", null);
        return all;
    }

    @GetMapping(BASE + "/zones/{code}")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    ZoneView zone(Actor actor, @PathVariable String code) {
        ZoneView zone = zones.find(code).map(ZoneView::of)
                .orElseThrow(() -> new NotFoundException("PILOT_ZONE_NOT_FOUND", "no such pilot zone: " + code));
        read(actor, "zones/" + code, null);
        return zone;
    }

    record DefineZone(String name, Set<String> capabilities, Map<String, String> limits, List<String> cohort, LocalDate startsOn,
                      LocalDate sunsetOn) {
    }

    @PostMapping(BASE + "/zones/{code}")
    @Access(value = ApiScope.SUPERVISION_WRITE, kinds = PartyKind.REGULATOR)
    ZoneView defineZone(Actor actor, @PathVariable String code, @RequestBody DefineZone body) {
        Set<PartyId> cohort = body.cohort() == null ? Set.of() : body.cohort().stream().map(PartyId::parse).collect(Collectors.toSet());
        for (String key : body.limits() == null ? Set.<String>of() : body.limits().keySet()) {
            if (rules.find(key, body.startsOn() == null ? LocalDate.MAX : body.startsOn()).isEmpty()) {
                throw new IllegalArgumentException("zone limit " + key + " is not a rule in force on the zone's start");
            }
        }
        // another regulator's zone answers as a zone that does not exist
        return zones.defineAs(actor.partyId(), new PilotZone(code, body.name(), body.capabilities(), body.limits(), cohort,
                        body.startsOn(), body.sunsetOn(), 0)).map(ZoneView::of)
                .orElseThrow(() -> new NotFoundException("PILOT_ZONE_NOT_FOUND", "no such pilot zone: " + code));
    }

    @GetMapping(BASE + "/platform-tax-reports/{quarter}")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    ResponseEntity<String> platformTaxReport(Actor actor, @PathVariable String quarter) {
        String file = taxReports.quarterly(quarter);
        read(actor, "platform-tax-reports", quarter);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(file);
    }

    @GetMapping(BASE + "/rules")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<RuleBook.Version> rules(Actor actor) {
        read(actor, "rules", null);
        return rules.all();
    }

    // violation cases

    record ViolationView(String id, String subjectId, String authorityId, Violation.Source source, String ruleCode,
                         String description, Violation.State state, Map<String, Object> decision, String remediation,
                         String openedAt, String updatedAt) {
        static ViolationView of(Violation v) {
            Map<String, Object> decision = null;
            if (v.decision() != null) {
                decision = new LinkedHashMap<>();
                decision.put("kind", v.decision().kind());
                if (v.decision().fine() != null) {
                    decision.put("fineMinor", v.decision().fine().minorUnits());
                    decision.put("currency", v.decision().fine().currency().code());
                }
                decision.put("terms", v.decision().terms());
                decision.put("until", v.decision().until() == null ? null : v.decision().until().toString());
            }
            return new ViolationView(TimeOrderedIds.format("vio", v.id()), v.subject().toString(), v.authority() == null ? null : v.authority().toString(),
                    v.source(), v.ruleCode(), v.description(), v.state(), decision, v.remediation(), v.openedAt().toString(),
                    v.updatedAt().toString());
        }
    }

    /** Operators see every case; a regulator its own and those no regulator took up yet. */
    private static PartyId viewer(Actor actor) {
        return actor.isOperator() ? null : actor.partyId();
    }

    @GetMapping(BASE + "/violations")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<ViolationView> violations(Actor actor, @RequestParam(required = false) Violation.State state) {
        List<ViolationView> all = violations.visibleTo(viewer(actor), state).stream().map(ViolationView::of).toList();
        read(actor, "violations", "state=" + state);
        return all;
    }

    @GetMapping(BASE + "/violations/{id}")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    ViolationView violation(Actor actor, @PathVariable String id) {
        ViolationView v = violations.find(violationId(id), viewer(actor)).map(ViolationView::of).orElseThrow(() -> notFound(id));
        read(actor, "violations/" + id, null);
        return v;
    }

    record FileViolation(String subjectId, String ruleCode, String description) {
    }

    @PostMapping(BASE + "/violations")
    @Access(value = ApiScope.SUPERVISION_WRITE, kinds = PartyKind.REGULATOR)
    ResponseEntity<ViolationView> file(Actor actor, @RequestBody FileViolation body) {
        if (body.subjectId() == null) {
            throw new IllegalArgumentException("subjectId is required");
        }
        Violation v = violations.file(actor.partyId(), PartyId.parse(body.subjectId()), body.ruleCode(), body.description());
        return ResponseEntity.status(HttpStatus.CREATED).body(ViolationView.of(v));
    }

    /**
     * A step of a case: {@code investigate}, {@code decide} (with {@code decision}: kind FINE with
     * fineMinor and currency, or LIMIT with terms and until, or SUSPENSION with until), {@code remediate} or
     * {@code close}, each with an optional note.
     */
    record Step(String action, String note, DecisionBody decision) {
    }

    record DecisionBody(ViolationDecision.Kind kind, Long fineMinor, String currency, String terms, LocalDate until) {
    }

    @PostMapping(BASE + "/violations/{id}/steps")
    @Access(value = ApiScope.SUPERVISION_WRITE, kinds = PartyKind.REGULATOR)
    @Transactional
    ResponseEntity<?> step(Actor actor, @PathVariable String id, @RequestBody Step body) {
        UUID violation = violationId(id);
        PartyId authority = actor.partyId();
        String action = body.action() == null ? "" : body.action();
        ViolationResult result = switch (action) {
            case "investigate" -> violations.investigate(violation, authority);
            case "decide" -> violations.decide(violation, authority, decision(body.decision()));
            case "remediate" -> violations.remediate(violation, authority, body.note());
            case "close" -> violations.close(violation, authority, body.note());
            default -> throw new IllegalArgumentException("action must be investigate, decide, remediate or close");
        };
        return switch (result) {
            case ViolationResult.Moved moved -> ResponseEntity.ok(ViolationView.of(moved.violation()));
            case ViolationResult.NotFound nf -> throw notFound(id);
            case ViolationResult.IllegalTransition t -> Problems.response(HttpStatus.CONFLICT, "VIOLATION_ILLEGAL_TRANSITION",
                    "a case in state " + t.from() + " cannot become " + t.to());
        };
    }

    private static ViolationDecision decision(DecisionBody body) {
        if (body == null || body.kind() == null) {
            throw new IllegalArgumentException("decision.kind is required: FINE, LIMIT or SUSPENSION");
        }
        Money fine = body.fineMinor() == null || body.currency() == null ? null : Money.ofMinor(body.fineMinor(), body.currency());
        return new ViolationDecision(body.kind(), fine, body.terms(), body.until());
    }

    private static UUID violationId(String id) {
        try {
            return TimeOrderedIds.parse("vio", id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("VIOLATION_NOT_FOUND", "no such violation case: " + id);
    }
}
