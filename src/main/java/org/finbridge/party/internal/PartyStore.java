package org.finbridge.party.internal;

import org.finbridge.audit.AuditLog;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.IdentifierKind;
import org.finbridge.party.Identifiers;
import org.finbridge.party.Validation;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.PartyStatus;
import org.finbridge.party.Registration;
import org.finbridge.party.RiskTier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class PartyStore implements Parties {

    /** Identifier schemes that have a checksum we verify at registration. */
    private static final Map<String, IdentifierKind> CHECKED = Map.of("USCC", IdentifierKind.USCC);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    private final org.finbridge.party.internal.security.ApiKeyCache apiKeyCache;

    PartyStore(JdbcClient jdbc, AuditLog audit, Clock clock, org.finbridge.party.internal.security.ApiKeyCache apiKeyCache) {
        this.apiKeyCache = apiKeyCache;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Registration register(NewParty p) {
        Optional<Registration.InvalidField> invalid = validate(p);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Map<String, String> identifiers = normalizedIdentifiers(p.identifiers());
        for (Map.Entry<String, String> id : identifiers.entrySet()) {
            if (ownerOf(id.getKey(), id.getValue()).isPresent()) {
                return new Registration.DuplicateIdentifier(id.getKey(), id.getValue());
            }
        }
        PartyId id = PartyId.next(clock);
        Instant now = now();
        // merchants stay ONBOARDING until their KYB file is approved; others are set up by operators
        PartyStatus status = p.kind() == PartyKind.MERCHANT ? PartyStatus.ONBOARDING : PartyStatus.ACTIVE;
        forgetReads();
        jdbc.sql("""
                insert into parties (id, kind, country, legal_name, legal_name_original, status, email, phone,
                    created_at, updated_at)
                values (:id, :kind, :country, :name, :original, :status, :email, :phone, :now, :now)""")
                .param("id", id.value()).param("kind", p.kind().name()).param("country", p.country().toUpperCase(Locale.ROOT))
                .param("name", p.legalName().strip()).param("original", blankToNull(p.legalNameOriginal()))
                .param("status", status.name()).param("email", blankToNull(p.email())).param("phone", blankToNull(p.phone()))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        try {
            for (Map.Entry<String, String> e : identifiers.entrySet()) {
                jdbc.sql("insert into party_identifiers (party_id, scheme, identifier) values (:party, :scheme, :value)")
                        .param("party", id.value()).param("scheme", e.getKey()).param("value", e.getValue()).update();
            }
        } catch (DuplicateKeyException raced) {
            // another registration of the same identifier committed between our check and insert
            throw new DuplicateRegistrationRace(raced);
        }
        Party registered = find(id).orElseThrow();
        audit.record(null, "party.register", "party", id.toString(), null,
                registered.kind() + " " + registered.country() + " " + registered.legalName() + " " + registered.identifiers());
        return new Registration.Registered(registered);
    }

    /** Signals the rare race of two simultaneous registrations; the transaction rolls back. */
    static final class DuplicateRegistrationRace extends RuntimeException {
        DuplicateRegistrationRace(Throwable cause) {
            super("the identifier was registered concurrently", cause);
        }
    }

    private Optional<Registration.InvalidField> validate(NewParty p) {
        if (p.kind() == null) {
            return invalid("kind", "is required");
        }
        if (!Countries.isIso(p.country())) {
            return invalid("country", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (p.legalName() == null || p.legalName().isBlank() || p.legalName().length() > 200) {
            return invalid("legalName", "is required, at most 200 characters");
        }
        if (p.legalNameOriginal() != null && p.legalNameOriginal().length() > 200) {
            return invalid("legalNameOriginal", "at most 200 characters");
        }
        if (p.email() != null && !p.email().isBlank() && !p.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return invalid("email", "is not an e-mail address");
        }
        for (Map.Entry<String, String> e : p.identifiers().entrySet()) {
            String scheme = e.getKey().toUpperCase(Locale.ROOT);
            if (!scheme.matches("[A-Z][A-Z0-9_]{1,23}") || e.getValue() == null || e.getValue().isBlank()
                    || e.getValue().length() > 64) {
                return invalid("identifiers." + e.getKey(), "scheme must be A-Z0-9_ and the value 1-64 characters");
            }
            IdentifierKind kind = CHECKED.get(scheme);
            if (kind != null && Identifiers.validate(kind, e.getValue(), today()) instanceof Validation.Invalid bad) {
                return invalid("identifiers." + e.getKey(), bad.reason());
            }
        }
        if (p.kind() == PartyKind.MERCHANT && "CN".equalsIgnoreCase(p.country()) && !p.identifiers().keySet().stream()
                .map(s -> s.toUpperCase(Locale.ROOT)).toList().contains("USCC")) {
            return invalid("identifiers.USCC", "a Chinese merchant registers with its Unified Social Credit Code");
        }
        return Optional.empty();
    }

    private static Optional<Registration.InvalidField> invalid(String field, String reason) {
        return Optional.of(new Registration.InvalidField(field, reason));
    }

    private Map<String, String> normalizedIdentifiers(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            String scheme = k.toUpperCase(Locale.ROOT);
            IdentifierKind kind = CHECKED.get(scheme);
            String value = kind != null && Identifiers.validate(kind, v, today()) instanceof Validation.Valid ok
                    ? ok.normalized() : v.strip();
            out.put(scheme, value);
        });
        return out;
    }

    Optional<PartyId> ownerOf(String scheme, String value) {
        return jdbc.sql("select party_id from party_identifiers where scheme = :scheme and identifier = :value")
                .param("scheme", scheme).param("value", value)
                .query((rs, n) -> new PartyId(rs.getObject(1, UUID.class))).optional();
    }

    /**
     * One statement, so it needs no transaction of its own (a read-only one cost a BEGIN and a COMMIT round
     * trip each). Inside a transaction a party is read once: a payment's capture asks for its merchant in
     * several modules' listeners, and they all see the row the first of them read.
     */
    @Override
    public Optional<Party> find(PartyId id) {
        Map<PartyId, Optional<Party>> seen = readInThisTransaction();
        return seen == null ? select(id) : seen.computeIfAbsent(id, this::select);
    }

    private Optional<Party> select(PartyId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::read).optional();
    }

    private static final Object READ_IN_TRANSACTION = new Object();

    /** The parties read in the running transaction, or null outside one. */
    @SuppressWarnings("unchecked")
    private static Map<PartyId, Optional<Party>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        var seen = (Map<PartyId, Optional<Party>>) TransactionSynchronizationManager.getResource(READ_IN_TRANSACTION);
        if (seen == null) {
            Map<PartyId, Optional<Party>> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(READ_IN_TRANSACTION, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READ_IN_TRANSACTION);
                }
            });
            seen = fresh;
        }
        return seen;
    }

    /** A write in this transaction: what it read before is read again. */
    private static void forgetReads() {
        Map<PartyId, Optional<Party>> seen = readInThisTransaction();
        if (seen != null) {
            seen.clear();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Party> list(PartyKind kind, int limit) {
        return jdbc.sql(SELECT + " where kind = :kind order by id limit :limit")
                .param("kind", kind.name()).param("limit", limit).query(this::read).list();
    }

    void activate(PartyId id, RiskTier tier) {
        if (find(id).map(p -> p.status() == PartyStatus.SUSPENDED).orElse(false)) {
            // a suspension (a confirmed sanctions match) outlives the KYB file's approval: lifting it is its own decision
            audit.record("system", "party.activate.refused", "party", id.toString(), PartyStatus.SUSPENDED.name(),
                    "stays SUSPENDED, risk tier " + tier);
            return;
        }
        setStatus(id, PartyStatus.ACTIVE, tier);
    }

    @Override
    @Transactional
    public boolean suspend(PartyId id, String reason, String actor) {
        Optional<Party> before = find(id);
        if (before.isEmpty() || before.get().status() == PartyStatus.SUSPENDED) {
            return false;
        }
        forgetReads();
        int n = jdbc.sql("""
                update parties set status = 'SUSPENDED', updated_at = :now, version = version + 1
                where id = :id and status <> 'SUSPENDED'""")
                .param("now", now().atOffset(ZoneOffset.UTC)).param("id", id.value()).update();
        if (n == 0) {
            return false;
        }
        audit.record(actor, "party.suspend", "party", id.toString(), before.get().status().name(),
                "SUSPENDED" + (reason == null || reason.isBlank() ? "" : ": " + reason));
        apiKeyCache.invalidateAll();
        return true;
    }

    void setStatus(PartyId id, PartyStatus status, RiskTier tier) {
        Party before = find(id).orElseThrow();
        audit.record("system", "party.status", "party", id.toString(), before.status() + " " + before.riskTier(),
                status + " " + tier);
        forgetReads();
        jdbc.sql("update parties set status = :status, risk_tier = :tier, updated_at = :now, version = version + 1 where id = :id")
                .param("status", status.name()).param("tier", tier == null ? null : tier.name())
                .param("now", now().atOffset(ZoneOffset.UTC)).param("id", id.value()).update();
        // a suspended or closed party's keys stop working at once on this node (within the cache's TTL elsewhere)
        apiKeyCache.invalidateAll();
    }

    // One statement per party: the identifiers come along as an array of "SCHEME=value" (schemes are A-Z0-9_,
    // so the first '=' separates them). Every payment looks its merchant up several times, and a second
    // query per lookup was a round trip each on the payment path.
    private static final String SELECT = """
            select id, kind, country, legal_name, legal_name_original, status, risk_tier, email, phone, created_at,
                   (select array_agg(i.scheme || '=' || i.identifier order by i.scheme)
                    from party_identifiers i where i.party_id = parties.id) as identifiers
            from parties""";

    private Party read(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Map<String, String> identifiers = new LinkedHashMap<>();
        Array pairs = rs.getArray(11);
        if (pairs != null) {
            for (Object pair : (Object[]) pairs.getArray()) {
                String schemeAndValue = (String) pair;
                int eq = schemeAndValue.indexOf('=');
                identifiers.put(schemeAndValue.substring(0, eq), schemeAndValue.substring(eq + 1));
            }
        }
        String tier = rs.getString(7);
        return new Party(new PartyId(id), PartyKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), PartyStatus.valueOf(rs.getString(6)), tier == null ? null : RiskTier.valueOf(tier),
                rs.getString(8), rs.getString(9), Map.copyOf(identifiers),
                rs.getObject(10, OffsetDateTime.class).toInstant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
