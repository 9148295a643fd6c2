package org.finbridge.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.ledger.internal.StoredTransfer.Kind;
import org.finbridge.ledger.internal.StoredTransfer.Resolution;

/**
 * Runs one batch in one database transaction: read what exists, lock the touched accounts in id order,
 * apply in memory, write transfers, resolutions, history and one update per touched account, commit.
 * Explicit JDBC, because this is the hot path and every statement here is reviewed.
 */
final class BatchStore {

    private static final int CHUNK = 500;

    static final String TRANSFER_COLUMNS = "id, debit_account_id, credit_account_id, amount, currency, kind, pending_id, "
            + "timeout_seconds, expires_at, code, external_ref, linked, created_at";

    private final DataSource dataSource;
    /** PostgreSQL takes a whole batch in a few array statements; other databases get JDBC batches. */
    private volatile Boolean postgres;

    BatchStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private boolean isPostgres(Connection c) throws SQLException {
        Boolean p = postgres;
        if (p == null) {
            p = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
            postgres = p;
        }
        return p;
    }

    /** Applies the submissions in one transaction and returns each one's results, in order. */
    List<List<TransferResult>> execute(List<Submission> batch, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<List<TransferResult>> results = executeIn(c, batch, now);
                c.commit();
                return results;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    private List<List<TransferResult>> executeIn(Connection c, List<Submission> batch, Instant now) throws SQLException {
        Set<TransferId> ids = new HashSet<>();
        for (Submission s : batch) {
            for (Transfer t : s.transfers()) {
                if (t.id() != null) {
                    ids.add(t.id());
                }
                if (t.pendingId() != null) {
                    ids.add(t.pendingId());
                }
            }
            ids.addAll(s.expiries());
        }
        boolean pg = isPostgres(c);
        Map<TransferId, StoredTransfer> known = pg ? loadTransfersPg(c, ids) : loadTransfers(c, ids);

        Set<AccountId> accountIds = new HashSet<>();
        for (Submission s : batch) {
            BatchProcessor.collectAccounts(s.transfers(), known, accountIds);
            for (TransferId e : s.expiries()) {
                StoredTransfer p = known.get(e);
                if (p != null) {
                    accountIds.add(p.debitAccountId());
                    accountIds.add(p.creditAccountId());
                }
            }
        }
        Map<AccountId, AccountState> accounts = pg ? lockAccountsPg(c, accountIds) : lockAccounts(c, accountIds);
        Set<TransferId> holds = holdsReferenced(batch, known);
        Map<TransferId, Resolution> resolutions = holds.isEmpty() ? Map.of() : loadResolutions(c, holds);

        BatchProcessor processor = new BatchProcessor(now, new BatchState(accounts, known, resolutions));
        List<List<TransferResult>> results = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            if (!s.expiries().isEmpty()) {
                processor.expire(s.expiries());
                results.add(List.of());
            } else {
                results.add(processor.apply(s.transfers()));
            }
        }
        BatchOutcome outcome = processor.outcome();
        if (!outcome.isEmpty()) {
            if (pg) {
                insertTransfersPg(c, outcome.transfers, now);
            } else {
                insertTransfers(c, outcome.transfers);
            }
            insertResolutions(c, outcome.resolutions);
            insertHistory(c, outcome.history);
            if (pg) {
                updateAccountsPg(c, accounts.values());
            } else {
                updateAccounts(c, accounts.values());
            }
        }
        return results;
    }

    private static Set<TransferId> holdsReferenced(List<Submission> batch, Map<TransferId, StoredTransfer> known) {
        Set<TransferId> holds = new HashSet<>();
        for (Submission s : batch) {
            for (Transfer t : s.transfers()) {
                if (t.pendingId() != null && known.containsKey(t.pendingId())) {
                    holds.add(t.pendingId());
                }
            }
            holds.addAll(s.expiries());
        }
        return holds;
    }

    private static Map<TransferId, StoredTransfer> loadTransfers(Connection c, Set<TransferId> ids) throws SQLException {
        Map<TransferId, StoredTransfer> found = new HashMap<>();
        forChunks(new ArrayList<>(ids), chunk -> {
            String sql = "select " + TRANSFER_COLUMNS + " from ledger_transfers where id in (" + marks(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (TransferId id : chunk) {
                    ps.setObject(i++, id.value());
                }
                readTransfers(ps, found);
            }
        });
        return found;
    }

    private static void readTransfers(PreparedStatement ps, Map<TransferId, StoredTransfer> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StoredTransfer t = readTransfer(rs);
                into.put(t.id(), t);
            }
        }
    }

    /** Reads the rows of an account-locking query (columns as in {@link #ACCOUNT_STATE_COLUMNS}). */
    private static void readAccountStates(PreparedStatement ps, Map<AccountId, AccountState> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AccountId id = new AccountId(rs.getObject(1, UUID.class));
                into.put(id, new AccountState(id, rs.getString(2).trim(), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
            }
        }
    }

    static final String ACCOUNT_STATE_COLUMNS = "id, currency, debits_must_not_exceed_credits, "
            + "credits_must_not_exceed_debits, history, debits_posted, credits_posted, debits_pending, credits_pending";

    static StoredTransfer readTransfer(ResultSet rs) throws SQLException {
        UUID pending = rs.getObject(7, UUID.class);
        OffsetDateTime expires = rs.getObject(9, OffsetDateTime.class);
        return new StoredTransfer(
                new TransferId(rs.getObject(1, UUID.class)),
                new AccountId(rs.getObject(2, UUID.class)),
                new AccountId(rs.getObject(3, UUID.class)),
                rs.getLong(4), rs.getString(5).trim(), Kind.valueOf(rs.getString(6)),
                pending == null ? null : new TransferId(pending), rs.getInt(8),
                expires == null ? null : expires.toInstant(), rs.getString(10), rs.getString(11), rs.getBoolean(12),
                rs.getObject(13, OffsetDateTime.class).toInstant());
    }

    /**
     * Locks the accounts with SELECT … FOR UPDATE in ascending id order, so two batches (or two
     * application nodes) touching overlapping accounts queue behind each other instead of deadlocking.
     */
    private static Map<AccountId, AccountState> lockAccounts(Connection c, Set<AccountId> ids) throws SQLException {
        List<AccountId> ordered = new ArrayList<>(ids);
        ordered.sort(null);
        Map<AccountId, AccountState> locked = new HashMap<>();
        forChunks(ordered, chunk -> {
            String sql = "select " + ACCOUNT_STATE_COLUMNS + " from ledger_accounts where id in ("
                    + marks(chunk.size()) + ") order by id for update";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (AccountId id : chunk) {
                    ps.setObject(i++, id.value());
                }
                readAccountStates(ps, locked);
            }
        });
        return locked;
    }

    private static Map<TransferId, Resolution> loadResolutions(Connection c, Set<TransferId> holds) throws SQLException {
        Map<TransferId, Resolution> found = new HashMap<>();
        forChunks(new ArrayList<>(holds), chunk -> {
            String sql = "select pending_id, resolution from ledger_pending_resolutions where pending_id in ("
                    + marks(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (TransferId id : chunk) {
                    ps.setObject(i++, id.value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(new TransferId(rs.getObject(1, UUID.class)), Resolution.valueOf(rs.getString(2)));
                    }
                }
            }
        });
        return found;
    }

    private static void insertTransfers(Connection c, List<StoredTransfer> transfers) throws SQLException {
        if (transfers.isEmpty()) {
            return;
        }
        String sql = "insert into ledger_transfers (" + TRANSFER_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (StoredTransfer t : transfers) {
                ps.setObject(1, t.id().value());
                ps.setObject(2, t.debitAccountId().value());
                ps.setObject(3, t.creditAccountId().value());
                ps.setLong(4, t.amount());
                ps.setString(5, t.currency());
                ps.setString(6, t.kind().name());
                if (t.pendingId() == null) {
                    ps.setNull(7, Types.OTHER);
                } else {
                    ps.setObject(7, t.pendingId().value());
                }
                ps.setInt(8, t.timeoutSeconds());
                ps.setObject(9, t.expiresAt() == null ? null : t.expiresAt().atOffset(ZoneOffset.UTC));
                ps.setString(10, t.code());
                ps.setString(11, t.externalRef());
                ps.setBoolean(12, t.linked());
                ps.setObject(13, t.createdAt().atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertResolutions(Connection c, List<BatchOutcome.ResolutionRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into ledger_pending_resolutions (pending_id, resolution, transfer_id, resolved_at) values (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (BatchOutcome.ResolutionRow r : rows) {
                ps.setObject(1, r.pendingId().value());
                ps.setString(2, r.resolution().name());
                if (r.transferId() == null) {
                    ps.setNull(3, Types.OTHER);
                } else {
                    ps.setObject(3, r.transferId().value());
                }
                ps.setObject(4, r.at().atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertHistory(Connection c, List<BatchOutcome.HistoryRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into ledger_account_balances (account_id, transfer_id, debits_posted, credits_posted, "
                + "debits_pending, credits_pending, recorded_at) values (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (BatchOutcome.HistoryRow r : rows) {
                ps.setObject(1, r.accountId().value());
                ps.setObject(2, r.transferId().value());
                ps.setLong(3, r.debitsPosted());
                ps.setLong(4, r.creditsPosted());
                ps.setLong(5, r.debitsPending());
                ps.setLong(6, r.creditsPending());
                ps.setObject(7, r.at().atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One row update per touched account, however many transfers of the batch touched it. */
    private static void updateAccounts(Connection c, Collection<AccountState> accounts) throws SQLException {
        String sql = "update ledger_accounts set debits_posted = debits_posted + ?, credits_posted = credits_posted + ?, "
                + "debits_pending = debits_pending + ?, credits_pending = credits_pending + ? where id = ?";
        List<AccountState> changed = accounts.stream().filter(AccountState::changed).sorted((a, b) -> a.id.compareTo(b.id)).toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (AccountState a : changed) {
                ps.setLong(1, a.debitsPosted - a.readDebitsPosted);
                ps.setLong(2, a.creditsPosted - a.readCreditsPosted);
                ps.setLong(3, a.debitsPending - a.readDebitsPending);
                ps.setLong(4, a.creditsPending - a.readCreditsPending);
                ps.setObject(5, a.id.value());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int n : counts) {
                if (n != 1 && n != PreparedStatement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("a locked ledger account vanished during the batch");
                }
            }
        }
    }

    // --- PostgreSQL: one statement per step, whatever the batch size -----------------------------

    private static Map<TransferId, StoredTransfer> loadTransfersPg(Connection c, Set<TransferId> ids) throws SQLException {
        Map<TransferId, StoredTransfer> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select " + TRANSFER_COLUMNS + " from ledger_transfers where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.stream().map(TransferId::value).toArray()));
            readTransfers(ps, found);
        }
        return found;
    }

    private static Map<AccountId, AccountState> lockAccountsPg(Connection c, Set<AccountId> ids) throws SQLException {
        Map<AccountId, AccountState> locked = new HashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        // ORDER BY before the lock: rows are locked in id order, on every writer and every node. NO KEY
        // UPDATE: the balance columns change, never the key, so concurrent inserts that check their
        // foreign keys against these rows are not blocked.
        try (PreparedStatement ps = c.prepareStatement(
                "select " + ACCOUNT_STATE_COLUMNS + " from ledger_accounts where id = any(?) order by id for no key update")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.stream().map(AccountId::value).toArray()));
            readAccountStates(ps, locked);
        }
        return locked;
    }

    private static void insertTransfersPg(Connection c, List<StoredTransfer> transfers, Instant now) throws SQLException {
        if (transfers.isEmpty()) {
            return;
        }
        int n = transfers.size();
        Object[] ids = new Object[n];
        Object[] debits = new Object[n];
        Object[] credits = new Object[n];
        Object[] amounts = new Object[n];
        Object[] currencies = new Object[n];
        Object[] kinds = new Object[n];
        Object[] pendings = new Object[n];
        Object[] timeouts = new Object[n];
        Object[] expiries = new Object[n];
        Object[] codes = new Object[n];
        Object[] refs = new Object[n];
        Object[] linked = new Object[n];
        for (int i = 0; i < n; i++) {
            StoredTransfer t = transfers.get(i);
            ids[i] = t.id().value();
            debits[i] = t.debitAccountId().value();
            credits[i] = t.creditAccountId().value();
            amounts[i] = t.amount();
            currencies[i] = t.currency();
            kinds[i] = t.kind().name();
            pendings[i] = t.pendingId() == null ? null : t.pendingId().value();
            timeouts[i] = t.timeoutSeconds();
            expiries[i] = t.expiresAt() == null ? null : t.expiresAt().toString();
            codes[i] = t.code();
            refs[i] = t.externalRef();
            linked[i] = t.linked();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into ledger_transfers (" + TRANSFER_COLUMNS + """
                ) select u.id, u.debit, u.credit, u.amount, u.currency, u.kind, u.pending, u.timeout,
                         u.expires::timestamptz, u.code, u.ref, u.linked, ?::timestamptz
                  from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::int[],
                              ?::text[], ?::text[], ?::text[], ?::boolean[])
                       with ordinality as u(id, debit, credit, amount, currency, kind, pending, timeout, expires, code,
                                            ref, linked, position)
                  order by u.position""")) {
            ps.setString(1, now.toString());
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("uuid", debits));
            ps.setArray(4, c.createArrayOf("uuid", credits));
            ps.setArray(5, c.createArrayOf("int8", amounts));
            ps.setArray(6, c.createArrayOf("text", currencies));
            ps.setArray(7, c.createArrayOf("text", kinds));
            ps.setArray(8, c.createArrayOf("uuid", pendings));
            ps.setArray(9, c.createArrayOf("int4", timeouts));
            ps.setArray(10, c.createArrayOf("text", expiries));
            ps.setArray(11, c.createArrayOf("text", codes));
            ps.setArray(12, c.createArrayOf("text", refs));
            ps.setArray(13, c.createArrayOf("bool", linked));
            int inserted = ps.executeUpdate();
            if (inserted != n) {
                throw new IllegalStateException("inserted " + inserted + " of " + n + " transfers");
            }
        }
    }

    /** One statement updates every touched account by its net change in the batch. */
    private static void updateAccountsPg(Connection c, Collection<AccountState> accounts) throws SQLException {
        List<AccountState> changed = accounts.stream().filter(AccountState::changed).toList();
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        Object[] ids = new Object[n];
        Object[] dp = new Object[n];
        Object[] cp = new Object[n];
        Object[] dpe = new Object[n];
        Object[] cpe = new Object[n];
        for (int i = 0; i < n; i++) {
            AccountState a = changed.get(i);
            ids[i] = a.id.value();
            dp[i] = a.debitsPosted - a.readDebitsPosted;
            cp[i] = a.creditsPosted - a.readCreditsPosted;
            dpe[i] = a.debitsPending - a.readDebitsPending;
            cpe[i] = a.creditsPending - a.readCreditsPending;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update ledger_accounts a
                   set debits_posted = a.debits_posted + u.dp, credits_posted = a.credits_posted + u.cp,
                       debits_pending = a.debits_pending + u.dpe, credits_pending = a.credits_pending + u.cpe
                  from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) as u(id, dp, cp, dpe, cpe)
                 where a.id = u.id""")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("int8", dp));
            ps.setArray(3, c.createArrayOf("int8", cp));
            ps.setArray(4, c.createArrayOf("int8", dpe));
            ps.setArray(5, c.createArrayOf("int8", cpe));
            int updated = ps.executeUpdate();
            if (updated != n) {
                throw new IllegalStateException("a locked ledger account vanished during the batch");
            }
        }
    }

    interface ChunkAction<T> {
        void run(List<T> chunk) throws SQLException;
    }

    private static <T> void forChunks(List<T> items, ChunkAction<T> action) throws SQLException {
        for (int from = 0; from < items.size(); from += CHUNK) {
            action.run(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
    }

    static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

}
