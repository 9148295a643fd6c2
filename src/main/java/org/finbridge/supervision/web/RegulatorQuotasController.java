package org.finbridge.supervision.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.money.Money;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.RequestIds;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.finbridge.settlement.Reconciliations;
import org.finbridge.settlement.SafeguardingReport;
import org.finbridge.supervision.CbecImportRecord;
import org.finbridge.supervision.CbecImportTax;
import org.finbridge.supervision.CbecImports;
import org.finbridge.supervision.FxCollection;
import org.finbridge.supervision.FxCollections;
import org.finbridge.supervision.FxDirection;
import org.finbridge.supervision.IdentityDocument;
import org.finbridge.supervision.IndividualFxQuotas;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regulator's API over quotas, authenticity holds and safeguarding (issue 9 §1, §2, §4): retail import
 * declarations and a buyer's annual CBEC quota, an individual's annual FX quota, FX collections held for
 * authenticity and their review, and whether customer funds were safeguarded each day (from the settlement
 * module's reports, through its API). A person is looked up by identity document in a POST body, so that the
 * number never appears in a URL or an access log; only its keyed hash is answered and audited. Reads need
 * {@code supervision:read}; a review of a held collection is a regulator's decision ({@code supervision:write}).
 */
@RestController
class RegulatorQuotasController {

    private static final String BASE = "/api/v1/supervision";

    private final CbecImports imports;
    private final CbecImportTax tax;
    private final IndividualFxQuotas fxQuotas;
    private final FxCollections collections;
    private final Reconciliations reconciliations;
    private final AuditLog audit;
    private final java.time.Clock clock;

    RegulatorQuotasController(CbecImports imports, CbecImportTax tax, IndividualFxQuotas fxQuotas, FxCollections collections,
                              Reconciliations reconciliations, AuditLog audit, java.time.Clock clock) {
        this.imports = imports;
        this.tax = tax;
        this.fxQuotas = fxQuotas;
        this.collections = collections;
        this.reconciliations = reconciliations;
        this.audit = audit;
        this.clock = clock;
    }

    private void read(Actor actor, String view, String query) {
        audit.append(new AuditEntry(actor.name(), actor.auditRole(), "supervision.view.read", "regulator_view", view,
                null, query == null || query.length() <= AuditEntry.MAX_SUMMARY ? query : query.substring(0, AuditEntry.MAX_SUMMARY),
                RequestIds.current().orElse(null)));
    }

    // retail imports

    record ImportView(String id, String marketplaceId, String orderNumber, String buyerHash, int quotaYear, String treatment,
                      long dutiableMinor, long taxMinor, long annualBeforeMinor, long annualAfterMinor, boolean overAnnualLimit,
                      LocalDate rulesDate, CbecImportRecord.State state, String recordedAt, String returnedAt, String currency) {
        static ImportView of(CbecImportRecord r) {
            return new ImportView(r.id().toString(), r.marketplace().toString(), r.orderNumber(), r.buyerHash(), r.quotaYear(),
                    r.quote().treatment().code(), r.quote().dutiableValue().minorUnits(), r.quote().tax().minorUnits(),
                    r.quote().annualBefore().minorUnits(), r.quote().annualAfter().minorUnits(), r.quote().overAnnualLimit(),
                    r.quote().rulesDate(), r.state(), r.recordedAt().toString(), r.returnedAt() == null ? null : r.returnedAt().toString(),
                    r.quote().dutiableValue().currency().code());
        }
    }

    @GetMapping(BASE + "/cbec-imports")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<ImportView> cbecImports(Actor actor, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                 @RequestParam(defaultValue = "500") int limit) {
        List<ImportView> lines = imports.declared(from, to, limit).stream().map(ImportView::of).toList();
        read(actor, "cbec-imports", "from=" + from + " to=" + to);
        return lines;
    }

    /** A person named by identity document: its type, issuing country and number; the year defaults to this one. */
    record PersonQuery(String documentType, String country, String number, Integer year) {
        IdentityDocument document() {
            return new IdentityDocument(documentType, country, number);
        }
    }

    record CbecQuotaView(String buyerHash, int year, String currency, long usedMinor, long limitMinor, long remainingMinor,
                         List<ImportView> orders) {
    }

    /** A buyer's annual CBEC quota: used, limit (the rule in force at the year's end, or today), remaining, the orders. */
    @PostMapping(BASE + "/cbec-quotas/status")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    CbecQuotaView cbecQuota(Actor actor, @RequestBody PersonQuery body) {
        IdentityDocument buyer = body.document();
        int year = year(body.year());
        Money used = imports.annualUsed(buyer, year);
        Money limit = tax.limits(lastDayOf(year)).annual();
        String hash = imports.buyerHash(buyer);
        CbecQuotaView view = new CbecQuotaView(hash, year, limit.currency().code(), used.minorUnits(), limit.minorUnits(),
                Math.max(0, limit.minorUnits() - used.minorUnits()), imports.ofBuyer(buyer, year).stream().map(ImportView::of).toList());
        read(actor, "cbec-quotas/status", "buyer=" + hash + " year=" + year);
        return view;
    }

    record FxQuotaView(String personHash, int year, String currency, long settlementUsedMinor, long purchaseUsedMinor,
                       long quotaMinor) {
    }

    /** An individual's annual FX facilitation quota, for settlement and for purchase, in USD. */
    @PostMapping(BASE + "/fx-quotas/status")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    FxQuotaView fxQuota(Actor actor, @RequestBody PersonQuery body) {
        IdentityDocument person = body.document();
        int year = year(body.year());
        Money settlement = fxQuotas.used(person, FxDirection.SETTLEMENT, year);
        Money purchase = fxQuotas.used(person, FxDirection.PURCHASE, year);
        Money quota = fxQuotas.quota(lastDayOf(year));
        // the same keyed hash as the CBEC quota: one person, one hash
        String hash = imports.buyerHash(person);
        read(actor, "fx-quotas/status", "person=" + hash + " year=" + year);
        return new FxQuotaView(hash, year, quota.currency().code(), settlement.minorUnits(), purchase.minorUnits(), quota.minorUnits());
    }

    private int year(Integer year) {
        int now = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).getYear();
        if (year == null) {
            return now;
        }
        if (year < 2000 || year > now) {
            throw new IllegalArgumentException("year must be between 2000 and " + now);
        }
        return year;
    }

    /** The rule of a past year is the one in force at its end; of this year, today's. */
    private LocalDate lastDayOf(int year) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        LocalDate end = LocalDate.of(year, 12, 31);
        return end.isAfter(today) ? today : end;
    }

    // FX collections held for authenticity

    record CollectionView(String id, String merchantId, String marketplaceId, String orderNumber, String paymentReference,
                          long amountMinor, String currency, FxCollection.State state, String holdReason, String bopCode,
                          String receivedAt, String reviewedBy, String reviewedAt) {
        static CollectionView of(FxCollection c) {
            return new CollectionView(c.id().toString(), c.merchant().toString(), c.order().marketplace().toString(),
                    c.order().orderNumber(), c.paymentReference(), c.amount().minorUnits(), c.amount().currency().code(), c.state(),
                    c.holdReason(), c.bopCode(), c.receivedAt().toString(), c.reviewedBy(),
                    c.reviewedAt() == null ? null : c.reviewedAt().toString());
        }
    }

    @GetMapping(BASE + "/fx-collections/{id}")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    CollectionView collection(Actor actor, @PathVariable String id) {
        CollectionView view = collections.find(collectionId(id)).map(CollectionView::of).orElseThrow(() -> collectionNotFound(id));
        read(actor, "fx-collections/" + id, null);
        return view;
    }

    /** {@code RELEASE} lets the collection be converted, {@code REJECT} refuses it; a note says why. */
    record Review(String decision, String note) {
    }

    @PostMapping(BASE + "/fx-collections/{id}/review")
    @Access(value = ApiScope.SUPERVISION_WRITE, kinds = PartyKind.REGULATOR)
    ResponseEntity<?> review(Actor actor, @PathVariable String id, @RequestBody Review body) {
        UUID collection = collectionId(id);
        String decision = body.decision() == null ? "" : body.decision();
        if (!decision.equals("RELEASE") && !decision.equals("REJECT")) {
            throw new IllegalArgumentException("decision must be RELEASE or REJECT");
        }
        if (body.note() != null && body.note().length() > 1000) {
            throw new IllegalArgumentException("a note is at most 1000 characters");
        }
        FxCollection before = collections.find(collection).orElseThrow(() -> collectionNotFound(id));
        if (before.state() != FxCollection.State.HELD) {
            return Problems.response(HttpStatus.CONFLICT, "FX_COLLECTION_NOT_HELD",
                    "only a held collection is reviewed; this one is " + before.state());
        }
        FxCollection after = collections.review(collection, decision.equals("RELEASE"), body.note()).orElseThrow(() -> collectionNotFound(id));
        if (after.state() == FxCollection.State.HELD) {
            // reviewed concurrently by another regulator, who decided first
            return Problems.response(HttpStatus.CONFLICT, "FX_COLLECTION_NOT_HELD", "the collection was reviewed meanwhile");
        }
        return ResponseEntity.ok(CollectionView.of(after));
    }

    private static UUID collectionId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw collectionNotFound(id);
        }
    }

    private static NotFoundException collectionNotFound(String id) {
        return new NotFoundException("FX_COLLECTION_NOT_FOUND", "no such FX collection: " + id);
    }

    // safeguarding

    /** One day's safeguarding: covered when every currency's customer money was fully held. */
    record SafeguardingDay(LocalDate date, boolean covered, List<SafeguardingReport.Line> lines) {
    }

    /**
     * Whether customer funds were safeguarded each day of a period (at most the last 366 reports the settlement
     * module keeps): the day's report as settlement computed it; a day without a report is absent, not covered.
     */
    @GetMapping(BASE + "/safeguarding")
    @Access(value = ApiScope.SUPERVISION_READ, kinds = PartyKind.REGULATOR)
    List<SafeguardingDay> safeguarding(Actor actor, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new IllegalArgumentException("a period is from a date to a later one, at most one year");
        }
        List<SafeguardingDay> days = reconciliations.safeguardingReports(actor, 366).stream()
                .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to))
                .sorted(java.util.Comparator.comparing(SafeguardingReport::date))
                .map(r -> new SafeguardingDay(r.date(), r.lines().stream().noneMatch(SafeguardingReport.Line::alert), r.lines()))
                .toList();
        read(actor, "safeguarding", "from=" + from + " to=" + to);
        return days;
    }
}
