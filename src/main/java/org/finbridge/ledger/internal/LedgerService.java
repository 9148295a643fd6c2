package org.finbridge.ledger.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.AccountBalance;
import org.finbridge.ledger.AccountFlag;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Page;
import org.finbridge.ledger.PostedTransfer;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class LedgerService implements Ledger {

    private static final long ANSWER_TIMEOUT_SECONDS = 60;

    private final JdbcClient jdbc;
    private final TransferBatcher batcher;
    private final Clock clock;
    private final AuditLog audit;

    private final TransactionTemplate nested;

    LedgerService(JdbcClient jdbc, TransferBatcher batcher, Clock clock, AuditLog audit,
                  PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.batcher = batcher;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Opens the account and records who opened it in the audit log, together. The insert runs in a
     * nested transaction (a savepoint when the caller has a transaction open), so that losing a race to
     * open the same account rolls back only the savepoint: PostgreSQL aborts a whole transaction on a
     * failed statement, and the caller's work and our re-read must survive it.
     */
    @Override
    public AccountResult createAccount(NewAccount a) {
        if (a.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && a.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
            return AccountResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        Optional<Account> existing = account(a.id());
        if (existing.isPresent()) {
            return sameAccount(existing.get(), a) ? AccountResult.EXISTS : AccountResult.EXISTS_WITH_DIFFERENT_FIELDS;
        }
        try {
            return nested.execute(status -> insert(a));
        } catch (DuplicateKeyException raced) {
            Account now = account(a.id()).orElseThrow(() -> raced);
            return sameAccount(now, a) ? AccountResult.EXISTS : AccountResult.EXISTS_WITH_DIFFERENT_FIELDS;
        }
    }

    @Override
    public List<AccountResult> createAccounts(List<NewAccount> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        java.util.Map<AccountId, Account> existing = new java.util.HashMap<>();
        jdbc.sql("select " + ACCOUNT_COLUMNS + " from ledger_accounts where id = any(:ids)")
                .param("ids", org.finbridge.platform.SqlArrays.of("uuid", accounts.stream().map(a -> a.id().value()).distinct().toList()))
                .query(LedgerService::readAccount).list().forEach(a -> existing.put(a.id(), a));
        java.util.Map<AccountId, NewAccount> missing = new java.util.LinkedHashMap<>();
        for (NewAccount a : accounts) {
            boolean exclusive = a.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                    && a.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
            if (!exclusive && !existing.containsKey(a.id())) {
                missing.putIfAbsent(a.id(), a);
            }
        }
        if (!missing.isEmpty()) {
            try {
                nested.executeWithoutResult(status -> insertAll(List.copyOf(missing.values())));
            } catch (DuplicateKeyException raced) {
                // another node opened one of them meanwhile: settle each on its own
                return accounts.stream().map(this::createAccount).toList();
            }
        }
        java.util.Set<AccountId> answered = new java.util.HashSet<>();
        return accounts.stream().map(a -> {
            if (a.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS) && a.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
                return AccountResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
            }
            Account before = existing.get(a.id());
            if (before != null) {
                return sameAccount(before, a) ? AccountResult.EXISTS : AccountResult.EXISTS_WITH_DIFFERENT_FIELDS;
            }
            NewAccount opened = missing.get(a.id());
            if (!answered.add(a.id())) {
                return opened.equals(a) || sameNew(opened, a) ? AccountResult.EXISTS : AccountResult.EXISTS_WITH_DIFFERENT_FIELDS;
            }
            return AccountResult.OK;
        }).toList();
    }

    /**
     * {@link #insert} for many accounts at once: one statement and one audit batch, instead of two round trips per
     * account (a settlement run opening a thousand merchants' available accounts waited on two thousand of them).
     */
    private void insertAll(List<NewAccount> accounts) {
        if (accounts.size() == 1) {
            insert(accounts.getFirst());
            return;
        }
        java.time.OffsetDateTime at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        for (int from = 0; from < accounts.size(); from += 500) {
            List<NewAccount> part = accounts.subList(from, Math.min(accounts.size(), from + 500));
            StringBuilder sql = new StringBuilder("""
                    insert into ledger_accounts (id, currency, type, owner_ref, debits_must_not_exceed_credits,
                        credits_must_not_exceed_debits, history, created_at) values """);
            List<Object> params = new java.util.ArrayList<>(part.size() * 8);
            for (int i = 0; i < part.size(); i++) {
                NewAccount a = part.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
                params.add(a.id().value());
                params.add(a.currency().code());
                params.add(a.type());
                params.add(a.ownerRef());
                params.add(a.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
                params.add(a.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS));
                params.add(a.flags().contains(AccountFlag.HISTORY));
                params.add(at);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        Acting.As as = Acting.current().orElse(new Acting.As("system", null));
        audit.appendAll(accounts.stream().map(a -> new AuditEntry(as.name(), as.role(), "ledger.account.create", "ledger_account",
                a.id().toString(), null, a.currency().code() + " " + a.type() + (a.ownerRef() == null ? "" : " owner " + a.ownerRef())
                        + " " + a.flags(), RequestIds.current().orElse(null))).toList());
    }

    private static boolean sameNew(NewAccount a, NewAccount b) {
        return a.currency().equals(b.currency()) && a.type().equals(b.type())
                && java.util.Objects.equals(a.ownerRef(), b.ownerRef()) && a.flags().equals(b.flags());
    }

    private AccountResult insert(NewAccount a) {
        jdbc.sql("""
                insert into ledger_accounts (id, currency, type, owner_ref, debits_must_not_exceed_credits,
                    credits_must_not_exceed_debits, history, created_at)
                values (:id, :currency, :type, :owner, :dnec, :cned, :history, :at)""")
                .param("id", a.id().value())
                .param("currency", a.currency().code())
                .param("type", a.type())
                .param("owner", a.ownerRef())
                .param("dnec", a.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS))
                .param("cned", a.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS))
                .param("history", a.flags().contains(AccountFlag.HISTORY))
                .param("at", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .update();
        Acting.As as = Acting.current().orElse(new Acting.As("system", null));
        audit.append(new AuditEntry(as.name(), as.role(), "ledger.account.create", "ledger_account", a.id().toString(),
                null, a.currency().code() + " " + a.type() + (a.ownerRef() == null ? "" : " owner " + a.ownerRef())
                        + " " + a.flags(), RequestIds.current().orElse(null)));
        return AccountResult.OK;
    }

    private static boolean sameAccount(Account existing, NewAccount a) {
        return existing.currency().equals(a.currency()) && existing.type().equals(a.type())
                && java.util.Objects.equals(existing.ownerRef(), a.ownerRef()) && existing.flags().equals(a.flags());
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from ledger_accounts where id = :id")
                .param("id", id.value()).query(LedgerService::readAccount).optional();
    }

    @Override
    public List<Account> accountsOf(String ownerRef) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from ledger_accounts where owner_ref = :owner order by currency, type, id")
                .param("owner", ownerRef).query(LedgerService::readAccount).list();
    }

    @Override
    public List<TransferResult> submit(List<Transfer> transfers) {
        CompletableFuture<List<TransferResult>> answer = submitAsync(transfers);
        try {
            return answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailableException("interrupted while waiting for the ledger", e);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new LedgerUnavailableException("ledger batch failed", e.getCause());
        } catch (TimeoutException | CancellationException e) {
            throw new LedgerUnavailableException("no answer from the ledger within " + ANSWER_TIMEOUT_SECONDS + " s; "
                    + "resubmit the same transfer ids", e);
        }
    }

    @Override
    public CompletableFuture<List<TransferResult>> submitAsync(List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return batcher.submit(transfers);
    }

    /** Releases the given holds if they have passed their timeout (used by the expiry job). */
    void expire(List<TransferId> pendingIds) {
        batcher.expire(pendingIds).join();
    }

    @Override
    public Optional<PostedTransfer> transfer(TransferId id) {
        return jdbc.sql(TRANSFER_SELECT + "\nwhere t.id = :id").param("id", id.value())
                .query(LedgerService::readPosted).optional();
    }

    @Override
    public Page<PostedTransfer> transfers(AccountId account, String cursor, int limit) {
        long after = cursorValue(cursor);
        List<PostedTransfer> rows = jdbc.sql(TRANSFER_SELECT + "\n" + """
                 where t.seq > :after and (t.debit_account_id = :account or t.credit_account_id = :account)
                 order by t.seq limit :limit""")
                .param("after", after).param("account", account.value()).param("limit", limit + 1)
                .query(LedgerService::readPosted).list();
        return page(rows, limit, PostedTransfer::seq);
    }

    @Override
    public Page<AccountBalance> balanceHistory(AccountId account, String cursor, int limit) {
        long after = cursorValue(cursor);
        List<AccountBalance> rows = jdbc.sql("""
                select seq, transfer_id, debits_posted, credits_posted, debits_pending, credits_pending, recorded_at
                from ledger_account_balances where account_id = :account and seq > :after order by seq limit :limit""")
                .param("account", account.value()).param("after", after).param("limit", limit + 1)
                .query((rs, n) -> new AccountBalance(rs.getLong(1), new TransferId(rs.getObject(2, UUID.class)),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
        return page(rows, limit, AccountBalance::seq);
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.ToLongFunction<T> seq) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), Long.toString(seq.applyAsLong(items.get(limit - 1)), 36));
    }

    private static long cursorValue(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor, 36);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid cursor: " + cursor);
        }
    }

    static final String ACCOUNT_COLUMNS = "id, currency, type, owner_ref, debits_must_not_exceed_credits, "
            + "credits_must_not_exceed_debits, history, debits_posted, credits_posted, debits_pending, credits_pending, created_at";

    private static final String TRANSFER_SELECT = """
            select t.seq, t.id, t.debit_account_id, t.credit_account_id, t.amount, t.currency, t.kind, t.pending_id,
                   t.timeout_seconds, t.expires_at, t.code, t.external_ref, t.linked, t.created_at, r.resolution
            from ledger_transfers t left join ledger_pending_resolutions r on r.pending_id = t.id""";

    static Account readAccount(ResultSet rs, int row) throws SQLException {
        EnumSet<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        if (rs.getBoolean(5)) {
            flags.add(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        }
        if (rs.getBoolean(6)) {
            flags.add(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
        }
        if (rs.getBoolean(7)) {
            flags.add(AccountFlag.HISTORY);
        }
        return new Account(new AccountId(rs.getObject(1, UUID.class)), CurrencyCode.of(rs.getString(2).trim()),
                rs.getString(3), rs.getString(4), flags, rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                rs.getObject(12, OffsetDateTime.class).toInstant());
    }

    private static PostedTransfer readPosted(ResultSet rs, int row) throws SQLException {
        UUID pending = rs.getObject(8, UUID.class);
        OffsetDateTime expires = rs.getObject(10, OffsetDateTime.class);
        String kind = rs.getString(7);
        String holdState = null;
        if ("PENDING".equals(kind)) {
            holdState = rs.getString(15) == null ? "PENDING" : rs.getString(15);
        }
        return new PostedTransfer(rs.getLong(1), new TransferId(rs.getObject(2, UUID.class)),
                new AccountId(rs.getObject(3, UUID.class)), new AccountId(rs.getObject(4, UUID.class)),
                rs.getLong(5), rs.getString(6).trim(), kind, pending == null ? null : new TransferId(pending),
                rs.getInt(9), expires == null ? null : expires.toInstant(), rs.getString(11), rs.getString(12),
                rs.getBoolean(13), rs.getObject(14, OffsetDateTime.class).toInstant(), holdState);
    }
}
