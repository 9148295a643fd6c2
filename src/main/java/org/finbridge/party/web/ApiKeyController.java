package org.finbridge.party.web;

import static org.finbridge.party.web.PartyProblems.invalid;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKey;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyId;
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

    private final ApiKeys apiKeys;

    private final VisibleParties visible;

    ApiKeyController(ApiKeys apiKeys, VisibleParties visible) {
        this.visible = visible;
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
    @Access(ApiScope.USERS_MANAGE)
    ResponseEntity<?> issue(Actor actor, @PathVariable String partyId, @RequestBody IssueBody body) {
        PartyId party = visible.of(actor, partyId);
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String code : body.scopes() == null ? List.<String>of() : body.scopes()) {
            Optional<ApiScope> scope = ApiScope.ofCode(code);
            if (scope.isEmpty()) {
                return invalid("scopes", "unknown scope " + code);
            }
            // nobody hands out more than they hold themselves (operators excepted: they provision parties)
            if (!actor.isOperator() && !actor.has(scope.get())) {
                return invalid("scopes", "you may not grant " + code + ", which you do not hold");
            }
            scopes.add(scope.get());
        }
        return answer(apiKeys.issue(party, scopes, body.label(), actor.name()), HttpStatus.CREATED);
    }

    @GetMapping
    @Access(ApiScope.USERS_MANAGE)
    List<KeyView> list(Actor actor, @PathVariable String partyId) {
        return apiKeys.of(visible.of(actor, partyId)).stream().map(KeyView::of).toList();
    }

    @PostMapping("/{keyId}/rotate")
    @Access(ApiScope.USERS_MANAGE)
    ResponseEntity<?> rotate(Actor actor, @PathVariable String partyId, @PathVariable String keyId,
                             @RequestBody RotateBody body) {
        PartyId party = visible.of(actor, partyId);
        Duration overlap = body.overlapSeconds() == null ? Duration.ofDays(1) : Duration.ofSeconds(body.overlapSeconds());
        return answer(apiKeys.rotate(party, keyId, overlap, actor.name()), HttpStatus.CREATED);
    }

    @PostMapping("/{keyId}/revoke")
    @Access(ApiScope.USERS_MANAGE)
    ResponseEntity<?> revoke(Actor actor, @PathVariable String partyId, @PathVariable String keyId) {
        return answer(apiKeys.revoke(visible.of(actor, partyId), keyId, actor.name()), HttpStatus.OK);
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
