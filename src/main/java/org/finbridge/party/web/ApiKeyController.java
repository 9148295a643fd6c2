package org.finbridge.party.web;

import static org.finbridge.party.web.PartyProblems.invalid;
import static org.finbridge.party.web.PartyProblems.partyId;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.finbridge.party.ApiKey;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A party's API keys. The secret appears in the answer to issue or rotate, and nowhere else ever. */
@RestController
@RequestMapping("/api/v1/parties/{partyId}/api-keys")
class ApiKeyController {

    private static final String ACTOR = "api";

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record IssueBody(String label, List<String> scopes) {
    }

    record RotateBody(Long overlapSeconds) {
    }

    record KeyView(String id, String prefix, List<String> scopes, String label, Instant createdAt, Instant expiresAt,
                   Instant revokedAt, Instant lastUsedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.prefix(), k.scopes().stream().map(ApiScope::code).sorted().toList(), k.label(),
                    k.createdAt(), k.expiresAt(), k.revokedAt(), k.lastUsedAt());
        }
    }

    record IssuedView(KeyView key, String secret) {
    }

    @PostMapping
    ResponseEntity<?> issue(@PathVariable String partyId, @RequestBody IssueBody body) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String code : body.scopes() == null ? List.<String>of() : body.scopes()) {
            Optional<ApiScope> scope = ApiScope.ofCode(code);
            if (scope.isEmpty()) {
                return invalid("scopes", "unknown scope " + code);
            }
            scopes.add(scope.get());
        }
        return answer(apiKeys.issue(partyId(partyId), scopes, body.label(), ACTOR), HttpStatus.CREATED);
    }

    @GetMapping
    List<KeyView> list(@PathVariable String partyId) {
        return apiKeys.of(partyId(partyId)).stream().map(KeyView::of).toList();
    }

    @PostMapping("/{keyId}/rotate")
    ResponseEntity<?> rotate(@PathVariable String partyId, @PathVariable String keyId, @RequestBody RotateBody body) {
        Duration overlap = body.overlapSeconds() == null ? Duration.ofDays(1) : Duration.ofSeconds(body.overlapSeconds());
        return answer(apiKeys.rotate(partyId(partyId), keyId, overlap, ACTOR), HttpStatus.CREATED);
    }

    @PostMapping("/{keyId}/revoke")
    ResponseEntity<?> revoke(@PathVariable String partyId, @PathVariable String keyId) {
        return answer(apiKeys.revoke(partyId(partyId), keyId, ACTOR), HttpStatus.OK);
    }

    private static ResponseEntity<?> answer(ApiKeyResult result, HttpStatus success) {
        return switch (result) {
            case ApiKeyResult.Issued i -> ResponseEntity.status(success).body(new IssuedView(KeyView.of(i.key()), i.secret()));
            case ApiKeyResult.Revoked r -> ResponseEntity.status(success).body(KeyView.of(r.key()));
            case ApiKeyResult.NotFound n -> Problems.response(HttpStatus.NOT_FOUND, "API_KEY_NOT_FOUND", "no " + n.what());
            case ApiKeyResult.InvalidField f -> invalid(f.field(), f.reason());
        };
    }
}
