package org.finbridge.credit.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.finbridge.credit.DishonestyCases;
import org.finbridge.credit.ListingCase;
import org.finbridge.credit.ListingPolicy;
import org.finbridge.credit.ListingResult;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
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
 * The platform's side of the dishonesty list over HTTP (REGULATIONS.md §3.3, §3.4), for operators holding
 * {@code credit-listings:manage}: open a case under a named listing policy (the advance notice to the
 * subject), read a party's cases, impose graded measures once the response window has run (warning →
 * limits → suspension → listing), withdraw a case the response showed unfounded, decide an appeal with a
 * recorded decision, and end a listing by credit repair. Every step is audited by the credit module under
 * the caller's name, with its reasons; the rules (windows, escalation only, minimum publication before
 * repair, a named person deciding appeals) are the module's, so the HTTP side cannot bypass them. The
 * scope gives no access to credit reports: operators never hold {@code credit-reports:read}.
 *
 * <p>The subject's side (answering a notice, appealing) is {@link CreditController}'s.
 */
@RestController
class DishonestyCasesController {

    private static final String BASE = "/api/v1/credit/listing-cases";

    private final DishonestyCases cases;
    private final Parties parties;

    DishonestyCasesController(DishonestyCases cases, Parties parties) {
        this.cases = cases;
        this.parties = parties;
    }

    record NoticeBody(String partyId, String policy, String conduct, String evidence) {
    }

    /** Opens a case with an advance notice to the subject under a named policy; only a warning is in force. */
    @PostMapping(BASE)
    @Access(value = ApiScope.CREDIT_LISTINGS, operatorOnly = true)
    ResponseEntity<?> notice(Actor actor, @RequestBody NoticeBody body) {
        PartyId party;
        try {
            party = party(body.partyId());
        } catch (NotFoundException e) {
            return invalid("partyId", "no such party"); // a field of the body, not the resource addressed
        }
        ListingPolicy policy;
        try {
            policy = ListingPolicy.valueOf(body.policy() == null ? "" : body.policy().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return invalid("policy", "one of " + List.of(ListingPolicy.values()));
        }
        ListingResult result = cases.notice(party, policy, body.conduct(), body.evidence(), actor.name());
        if (result instanceof ListingResult.Done d) {
            return ResponseEntity.created(URI.create(BASE + "/" + d.listingCase().id())).body(CaseView.of(d.listingCase()));
        }
        return answer(result);
    }

    /** A party's cases, oldest first. An unknown party answers 404. */
    @GetMapping(BASE)
    @Access(value = ApiScope.CREDIT_LISTINGS, operatorOnly = true)
    List<CaseView> cases(@RequestParam String partyId) {
        return cases.cases(party(partyId)).stream().map(CaseView::of).toList();
    }

    @GetMapping(BASE + "/{caseId}")
    @Access(value = ApiScope.CREDIT_LISTINGS, operatorOnly = true)
    CaseView listingCase(@PathVariable String caseId) {
        return cases.find(caseId).map(CaseView::of)
                .orElseThrow(() -> new NotFoundException("NOT_FOUND", "no such case " + caseId));
    }

    record MeasureBody(String measure, String reasons) {
    }

    /** A graded measure, mildest first; beyond a warning only after the response window; LISTING publishes. */
    @PostMapping(BASE + "/{caseId}/measures")
    @Access(value = ApiScope.CREDIT_LISTINGS, operatorOnly = true)
    ResponseEntity<?> impose(Actor actor, @PathVariable String caseId, @RequestBody MeasureBody body) {
        known(caseId);
        ListingPolicy.Measure measure;
        try {
            measure = ListingPolicy.Measure.valueOf(body.measure() == null ? "" : body.measure().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return invalid("measure", "one of " + List.of(ListingPolicy.Measure.values()));
        }
        return answer(cases.impose(caseId, measure, body.reasons(), actor.name()));
    }

    record ReasonsBody(String reasons) {
    }

    /** Withdraws a case still at the notice stage (e.g. the subject's response showed it unfounded). */
    @PostMapping(BASE + "/{caseId}/withdrawal")
    @Access(value = ApiScope.CREDIT_LISTINGS, operatorOnly = true)
    ResponseEntity<?> withdraw(Actor actor, @PathVariable String caseId, @RequestBody ReasonsBody body) {
        known(caseId);
        return answer(cases.withdraw(caseId, body.reasons(), actor.name()));
    }

    record AppealDecisionBody(Boolean overturned, String reasons) {
    }

    /**
     * The human review of an appeal (art. 12 of the social credit rules in REGULATIONS.md §3.3): the decision
     * and its reasons are recorded with the reviewer's name; overturned ends the listing, upheld keeps it.
     */
    @PostMapping(BASE + "/{caseId}/appeal-decision")
    @Access(value = ApiScope.CREDIT_LISTINGS, operatorOnly = true)
    ResponseEntity<?> decideAppeal(Actor actor, @PathVariable String caseId, @RequestBody AppealDecisionBody body) {
        known(caseId);
        if (body.overturned() == null) {
            return invalid("overturned", "true to end the listing, false to uphold it");
        }
        return answer(cases.decideAppeal(caseId, body.overturned(), body.reasons(), actor.name()));
    }

    record RepairBody(String evidence) {
    }

    /** Credit repair: the obligations are met, so the listing ends early, once its minimum publication has run. */
    @PostMapping(BASE + "/{caseId}/repair")
    @Access(value = ApiScope.CREDIT_LISTINGS, operatorOnly = true)
    ResponseEntity<?> repair(Actor actor, @PathVariable String caseId, @RequestBody RepairBody body) {
        known(caseId);
        return answer(cases.repair(caseId, body.evidence(), actor.name()));
    }

    /** The case as the operators see it: the subject's view plus who decided the appeal. */
    record CaseView(String id, String partyId, String policy, String severity, String measure, String state,
                    String conduct, String evidence, Instant noticedAt, Instant respondBy, String subjectResponse,
                    Instant listedAt, Instant repairEligibleAt, Instant publishedUntil, String appealGrounds,
                    String appealDecision, String appealReviewer, Instant endedAt, String endReason) {
        static CaseView of(ListingCase c) {
            return new CaseView(c.id(), c.party().toString(), c.policy().name(), c.policy().severity().name(),
                    c.measure().name(), c.state(), c.conduct(), c.evidence(), c.noticedAt(), c.respondBy(),
                    c.subjectResponse(), c.listedAt(), c.repairEligibleAt(), c.publishedUntil(), c.appealGrounds(),
                    c.appealDecision(), c.appealReviewer(), c.endedAt(), c.endReason());
        }
    }

    /** An unknown case answers 404 before its body is looked at, so a malformed body cannot probe ids. */
    private void known(String caseId) {
        if (cases.find(caseId).isEmpty()) {
            throw new NotFoundException("NOT_FOUND", "no such case " + caseId);
        }
    }

    private PartyId party(String id) {
        try {
            PartyId party = PartyId.parse(id);
            if (parties.find(party).isPresent()) {
                return party;
            }
        } catch (RuntimeException e) {
            // malformed: as unknown
        }
        throw new NotFoundException("PARTY_NOT_FOUND", "no such party " + id);
    }

    private static ResponseEntity<?> answer(ListingResult result) {
        return switch (result) {
            case ListingResult.Done d -> ResponseEntity.ok(CaseView.of(d.listingCase()));
            case ListingResult.NotFound nf -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such " + nf.what());
            case ListingResult.InvalidField i -> invalid(i.field(), i.reason());
            case ListingResult.NotAllowed n -> Problems.response(HttpStatus.CONFLICT, "NOT_ALLOWED_NOW", n.reason());
        };
    }

    private static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason);
    }
}
