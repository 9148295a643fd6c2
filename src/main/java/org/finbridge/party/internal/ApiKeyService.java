package org.finbridge.party.internal;

import org.finbridge.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.finbridge.party.ApiKey;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A key reads {@code fbk_<12-character public prefix>_<43-character secret>}: the prefix finds the key
 * and may appear in logs; the secret is 256 random bits, shown once, and only its SHA-256 is stored.
 */
@Service
class ApiKeyService implements ApiKeys {

    static final String ID_PREFIX = "key";
    static final Duration LONGEST_OVERLAP = Duration.ofDays(7);
    /**
     * Last use is written at most once an hour per key, not on every request. It tells an owner which keys are
     * still in use before one is rotated or revoked, for which the hour is precise enough; once a minute, a client's
     * idempotent replays (which must write nothing) wrote the key's row every minute.
     */
    static final Duration LAST_USED_RESOLUTION = Duration.ofHours(1);
    private static final Pattern KEY = Pattern.compile("(fbk_[a-z2-7]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final PartyStore parties;
    private final AuditLog audit;
    private final Clock clock;

    private final org.finbridge.party.internal.security.ApiKeyCache cache;

    ApiKeyService(JdbcClient jdbc, PartyStore parties, AuditLog audit, Clock clock,
                  org.finbridge.party.internal.security.ApiKeyCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ApiKeyResult issue(PartyId party, Set<ApiScope> scopes, String label, String actor) {
        Optional<Party> owner = parties.find(party);
        if (owner.isEmpty()) {
            return new ApiKeyResult.NotFound("party " + party);
        }
        if (scopes == null || scopes.isEmpty()) {
            return new ApiKeyResult.InvalidField("scopes", "a key needs at least one scope");
        }
        for (ApiScope scope : scopes) {
            if (!ApiScope.grantableTo(owner.get().kind()).contains(scope)) {
                return new ApiKeyResult.InvalidField("scopes", "a " + owner.get().kind().name().toLowerCase()
                        + " may not hold " + scope.code());
            }
        }
        if (label != null && label.length() > 100) {
            return new ApiKeyResult.InvalidField("label", "at most 100 characters");
        }
        return insert(party, scopes, label, actor, "party.api_key.issue");
    }

    private ApiKeyResult.Issued insert(PartyId party, Set<ApiScope> scopes, String label, String actor, String action) {
        UUID id = TimeOrderedIds.next(clock);
        String prefix = "fbk_" + randomBase32(12);
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        jdbc.sql("""
                insert into api_keys (id, party_id, prefix, secret_sha256, scopes, label, created_at)
                values (:id, :party, :prefix, :hash, :scopes, :label, :now)""")
                .param("id", id).param("party", party.value()).param("prefix", prefix).param("hash", Hashing.sha256(secret))
                .param("scopes", scopes.stream().map(ApiScope::code).sorted().collect(Collectors.joining(",")))
                .param("label", label).param("now", now().atOffset(ZoneOffset.UTC)).update();
        String keyId = TimeOrderedIds.format(ID_PREFIX, id);
        audit.record(actor, action, "api_key", keyId, null, prefix + " " + scopes);
        return new ApiKeyResult.Issued(find(keyId).orElseThrow(), prefix + "_" + secret);
    }

    @Override
    @Transactional
    public ApiKeyResult rotate(PartyId party, String keyId, Duration overlap, String actor) {
        Optional<ApiKey> old = find(keyId).filter(k -> k.partyId().equals(party));
        if (old.isEmpty() || !old.get().isActiveAt(now())) {
            return new ApiKeyResult.NotFound("active api key " + keyId);
        }
        if (overlap == null || overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            return new ApiKeyResult.InvalidField("overlapSeconds", "from 0 to 7 days");
        }
        ApiKeyResult.Issued successor = insert(party, old.get().scopes(), old.get().label(), actor, "party.api_key.rotate");
        Instant until = now().plus(overlap);
        jdbc.sql("update api_keys set expires_at = :until, replaced_by = :next where id = :id")
                .param("until", until.atOffset(ZoneOffset.UTC))
                .param("next", TimeOrderedIds.parse(ID_PREFIX, successor.key().id()))
                .param("id", TimeOrderedIds.parse(ID_PREFIX, keyId)).update();
            cache.invalidateAll(); // revocation is honoured at once on this node
        audit.record(actor, "party.api_key.expire", "api_key", keyId, "active", "expires " + until);
        return successor;
    }

    @Override
    @Transactional
    public ApiKeyResult revoke(PartyId party, String keyId, String actor) {
        Optional<ApiKey> key = find(keyId).filter(k -> k.partyId().equals(party));
        if (key.isEmpty()) {
            return new ApiKeyResult.NotFound("api key " + keyId);
        }
        if (key.get().revokedAt() == null) {
            jdbc.sql("update api_keys set revoked_at = :now where id = :id and revoked_at is null")
                    .param("now", now().atOffset(ZoneOffset.UTC)).param("id", TimeOrderedIds.parse(ID_PREFIX, keyId)).update();
            cache.invalidateAll(); // revocation is honoured at once on this node
            audit.record(actor, "party.api_key.revoke", "api_key", keyId, "active", "revoked");
        }
        return new ApiKeyResult.Revoked(find(keyId).orElseThrow());
    }

    @Override
    public Optional<ApiKey> authenticate(String presented) {
        var m = presented == null ? null : KEY.matcher(presented.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Optional<StoredKey> stored = jdbc.sql(SELECT + ", secret_sha256 from api_keys where prefix = :prefix")
                .param("prefix", m.group(1))
                .query((rs, n) -> new StoredKey(read(rs, n), rs.getString(10))).optional();
        Instant now = now();
        if (stored.isEmpty()
                || !MessageDigest.isEqual(stored.get().secretSha256().getBytes(StandardCharsets.US_ASCII),
                        Hashing.sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII))
                || !stored.get().key().isActiveAt(now)) {
            return Optional.empty();
        }
        ApiKey key = stored.get().key();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("update api_keys set last_used_at = :now where id = :id")
                    .param("now", now.atOffset(ZoneOffset.UTC)).param("id", TimeOrderedIds.parse(ID_PREFIX, key.id())).update();
        }
        return Optional.of(key);
    }

    private record StoredKey(ApiKey key, String secretSha256) {
    }

    @Override
    public List<ApiKey> of(PartyId party) {
        return jdbc.sql(SELECT + " from api_keys where party_id = :party order by id").param("party", party.value())
                .query(ApiKeyService::read).list();
    }

    Optional<ApiKey> find(String keyId) {
        UUID id;
        try {
            id = TimeOrderedIds.parse(ID_PREFIX, keyId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " from api_keys where id = :id").param("id", id).query(ApiKeyService::read).optional();
    }

    private static final String SELECT =
            "select id, party_id, prefix, scopes, label, created_at, expires_at, revoked_at, last_used_at";

    private static ApiKey read(ResultSet rs, int row) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(rs.getString(4).split(",")).map(ApiScope::ofCode).flatMap(Optional::stream).forEach(scopes::add);
        return new ApiKey(TimeOrderedIds.format(ID_PREFIX, rs.getObject(1, UUID.class)), new PartyId(rs.getObject(2, UUID.class)),
                rs.getString(3), Set.copyOf(scopes), rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8),
                instant(rs, 9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private String randomBase32(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(out);
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
