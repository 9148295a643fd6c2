package org.finbridge.party.web;

import java.util.List;
import java.util.Map;
import org.finbridge.party.PartyId;
import org.finbridge.platform.web.NotFoundException;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The party API's shared refusals. */
final class PartyProblems {

    private PartyProblems() {
    }

    static ResponseEntity<?> invalid(String field, String reason) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + reason,
                Map.of("errors", List.of(Map.of("field", field, "message", reason))));
    }

    static NotFoundException notFound(String code, String id) {
        return new NotFoundException(code, "no such object: " + id);
    }

    /** An unparseable id is simply an unknown one: 404, never a hint about the id format. */
    static PartyId partyId(String text) {
        try {
            return PartyId.parse(text);
        } catch (IllegalArgumentException e) {
            throw notFound("PARTY_NOT_FOUND", text);
        }
    }
}
