package org.finbridge.risk.sanctions.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.risk.sanctions.HitId;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.ListVersionId;
import org.finbridge.risk.sanctions.ReviewHit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Possible matches and their decisions. One pair of subject and list entry has at most one open hit
 * (the unique {@code open_key}); a decision stands for the entry's content it was made on, so a
 * changed entry raises the pair again.
 */
@Repository
class HitStore {

    private static final String REASON_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final TransactionTemplate nested;
    private final java.time.Clock clock;

    HitStore(JdbcClient jdbc, PlatformTransactionManager transactions, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A hit as raised now, or as remembered. {@code suppressed}: a false positive already settled for this content. */
    record Raised(ReviewHit hit, boolean suppressed) {
    }

    Raised raise(ScreenedSubject subject, NameMatcher.Match m) {
        String key = subject.key();
        ScreeningIndex.Entry entry = m.entry();
        Optional<ReviewHit> decided = jdbc.sql(SELECT + " " + """
                 where subject_key = :key and list_code = :list and entry_id = :entry and entry_hash = :hash
                 and status <> 'OPEN' order by decided_at desc limit 1""")
                .param("key", key).param("list", entry.listCode()).param("entry", entry.entry().entryId())
                .param("hash", entry.hash()).query(HitStore::read).optional();
        if (decided.isPresent()) {
            return new Raised(decided.get(), decided.get().status() == HitStatus.FALSE_POSITIVE);
        }
        String openKey = ListStore.clip(key + "|" + entry.listCode() + "|" + entry.entry().entryId(), 800);
        if (updateOpen(openKey, subject, m) == 0) {
            try {
                nested.executeWithoutResult(s -> insert(openKey, key, subject, m));
            } catch (DuplicateKeyException raisedConcurrently) {
                updateOpen(openKey, subject, m);
            }
        }
        return new Raised(jdbc.sql(SELECT + " where open_key = :k").param("k", openKey).query(HitStore::read).single(), false);
    }

    private void insert(String openKey, String key, ScreenedSubject subject, NameMatcher.Match m) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into sanctions_hits (id, subject_ref, subject_key, subject_name, subject_role, list_code, entry_id,
                    entry_name, entry_hash, matched_name, score, reasons, version_id, status, open_key, raised_at, updated_at)
                values (:id, :ref, :key, :name, :role, :list, :entry, :entryName, :hash, :matched, :score, :reasons,
                    :version, 'OPEN', :openKey, :now, :now)""")
                .param("id", TimeOrderedIds.next(clock)).param("ref", subject.ref()).param("key", key)
                .param("name", ListStore.clip(subject.name(), 500)).param("role", subject.role())
                .param("list", m.entry().listCode()).param("entry", m.entry().entry().entryId())
                .param("entryName", m.entry().entry().primaryName()).param("hash", m.entry().hash())
                .param("matched", m.name().name()).param("score", Screenings.score(m.score()))
                .param("reasons", reasons(m)).param("version", UUID.fromString(m.entry().versionId()))
                .param("openKey", openKey).param("now", ListStore.at(now)).update();
    }

    /** The open hit of the pair takes the latest score, reasons and entry content. */
    private int updateOpen(String openKey, ScreenedSubject subject, NameMatcher.Match m) {
        return jdbc.sql("""
                update sanctions_hits set subject_name = :name, entry_name = :entryName, entry_hash = :hash,
                    matched_name = :matched, score = :score, reasons = :reasons, version_id = :version, updated_at = :now
                where open_key = :openKey""")
                .param("name", ListStore.clip(subject.name(), 500)).param("entryName", m.entry().entry().primaryName())
                .param("hash", m.entry().hash()).param("matched", m.name().name())
                .param("score", Screenings.score(m.score())).param("reasons", reasons(m))
                .param("version", UUID.fromString(m.entry().versionId())).param("now", ListStore.at(clock.instant()))
                .param("openKey", openKey).update();
    }

    private static String reasons(NameMatcher.Match m) {
        return ListStore.clip(String.join(REASON_SEPARATOR, m.reasons()), 4000);
    }

    /** Settles an open hit; false when it was not open (settled meanwhile). */
    boolean decide(HitId id, HitStatus decision, String reviewer, String note) {
        return jdbc.sql("""
                update sanctions_hits set status = :status, open_key = null, decided_by = :by, decided_at = :now,
                    decision_note = :note, updated_at = :now
                where id = :id and status = 'OPEN'""")
                .param("status", decision.name()).param("by", ListStore.clip(reviewer, 200))
                .param("now", ListStore.at(clock.instant())).param("note", ListStore.clip(note, 1000))
                .param("id", id.value()).update() == 1;
    }

    Optional<ReviewHit> find(HitId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(HitStore::read).optional();
    }

    List<ReviewHit> inStatus(HitStatus status, int limit) {
        return jdbc.sql(SELECT + " where status = :status order by raised_at, id limit :limit")
                .param("status", status.name()).param("limit", limit).query(HitStore::read).list();
    }

    private static final Map<String, String> HIT_SORTS = Map.of("raised", "raised_at", "subject", "subject_name",
            "list", "list_code", "entry", "entry_name", "score", "score");

    org.finbridge.platform.QueuePage<ReviewHit> inStatus(HitStatus status, org.finbridge.platform.QueuePage.Request page) {
        long total = jdbc.sql("select count(*) from sanctions_hits where status = :status").param("status", status.name())
                .query(Long.class).single();
        List<ReviewHit> items = jdbc.sql(SELECT + " where status = :status" + page.orderBy(HIT_SORTS, "raised_at", "id")
                        + " limit :limit offset :offset").param("status", status.name()).param("limit", page.size())
                .param("offset", page.offset()).query(HitStore::read).list();
        return new org.finbridge.platform.QueuePage<>(items, total, page);
    }

    private static final String SELECT = """
            select id, subject_ref, subject_name, subject_role, list_code, entry_id, entry_name, matched_name, score,
                   reasons, status, version_id, raised_at, decided_by, decided_at, decision_note
            from sanctions_hits""";

    private static ReviewHit read(ResultSet rs, int n) throws SQLException {
        OffsetDateTime decidedAt = rs.getObject(15, OffsetDateTime.class);
        BigDecimal score = rs.getBigDecimal(9).setScale(4);
        return new ReviewHit(new HitId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), score,
                Arrays.asList(rs.getString(10).split(REASON_SEPARATOR)), HitStatus.valueOf(rs.getString(11)),
                new ListVersionId(rs.getObject(12, UUID.class)), rs.getObject(13, OffsetDateTime.class).toInstant(),
                rs.getString(14), decidedAt == null ? null : decidedAt.toInstant(), rs.getString(16));
    }
}
