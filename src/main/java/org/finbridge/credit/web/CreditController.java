package org.finbridge.credit.web;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.finbridge.credit.Contribution;
import org.finbridge.credit.ContributionCategory;
import org.finbridge.credit.ContributionResult;
import org.finbridge.credit.Contributions;
import org.finbridge.credit.CreditReports;
import org.finbridge.credit.DishonestyCases;
import org.finbridge.credit.ListingResult;
import org.finbridge.credit.NewContribution;
import org.finbridge.credit.Objection;
import org.finbridge.credit.PublicGrades;
import org.finbridge.credit.ReportResult;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credit registry over HTTP (Credit Reporting Industry Regulation, REGULATIONS.md §3.1), for its three
 * kinds of user:
 * <ul>
 *   <li>data providers (marketplaces, logistics companies, lenders) contribute records about subjects and
 *       answer the objections to their own records;</li>
 *   <li>a subject (a seller, or a buyer as an individual) reads its own report, records and access log, adds
 *       statements, objects to a record and follows the answer, answers a dishonesty notice and appeals a
 *       listing, and publishes its grade or not; it grants
 *       and revokes a grantee's consent with the party API ({@code POST /api/v1/parties/{id}/consents},
 *       scope {@code CREDIT_REPORT});</li>
 *   <li>a grantee (a lender, a guarantor) reads a subject's report for a purpose the subject consented to.</li>
 * </ul>
 * A report without the subject's consent answers 404 exactly like an unknown party, so that a grantee learns
 * nothing about parties that did not name it; so does another subject's record or another provider's objection.
 */
@RestController
class CreditController {

    private static final String BASE = "/api/v1/credit";

    /** The fields of a contribution; any other field of the body is checked for prohibited data (art. 14). */
    private static final Set<String> FIELDS = Set.of("subjectId", "category", "sourceRecord", "amount", "currency",
            "occurredAt", "eventEndsAt", "subjectNotifiedAt", "attributes");

    private final Contributions contributions;
    private final CreditReports reports;
    private final PublicGrades grades;
    private final DishonestyCases cases;

    CreditController(Contributions contributions, CreditReports reports, PublicGrades grades, DishonestyCases cases) {
        this.contributions = contributions;
        this.reports = reports;
        this.grades = grades;
        this.cases = cases;
    }

    // --- data providers ------------------------------------------------------------------------------

    /**
     * A record about a subject, with the caller as its provider. The body is read field by field so that
     * whatever else a provider sends is checked for prohibited data too, rather than silently dropped.
     */
    @PostMapping(BASE + "/contributions")
    @Access(value = ApiScope.CREDIT_CONTRIBUTE, kinds = {PartyKind.MARKETPLACE, PartyKind.LOGISTICS_PROVIDER, PartyKind.LENDER})
    ResponseEntity<?> contribute(Actor actor, @RequestBody Map<String, Object> body) {
        Map<String, String> attributes = new HashMap<>();
        body.forEach((name, value) -> {
            if (!FIELDS.contains(name)) {
                attributes.put(name, String.valueOf(value));
            }
        });
        if (body.get("attributes") instanceof Map<?, ?> extra) {
            extra.forEach((name, value) -> attributes.put(String.valueOf(name), String.valueOf(value)));
        } else if (body.get("attributes") != null) {
            return invalid("attributes", "an object of names and values");
        }
        PartyId subject;
        try {
            subject = PartyId.parse(text(body, "subjectId"));
        } catch (RuntimeException e) {
            return invalid("subjectId", "a party id (pty_…)");
        }
        ContributionCategory category;
        try {
            category = ContributionCategory.valueOf(text(body, "category").toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return invalid("category", "one of " + List.of(ContributionCategory.values()));
        }
        if (!(body.get("amount") instanceof Number amount)) {
            return invalid("amount", "a number");
        }
        Instant[] times = new Instant[3];
        String[] timeFields = {"occurredAt", "eventEndsAt", "subjectNotifiedAt"};
        for (int i = 0; i < times.length; i++) {
            String value = text(body, timeFields[i]);
            try {
                times[i] = value == null ? null : Instant.parse(value);
            } catch (DateTimeParseException e) {
                return invalid(timeFields[i], "a time in ISO 8601 UTC form, e.g. 2026-11-01T08:00:00Z");
            }
        }
        ContributionResult result = contributions.submit(new NewContribution(actor.partyId(), null, subject, category,
                text(body, "sourceRecord"), amount.doubleValue(), text(body, "currency"), times[0], times[1], times[2],
                attributes));
        return switch (result) {
            case ContributionResult.Accepted a -> a.alreadyHeld()
                    ? ResponseEntity.ok(CreditViews.ContributionView.of(a.contribution()))
                    : ResponseEntity.created(URI.create(BASE + "/contributions/" + a.contribution().id()))
                            .body(CreditViews.ContributionView.of(a.contribution()));
            case ContributionResult.Prohibited p -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "PROHIBITED_DATA",
                    p.field() + ": " + p.reason());
            case ContributionResult.ConsentRequired c -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "CONSENT_REQUIRED", c.reason());
            case ContributionResult.NoticeRequired n -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                    "NOTICE_REQUIRED", n.reason());
            case ContributionResult.InvalidField i -> invalid(i.field(), i.reason());
            // the subject is named in the body, not the path: the request is fine, its subject unknown
            case ContributionResult.NotFound nf -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_SUBJECT",
                    "no such subject: " + subject);
        };
    }

    /** The objections to the caller's records, oldest first; {@code state=OPEN} for those still to verify. */
    @GetMapping(BASE + "/objections")
    @Access(value = ApiScope.CREDIT_CONTRIBUTE, kinds = {PartyKind.MARKETPLACE, PartyKind.LOGISTICS_PROVIDER, PartyKind.LENDER})
    ResponseEntity<?> objectionsToMyRecords(Actor actor, @RequestParam(required = false) String state) {
        Optional<Objection.State> wanted;
        try {
            wanted = state == null ? Optional.empty() : Optional.of(Objection.State.valueOf(state.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return invalid("state", "one of " + List.of(Objection.State.values()));
        }
        return ResponseEntity.ok(reports.objectionsToRecordsOf(actor.partyId()).stream()
                .filter(o -> wanted.isEmpty() || o.state() == wanted.get()).map(CreditViews.ObjectionView::of).toList());
    }

    record AnswerBody(String decision, String reasons, Double correctedAmount) {
    }

    /**
     * The provider's verification of its record and the answer to the subject (art. 25): CORRECT (with a
     * corrected amount, or without one to remove the record), KEEP, or UNDETERMINED, always with reasons.
     */
    @PostMapping(BASE + "/objections/{id}/answer")
    @Access(value = ApiScope.CREDIT_CONTRIBUTE, kinds = {PartyKind.MARKETPLACE, PartyKind.LOGISTICS_PROVIDER, PartyKind.LENDER})
    ResponseEntity<?> answer(Actor actor, @PathVariable String id, @RequestBody AnswerBody body) {
        Objection objection = reports.objection(id)
                .filter(o -> actor.isOperator() || contributions.find(o.contributionId()).map(Contribution::provider)
                        .filter(actor.partyId().toString()::equals).isPresent())
                .orElseThrow(() -> new NotFoundException("NOT_FOUND", "no such objection " + id));
        Objection.Decision decision;
        try {
            decision = Objection.Decision.valueOf(body.decision() == null ? "" : body.decision().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return invalid("decision", "CORRECT, KEEP or UNDETERMINED");
        }
        return report(reports.decide(objection.id(), decision, body.reasons(), body.correctedAmount(), actor.name()),
                HttpStatus.OK, "OBJECTION_ANSWERED");
    }

    // --- the subject -------------------------------------------------------------------------------

    /** The subject's own report (art. 17: an individual's first two a year are free), logged as a self-query. */
    @GetMapping(BASE + "/parties/{id}/report")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    ResponseEntity<?> ownReport(Actor actor, @PathVariable String id) {
        return report(reports.selfQuery(own(actor, id), actor.name()), HttpStatus.OK, "CONFLICT");
    }

    /** Every record held about the subject, with its provenance and state, to object to the wrong one. */
    @GetMapping(BASE + "/parties/{id}/records")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    List<CreditViews.ContributionView> records(Actor actor, @PathVariable String id) {
        return contributions.about(own(actor, id)).stream().map(CreditViews.ContributionView::of).toList();
    }

    /** Who received the subject's report, when, for what and under which consent (art. 22). */
    @GetMapping(BASE + "/parties/{id}/access-log")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    List<CreditViews.AccessView> accessLog(Actor actor, @PathVariable String id) {
        return reports.accessLog(own(actor, id)).stream().map(CreditViews.AccessView::of).toList();
    }

    record StatementBody(String contributionId, String text) {
    }

    /** An explanatory statement beside one of the subject's records, shown in every report that holds it (art. 16). */
    @PostMapping(BASE + "/parties/{id}/statements")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    ResponseEntity<?> addStatement(Actor actor, @PathVariable String id, @RequestBody StatementBody body) {
        return report(reports.addStatement(own(actor, id), body.contributionId(), body.text()), HttpStatus.CREATED,
                "CONFLICT");
    }

    record ObjectionBody(String contributionId, String reason) {
    }

    /** Disputes one of the subject's records: marked disputed, answered within 20 days (art. 25). */
    @PostMapping(BASE + "/parties/{id}/objections")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    ResponseEntity<?> object(Actor actor, @PathVariable String id, @RequestBody ObjectionBody body) {
        return report(reports.object(own(actor, id), body.contributionId(), body.reason()), HttpStatus.CREATED,
                "RECORD_ALREADY_DISPUTED");
    }

    @GetMapping(BASE + "/parties/{id}/objections")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    List<CreditViews.ObjectionView> objections(Actor actor, @PathVariable String id) {
        return reports.objections(own(actor, id)).stream().map(CreditViews.ObjectionView::of).toList();
    }

    record PublicationBody(Boolean published) {
    }

    /** Publishes the seller's grade (A–D with its date, never the points or reasons) for anyone to check, or stops. */
    @PostMapping(BASE + "/parties/{id}/grade-publication")
    @Access(value = ApiScope.CREDIT_OWN, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> publishGrade(Actor actor, @PathVariable String id, @RequestBody PublicationBody body) {
        PartyId party = own(actor, id);
        if (body.published() == null) {
            return invalid("published", "true or false");
        }
        if (body.published()) {
            grades.optIn(party);
        } else {
            grades.optOut(party);
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("published", body.published());
        answer.put("grade", grades.of(party).map(CreditViews.GradeView::of).orElse(null));
        return ResponseEntity.ok(answer);
    }

    /** The subject's dishonesty cases: notices, measures, listings, appeals (REGULATIONS.md §3.3). */
    @GetMapping(BASE + "/parties/{id}/listing-cases")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    List<CreditViews.CaseView> listingCases(Actor actor, @PathVariable String id) {
        return cases.cases(own(actor, id)).stream().map(CreditViews.CaseView::of).toList();
    }

    record ResponseBody(String response) {
    }

    /** The subject's answer to an advance notice, within the policy's response window. */
    @PostMapping(BASE + "/parties/{id}/listing-cases/{caseId}/response")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    ResponseEntity<?> respond(Actor actor, @PathVariable String id, @PathVariable String caseId, @RequestBody ResponseBody body) {
        return listing(cases.respond(caseId, own(actor, id), body.response()));
    }

    record AppealBody(String grounds) {
    }

    /** An appeal against a listing, decided by a named person of the platform. */
    @PostMapping(BASE + "/parties/{id}/listing-cases/{caseId}/appeal")
    @Access(value = ApiScope.CREDIT_OWN, kinds = {PartyKind.MERCHANT, PartyKind.BUYER})
    ResponseEntity<?> appeal(Actor actor, @PathVariable String id, @PathVariable String caseId, @RequestBody AppealBody body) {
        return listing(cases.appeal(caseId, own(actor, id), body.grounds()));
    }

    private static ResponseEntity<?> listing(ListingResult result) {
        return switch (result) {
            case ListingResult.Done d -> ResponseEntity.ok(CreditViews.CaseView.of(d.listingCase()));
            case ListingResult.NotFound nf -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such " + nf.what());
            case ListingResult.InvalidField i -> invalid(i.field(), i.reason());
            case ListingResult.NotAllowed n -> Problems.response(HttpStatus.CONFLICT, "NOT_ALLOWED_NOW", n.reason());
        };
    }

    // --- grantees ------------------------------------------------------------------------------------

    /**
     * The subject's report for a purpose it consented to (art. 18), logged in the subject's access log
     * (art. 22). No consent for this grantee and purpose answers 404, like an unknown party.
     */
    @GetMapping(BASE + "/reports/{subjectId}")
    @Access(value = ApiScope.CREDIT_REPORTS_READ, kinds = {PartyKind.LENDER, PartyKind.GUARANTOR})
    ResponseEntity<?> grantedReport(Actor actor, @PathVariable String subjectId, @RequestParam(required = false) String purpose) {
        PartyId subject;
        try {
            subject = PartyId.parse(subjectId);
        } catch (RuntimeException e) {
            return notFound();
        }
        ConsentPurpose why;
        try {
            why = ConsentPurpose.valueOf(purpose == null ? "" : purpose.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return invalid("purpose", "the purpose of the request, one of " + List.of(ConsentPurpose.values()));
        }
        ReportResult result = reports.issue(subject, actor.partyId(), why, actor.name());
        // an unknown party and a party that did not consent answer alike, so that consents cannot be probed
        return result instanceof ReportResult.NotFound ? notFound() : report(result, HttpStatus.OK, "CONFLICT");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static ResponseEntity<?> report(ReportResult result, HttpStatus success, String conflictCode) {
        return switch (result) {
            case ReportResult.Issued i -> ResponseEntity.status(success).body(CreditViews.ReportView.of(i.report()));
            case ReportResult.StatementAdded s -> ResponseEntity.status(success).body(Map.of("contributionId",
                    s.contributionId()));
            case ReportResult.ObjectionRecorded o -> ResponseEntity.status(success)
                    .body(CreditViews.ObjectionView.of(o.objection()));
            // the same answer as an unknown party: a grantee the subject did not name learns nothing
            case ReportResult.NoConsent n -> notFound();
            case ReportResult.NotFound nf -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such " + nf.what());
            case ReportResult.InvalidField i -> invalid(i.field(), i.reason());
            case ReportResult.Conflict c -> Problems.response(HttpStatus.CONFLICT, conflictCode, c.reason());
        };
    }

    /** The subject named in the path, when it is the caller itself; any other party answers 404. */
    private static PartyId own(Actor actor, String id) {
        try {
            PartyId party = PartyId.parse(id);
            if (party.equals(actor.partyId())) {
                return party;
            }
        } catch (RuntimeException e) {
            // malformed: as unknown
        }
        throw new NotFoundException("PARTY_NOT_FOUND", "no such party " + id);
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : String.valueOf(value);
    }

    private static ResponseEntity<?> notFound() {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "no report of this party for you: it does not exist or has not consented to you for this purpose");
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason);
    }
}
