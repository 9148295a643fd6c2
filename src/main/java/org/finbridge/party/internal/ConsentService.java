package org.finbridge.party.internal;

import org.finbridge.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.Consent;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.ConsentResult;
import org.finbridge.party.ConsentScope;
import org.finbridge.party.Consents;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consents, as the Credit Reporting Industry Regulation requires before a report is provided (art. 18:
 * written consent stating the purpose) or sensitive data is collected (art. 14).
 */
@Service
class ConsentService implements Consents {

    static final String PREFIX = "cns";
    /** A consent is limited in time; five years is the longest this platform accepts. */
    static final Duration LONGEST = Duration.ofDays(5 * 366);

    private final JdbcClient jdbc;
    private final PartyStore parties;
    private final AuditLog audit;
    private final Clock clock;

    ConsentService(JdbcClient jdbc, PartyStore parties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.parties = parties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ConsentResult grant(PartyId subject, PartyId grantee, ConsentScope scope, ConsentPurpose purpose, Instant expiresAt) {
        if (parties.find(subject).isEmpty()) {
            return new ConsentResult.NotFound("party " + subject);
        }
        if (parties.find(grantee).isEmpty()) {
            return new ConsentResult.InvalidField("grantee", "no such party");
        }
        if (subject.equals(grantee)) {
            return new ConsentResult.InvalidField("grantee", "a party does not need its own consent");
        }
        if (scope == null || purpose == null) {
            return new ConsentResult.InvalidField(scope == null ? "scope" : "purpose", "is required");
        }
        Instant now = now();
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST))) {
            return new ConsentResult.InvalidField("expiresAt", "must be in the future and at most five years away");
        }
        Instant expiry = expiresAt.truncatedTo(ChronoUnit.MICROS);
        UUID id = TimeOrderedIds.next(clock);
        String receipt = receipt(id, subject, grantee, scope, purpose, now, expiry);
        jdbc.sql("""
                insert into consents (id, subject_id, grantee_id, scope, purpose, granted_at, expires_at, receipt_sha256)
                values (:id, :subject, :grantee, :scope, :purpose, :granted, :expires, :receipt)""")
                .param("id", id).param("subject", subject.value()).param("grantee", grantee.value())
                .param("scope", scope.name()).param("purpose", purpose.name())
                .param("granted", now.atOffset(ZoneOffset.UTC)).param("expires", expiry.atOffset(ZoneOffset.UTC))
                .param("receipt", receipt).update();
        audit.record(subject.toString(), "party.consent.grant", "consent", TimeOrderedIds.format(PREFIX, id), null,
                grantee + " " + scope + " " + purpose + " until " + expiry + " receipt " + receipt);
        return new ConsentResult.Granted(find(TimeOrderedIds.format(PREFIX, id)).orElseThrow());
    }

    /** The receipt: SHA-256 over the consent's terms, so either side can prove what was agreed. */
    static String receipt(UUID id, PartyId subject, PartyId grantee, ConsentScope scope, ConsentPurpose purpose,
                          Instant granted, Instant expires) {
        String terms = String.join("|", TimeOrderedIds.format(PREFIX, id), subject.toString(), grantee.toString(),
                scope.name(), purpose.name(), granted.toString(), expires.toString());
        return Hashing.sha256(terms);
    }

    @Override
    @Transactional
    public ConsentResult revoke(String consentId, PartyId subject) {
        Optional<Consent> consent = find(consentId);
        if (consent.isEmpty() || !consent.get().subject().equals(subject)) {
            return new ConsentResult.NotFound("consent " + consentId);
        }
        if (consent.get().revokedAt() == null) {
            jdbc.sql("update consents set revoked_at = :now where id = :id and revoked_at is null")
                    .param("now", now().atOffset(ZoneOffset.UTC)).param("id", TimeOrderedIds.parse(PREFIX, consentId)).update();
            audit.record(subject.toString(), "party.consent.revoke", "consent", consentId, "granted", "revoked");
        }
        return new ConsentResult.Revoked(find(consentId).orElseThrow());
    }

    @Override
    public boolean permits(PartyId subject, PartyId grantee, ConsentScope scope, ConsentPurpose purpose) {
        Instant now = now();
        return jdbc.sql("""
                select count(*) from consents where subject_id = :subject and grantee_id = :grantee and scope = :scope
                  and purpose = :purpose and revoked_at is null and granted_at <= :now and expires_at > :now""")
                .param("subject", subject.value()).param("grantee", grantee.value()).param("scope", scope.name())
                .param("purpose", purpose.name()).param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class).single() > 0;
    }

    @Override
    public Optional<Consent> find(String consentId) {
        UUID id;
        try {
            id = TimeOrderedIds.parse(PREFIX, consentId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ConsentService::read).optional();
    }

    @Override
    public List<Consent> grantedBy(PartyId subject) {
        return jdbc.sql(SELECT + " where subject_id = :p order by id").param("p", subject.value()).query(ConsentService::read).list();
    }

    @Override
    public List<Consent> heldBy(PartyId grantee) {
        return jdbc.sql(SELECT + " where grantee_id = :p order by id").param("p", grantee.value()).query(ConsentService::read).list();
    }

    private static final String SELECT = """
            select id, subject_id, grantee_id, scope, purpose, granted_at, expires_at, revoked_at, receipt_sha256 from consents""";

    private static Consent read(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revoked = rs.getObject(8, OffsetDateTime.class);
        return new Consent(TimeOrderedIds.format(PREFIX, rs.getObject(1, UUID.class)), new PartyId(rs.getObject(2, UUID.class)),
                new PartyId(rs.getObject(3, UUID.class)), ConsentScope.valueOf(rs.getString(4)),
                ConsentPurpose.valueOf(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getObject(7, OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant(),
                rs.getString(9));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
