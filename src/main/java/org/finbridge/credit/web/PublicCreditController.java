package org.finbridge.credit.web;

import java.util.Map;
import org.finbridge.credit.DishonestyList;
import org.finbridge.credit.PublicGrades;
import org.finbridge.party.PartyId;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the credit registry publishes for anyone, without an account, under {@code /public/} (rate-limited
 * per client address like the API): the dishonesty list, queried by registration code or name (its
 * publication is the point of the list, REGULATIONS.md §3.3), and the grades sellers chose to publish.
 * Only current listings and opted-in grades answer; everything else is 404, as if unknown.
 */
@RestController
class PublicCreditController {

    private static final String BASE = "/public/v1/credit";

    private final DishonestyList list;
    private final PublicGrades grades;

    PublicCreditController(DishonestyList list, PublicGrades grades) {
        this.list = list;
        this.grades = grades;
    }

    /** Current listings whose registration code is {@code q} or whose name contains it; at most 50. */
    @GetMapping(BASE + "/dishonesty-list")
    ResponseEntity<?> search(@RequestParam(required = false) String q) {
        // a query must name someone: two characters at least, so the list is queried, not downloaded
        if (q == null || q.strip().length() < 2 || q.length() > 200) {
            return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
                    "q: a registration code or a part of a name, 2 to 200 characters");
        }
        return ResponseEntity.ok(Map.of("query", q.strip(),
                "listings", list.search(q).stream().map(CreditViews.ListingView::of).toList()));
    }

    /** A seller's published grade (A–D) and the date of the score behind it. */
    @GetMapping(BASE + "/grades/{partyId}")
    ResponseEntity<?> grade(@PathVariable String partyId) {
        PartyId party;
        try {
            party = PartyId.parse(partyId);
        } catch (RuntimeException e) {
            return notPublished();
        }
        return grades.of(party).<ResponseEntity<?>>map(g -> ResponseEntity.ok(CreditViews.GradeView.of(g)))
                .orElseGet(PublicCreditController::notPublished);
    }

    private static ResponseEntity<?> notPublished() {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no published credit grade for this party");
    }
}
