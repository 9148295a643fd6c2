package org.finbridge.risk.sanctions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListVersion;
import org.finbridge.risk.sanctions.ListVersionId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Lists, their versions, entries and changes in the database (explicit SQL). */
@Repository
class ListStore {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate savepoint;

    ListStore(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The list's row, created on first import, locked until the caller's transaction ends. */
    Optional<UUID> lockList(String listCode, ListFormat format, Instant now) {
        try {
            // in a savepoint: on PostgreSQL a failed insert would otherwise abort the whole transaction
            savepoint.executeWithoutResult(s -> jdbc.sql("""
                    insert into sanctions_lists (list_code, format, changed_at)
                    select :code, :format, :now where not exists (select 1 from sanctions_lists where list_code = :code)""")
                    .param("code", listCode).param("format", format.name()).param("now", at(now)).update());
        } catch (DuplicateKeyException createdConcurrently) {
            // another import created it a moment ago: lock it below
        }
        return jdbc.sql("select current_version_id from sanctions_lists where list_code = :code for update")
                .param("code", listCode).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).single();
    }

    void insertVersion(ListVersionId id, String listCode, ListFormat format, String sourceName, String sha256, Instant now,
                       String actor, ParsedList list, Delta delta, UUID previous) {
        String skipped = String.join("; ", list.skips().summary());
        jdbc.sql("""
                insert into sanctions_list_versions (id, list_code, format, source_name, content_sha256, imported_at,
                    imported_by, entry_count, name_count, skipped_count, skipped, added_count, removed_count, changed_count,
                    previous_id)
                values (:id, :code, :format, :source, :sha, :now, :actor, :entries, :names, :skippedCount, :skipped,
                    :added, :removed, :changed, :previous)""")
                .param("id", id.value()).param("code", listCode).param("format", format.name())
                .param("source", clip(sourceName, 200)).param("sha", sha256).param("now", at(now))
                .param("actor", clip(actor, 200)).param("entries", list.entries().size()).param("names", list.nameCount())
                .param("skippedCount", list.skips().total()).param("skipped", skipped.isEmpty() ? null : clip(skipped, 4000))
                .param("added", delta.added().size()).param("removed", delta.removed().size())
                .param("changed", delta.changed().size()).param("previous", previous).update();
    }

    void insertEntries(ListVersionId version, List<ListEntry> entries, List<String> hashes) {
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (int i = 0; i < entries.size(); i++) {
            ListEntry e = entries.get(i);
            rows.add(new Object[] {version.value(), e.entryId(), e.type().name(), e.primaryName(), hashes.get(i),
                    EntryCodec.details(e)});
            if (rows.size() == BATCH || i == entries.size() - 1) {
                batch.batchUpdate("""
                        insert into sanctions_entries (version_id, entry_id, entry_type, primary_name, entry_hash, details)
                        values (?, ?, ?, ?, ?, ?)""", rows);
                rows.clear();
            }
        }
    }

    void insertChanges(ListVersionId version, Delta delta) {
        List<Object[]> rows = new ArrayList<>();
        delta.added().forEach((id, name) -> rows.add(new Object[] {version.value(), id, "ADDED", name}));
        delta.removed().forEach((id, name) -> rows.add(new Object[] {version.value(), id, "REMOVED", name}));
        delta.changed().forEach((id, name) -> rows.add(new Object[] {version.value(), id, "CHANGED", name}));
        for (int from = 0; from < rows.size(); from += BATCH) {
            batch.batchUpdate("""
                    insert into sanctions_entry_changes (version_id, entry_id, change_kind, primary_name)
                    values (?, ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    void makeCurrent(String listCode, ListVersionId version, Instant now) {
        jdbc.sql("update sanctions_lists set current_version_id = :v, changed_at = :now where list_code = :code")
                .param("v", version.value()).param("now", at(now)).param("code", listCode).update();
    }

    /** Entry id → content hash and primary name, of one version. */
    Map<String, String[]> entrySummaries(UUID version) {
        Map<String, String[]> out = new HashMap<>();
        jdbc.sql("select entry_id, entry_hash, primary_name from sanctions_entries where version_id = :v")
                .param("v", version).query(rs -> {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    record CurrentVersion(String listCode, UUID versionId, String sha256) {
    }

    /** The version in force of every list, in list order. */
    List<CurrentVersion> currentVersions() {
        return jdbc.sql("""
                select l.list_code, v.id, v.content_sha256 from sanctions_lists l
                join sanctions_list_versions v on v.id = l.current_version_id order by l.list_code""")
                .query((rs, n) -> new CurrentVersion(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
    }

    record StoredEntries(List<ListEntry> entries, List<String> hashes) {
    }

    StoredEntries entries(UUID version) {
        List<ListEntry> entries = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        jdbc.sql("""
                select entry_id, entry_type, primary_name, entry_hash, details from sanctions_entries
                where version_id = :v order by entry_id""").param("v", version).query(rs -> {
                    entries.add(EntryCodec.entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5)));
                    hashes.add(rs.getString(4));
                });
        return new StoredEntries(entries, hashes);
    }

    private static final String VERSION_COLUMNS = """
            select v.id, v.list_code, v.format, v.source_name, v.content_sha256, v.imported_at, v.imported_by,
                   v.entry_count, v.name_count, v.skipped_count, v.skipped, v.added_count, v.removed_count,
                   v.changed_count, case when l.current_version_id = v.id then 1 else 0 end
            from sanctions_list_versions v join sanctions_lists l on l.list_code = v.list_code""";

    List<ListVersion> versions(String listCode, int limit) {
        if (listCode == null) {
            return jdbc.sql(VERSION_COLUMNS + " order by v.seq desc limit :limit")
                    .param("limit", limit).query(ListStore::version).list();
        }
        return jdbc.sql(VERSION_COLUMNS + " where v.list_code = :code order by v.seq desc limit :limit")
                .param("code", listCode).param("limit", limit).query(ListStore::version).list();
    }

    Optional<ListVersion> version(UUID id) {
        return jdbc.sql(VERSION_COLUMNS + " where v.id = :id").param("id", id).query(ListStore::version).optional();
    }

    private static ListVersion version(ResultSet rs, int n) throws SQLException {
        String skipped = rs.getString(11);
        return new ListVersion(new ListVersionId(rs.getObject(1, UUID.class)), rs.getString(2),
                ListFormat.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), skipped == null ? List.of() : Arrays.asList(skipped.split("; ")), rs.getInt(12),
                rs.getInt(13), rs.getInt(14), rs.getInt(15) == 1);
    }

    static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
