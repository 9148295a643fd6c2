package org.finbridge.ledger.internal;

import static org.finbridge.ledger.TransferResult.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferFlag;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.ledger.internal.StoredTransfer.Kind;
import org.finbridge.ledger.internal.StoredTransfer.Resolution;
import org.finbridge.money.CurrencyCode;

/**
 * Applies a batch of requests, in order, to the locked account states in memory, and collects what
 * must be written. Pure logic: no I/O, so every rule is tested without a database.
 *
 * <p>Each transfer is validated against the balances as the earlier transfers of the batch left them,
 * exactly as if the transfers had been applied one by one. A linked chain is applied tentatively and
 * undone as a whole when one of its transfers fails.
 */
final class BatchProcessor {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final Instant now;
    private final BatchState state;
    private final BatchOutcome outcome = new BatchOutcome();
    private final Map<TransferId, StoredTransfer> created = new HashMap<>();
    private final Map<TransferId, Resolution> resolved = new HashMap<>();

    // undo log of the linked chain in progress
    private boolean inChain;
    private final Map<AccountState, long[]> chainSaved = new IdentityHashMap<>();
    private final List<TransferId> chainCreated = new ArrayList<>();
    private final List<TransferId> chainResolved = new ArrayList<>();

    BatchProcessor(Instant now, BatchState state) {
        this.now = now;
        this.state = state;
    }

    BatchOutcome outcome() {
        return outcome;
    }

    /** One request: its transfers in order, with linked chains applied atomically. */
    List<TransferResult> apply(List<Transfer> transfers) {
        int n = transfers.size();
        TransferResult[] results = new TransferResult[n];
        int i = 0;
        while (i < n) {
            int end = i;
            while (end < n && transfers.get(end).isLinked()) {
                end++;
            }
            if (end == n) {
                // the chain never closes: TigerBeetle's linked_event_chain_open
                for (int k = i; k < n; k++) {
                    results[k] = LINKED_EVENT_CHAIN_OPEN;
                }
                break;
            }
            if (end == i) {
                results[i] = applyOne(transfers.get(i));
            } else {
                applyChain(transfers, i, end, results);
            }
            i = end + 1;
        }
        return List.of(results);
    }

    private void applyChain(List<Transfer> transfers, int from, int to, TransferResult[] results) {
        beginChain();
        int failedAt = -1;
        boolean anyNew = false;
        boolean anyExisting = false;
        for (int k = from; k <= to; k++) {
            TransferResult r = applyOne(transfers.get(k));
            results[k] = r;
            if (r == OK) {
                anyNew = true;
            } else if (r == EXISTS) {
                anyExisting = true;
            } else {
                failedAt = k;
                break;
            }
        }
        if (failedAt >= 0) {
            rollbackChain();
            for (int k = from; k <= to; k++) {
                if (k != failedAt) {
                    results[k] = LINKED_EVENT_FAILED;
                }
            }
        } else if (anyNew && anyExisting) {
            // part of this chain was committed before under other chain boundaries: refuse the new part
            rollbackChain();
            for (int k = from; k <= to; k++) {
                if (results[k] == OK) {
                    results[k] = LINKED_EVENT_FAILED;
                }
            }
        } else {
            commitChain();
        }
    }

    /** Releases holds that have passed their timeout (the expiry job's request). */
    void expire(List<TransferId> pendingIds) {
        for (TransferId id : pendingIds) {
            StoredTransfer p = lookup(id);
            if (p == null || p.kind() != Kind.PENDING || resolution(id) != null
                    || p.expiresAt() == null || now.isBefore(p.expiresAt())) {
                continue;
            }
            AccountState dr = state.accounts().get(p.debitAccountId());
            AccountState cr = state.accounts().get(p.creditAccountId());
            dr.debitsPending -= p.amount();
            cr.creditsPending -= p.amount();
            resolved.put(id, Resolution.EXPIRED);
            outcome.resolutions.add(new BatchOutcome.ResolutionRow(id, Resolution.EXPIRED, null, now));
            recordHistory(dr, id);
            recordHistory(cr, id);
        }
    }

    private TransferResult applyOne(Transfer t) {
        if (t.id() == null) {
            return ID_MUST_NOT_BE_ZERO;
        }
        int modes = (t.has(TransferFlag.PENDING) ? 1 : 0) + (t.has(TransferFlag.POST_PENDING) ? 1 : 0)
                + (t.has(TransferFlag.VOID_PENDING) ? 1 : 0);
        if (modes > 1) {
            return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        StoredTransfer existing = lookup(t.id());
        if (existing != null) {
            return sameFields(existing, t) ? EXISTS : EXISTS_WITH_DIFFERENT_FIELDS;
        }
        if (t.code() == null || !CODE.matcher(t.code()).matches()) {
            return CODE_INVALID;
        }
        if (t.externalRef() != null && t.externalRef().length() > 100) {
            return EXTERNAL_REF_TOO_LONG;
        }
        if (t.has(TransferFlag.POST_PENDING) || t.has(TransferFlag.VOID_PENDING)) {
            return resolve(t);
        }
        return create(t);
    }

    private TransferResult create(Transfer t) {
        boolean hold = t.has(TransferFlag.PENDING);
        if (t.pendingId() != null) {
            return PENDING_ID_RESERVED_FOR_POST_OR_VOID;
        }
        if (t.timeoutSeconds() < 0 || (!hold && t.timeoutSeconds() != 0)) {
            return TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
        }
        if (t.amount() <= 0) {
            return AMOUNT_MUST_BE_POSITIVE;
        }
        if (t.debitAccountId() == null) {
            return DEBIT_ACCOUNT_NOT_FOUND;
        }
        if (t.creditAccountId() == null) {
            return CREDIT_ACCOUNT_NOT_FOUND;
        }
        if (t.debitAccountId().equals(t.creditAccountId())) {
            return ACCOUNTS_MUST_BE_DIFFERENT;
        }
        if (t.currency() == null || !CurrencyCode.isKnown(t.currency())) {
            return CURRENCY_UNKNOWN;
        }
        AccountState dr = state.accounts().get(t.debitAccountId());
        if (dr == null) {
            return DEBIT_ACCOUNT_NOT_FOUND;
        }
        AccountState cr = state.accounts().get(t.creditAccountId());
        if (cr == null) {
            return CREDIT_ACCOUNT_NOT_FOUND;
        }
        if (!dr.currency.equals(cr.currency) || !dr.currency.equals(t.currency())) {
            return CURRENCIES_MUST_MATCH;
        }
        long amount = t.amount();
        if (overflows(dr.debitsPosted, dr.debitsPending, amount)) {
            return OVERFLOWS_DEBITS;
        }
        if (overflows(cr.creditsPosted, cr.creditsPending, amount)) {
            return OVERFLOWS_CREDITS;
        }
        if (dr.debitsMustNotExceedCredits && dr.debitsPosted + dr.debitsPending + amount > dr.creditsPosted) {
            return EXCEEDS_CREDITS;
        }
        if (cr.creditsMustNotExceedDebits && cr.creditsPosted + cr.creditsPending + amount > cr.debitsPosted) {
            return EXCEEDS_DEBITS;
        }
        save(dr);
        save(cr);
        if (hold) {
            dr.debitsPending += amount;
            cr.creditsPending += amount;
        } else {
            dr.debitsPosted += amount;
            cr.creditsPosted += amount;
        }
        Instant expiresAt = hold && t.timeoutSeconds() > 0 ? now.plusSeconds(t.timeoutSeconds()) : null;
        record(new StoredTransfer(t.id(), dr.id, cr.id, amount, dr.currency, hold ? Kind.PENDING : Kind.POSTED,
                null, t.timeoutSeconds(), expiresAt, t.code(), t.externalRef(), t.isLinked(), now), dr, cr);
        return OK;
    }

    private TransferResult resolve(Transfer t) {
        boolean post = t.has(TransferFlag.POST_PENDING);
        if (t.pendingId() == null) {
            return PENDING_ID_MUST_NOT_BE_ZERO;
        }
        if (t.pendingId().equals(t.id())) {
            return PENDING_ID_MUST_BE_DIFFERENT;
        }
        if (t.timeoutSeconds() != 0) {
            return TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
        }
        if (t.amount() < 0) {
            return AMOUNT_MUST_BE_POSITIVE;
        }
        StoredTransfer p = lookup(t.pendingId());
        if (p == null) {
            return PENDING_TRANSFER_NOT_FOUND;
        }
        if (p.kind() != Kind.PENDING) {
            return PENDING_TRANSFER_NOT_PENDING;
        }
        if (t.debitAccountId() != null && !t.debitAccountId().equals(p.debitAccountId())) {
            return PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT;
        }
        if (t.creditAccountId() != null && !t.creditAccountId().equals(p.creditAccountId())) {
            return PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT;
        }
        if (t.currency() != null && !t.currency().equals(p.currency())) {
            return PENDING_TRANSFER_HAS_DIFFERENT_CURRENCY;
        }
        Resolution earlier = resolution(p.id());
        if (earlier != null) {
            return switch (earlier) {
                case POSTED -> PENDING_TRANSFER_ALREADY_POSTED;
                case VOIDED -> PENDING_TRANSFER_ALREADY_VOIDED;
                case EXPIRED -> PENDING_TRANSFER_EXPIRED;
            };
        }
        if (p.expiresAt() != null && !now.isBefore(p.expiresAt())) {
            return PENDING_TRANSFER_EXPIRED;
        }
        long amount;
        if (post) {
            amount = t.amount() == 0 ? p.amount() : t.amount();
            if (amount > p.amount()) {
                return EXCEEDS_PENDING_TRANSFER_AMOUNT;
            }
        } else {
            if (t.amount() != 0 && t.amount() != p.amount()) {
                return PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
            }
            amount = p.amount();
        }
        AccountState dr = state.accounts().get(p.debitAccountId());
        AccountState cr = state.accounts().get(p.creditAccountId());
        save(dr);
        save(cr);
        dr.debitsPending -= p.amount();
        cr.creditsPending -= p.amount();
        if (post) {
            // cannot overflow or break a limit: the hold already counted the full amount
            dr.debitsPosted += amount;
            cr.creditsPosted += amount;
        }
        record(new StoredTransfer(t.id(), dr.id, cr.id, amount, p.currency(), post ? Kind.POST_PENDING : Kind.VOID_PENDING,
                p.id(), 0, null, t.code(), t.externalRef(), t.isLinked(), now), dr, cr);
        Resolution r = post ? Resolution.POSTED : Resolution.VOIDED;
        resolved.put(p.id(), r);
        if (inChain) {
            chainResolved.add(p.id());
        }
        outcome.resolutions.add(new BatchOutcome.ResolutionRow(p.id(), r, t.id(), now));
        return OK;
    }

    /** Same id resubmitted: is it the same transfer? (TigerBeetle's exists vs exists_with_different_*) */
    private static boolean sameFields(StoredTransfer s, Transfer t) {
        Kind kind = t.has(TransferFlag.PENDING) ? Kind.PENDING
                : t.has(TransferFlag.POST_PENDING) ? Kind.POST_PENDING
                : t.has(TransferFlag.VOID_PENDING) ? Kind.VOID_PENDING : Kind.POSTED;
        if (s.kind() != kind || s.linked() != t.isLinked() || !Objects.equals(s.code(), t.code())
                || !Objects.equals(s.externalRef(), t.externalRef())) {
            return false;
        }
        if (kind == Kind.POSTED || kind == Kind.PENDING) {
            return s.debitAccountId().equals(t.debitAccountId()) && s.creditAccountId().equals(t.creditAccountId())
                    && s.amount() == t.amount() && s.currency().equals(t.currency())
                    && s.timeoutSeconds() == t.timeoutSeconds() && t.pendingId() == null;
        }
        return s.pendingId().equals(t.pendingId())
                && (t.debitAccountId() == null || t.debitAccountId().equals(s.debitAccountId()))
                && (t.creditAccountId() == null || t.creditAccountId().equals(s.creditAccountId()))
                && (t.currency() == null || t.currency().equals(s.currency()))
                && (t.amount() == 0 || t.amount() == s.amount());
    }

    private static boolean overflows(long posted, long pending, long amount) {
        long total = posted + pending;
        return total < 0 || total + amount < 0 || pending + amount < 0 || posted + amount < 0;
    }

    private StoredTransfer lookup(TransferId id) {
        StoredTransfer t = created.get(id);
        return t != null ? t : state.transfers().get(id);
    }

    private Resolution resolution(TransferId pendingId) {
        Resolution r = resolved.get(pendingId);
        return r != null ? r : state.resolutions().get(pendingId);
    }

    private void record(StoredTransfer t, AccountState dr, AccountState cr) {
        created.put(t.id(), t);
        if (inChain) {
            chainCreated.add(t.id());
        }
        outcome.transfers.add(t);
        recordHistory(dr, t.id());
        recordHistory(cr, t.id());
    }

    private void recordHistory(AccountState a, TransferId transferId) {
        if (a.history) {
            outcome.history.add(new BatchOutcome.HistoryRow(a.id, transferId, a.debitsPosted, a.creditsPosted,
                    a.debitsPending, a.creditsPending, now));
        }
    }

    private int transfersMark;
    private int resolutionsMark;
    private int historyMark;

    private void beginChain() {
        inChain = true;
        chainSaved.clear();
        chainCreated.clear();
        chainResolved.clear();
        transfersMark = outcome.transfers.size();
        resolutionsMark = outcome.resolutions.size();
        historyMark = outcome.history.size();
    }

    private void save(AccountState a) {
        if (inChain) {
            chainSaved.putIfAbsent(a, a.snapshot());
        }
    }

    private void rollbackChain() {
        chainSaved.forEach(AccountState::restore);
        chainCreated.forEach(created::remove);
        chainResolved.forEach(resolved::remove);
        truncate(outcome.transfers, transfersMark);
        truncate(outcome.resolutions, resolutionsMark);
        truncate(outcome.history, historyMark);
        inChain = false;
    }

    private void commitChain() {
        inChain = false;
    }

    private static void truncate(List<?> list, int size) {
        list.subList(size, list.size()).clear();
    }

    /** Accounts a request touches, directly or through the holds it posts or voids. */
    static void collectAccounts(List<Transfer> transfers, Map<TransferId, StoredTransfer> known, java.util.Set<AccountId> into) {
        for (Transfer t : transfers) {
            if (t.debitAccountId() != null) {
                into.add(t.debitAccountId());
            }
            if (t.creditAccountId() != null) {
                into.add(t.creditAccountId());
            }
            if (t.pendingId() != null) {
                StoredTransfer p = known.get(t.pendingId());
                if (p != null) {
                    into.add(p.debitAccountId());
                    into.add(p.creditAccountId());
                }
            }
        }
    }
}
