package org.finbridge.ledger;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A transfer as submitted: move {@code amount} minor units of {@code currency} from the debit account
 * to the credit account.
 *
 * <p>For POST_PENDING and VOID_PENDING only {@code id} and {@code pendingId} are required: accounts and
 * currency, when given, must match the hold, and an amount of 0 posts the whole hold. The record
 * carries what the client sent; the ledger validates it and answers a {@link TransferResult}.
 *
 * @param code why the money moves (PAYMENT_CAPTURE, FEE, FX_LEG, …), A-Z 0-9 _ up to 40 characters
 * @param externalRef the caller's reference (a payment id, a statement line), up to 100 characters
 * @param timeoutSeconds for a hold, seconds after which it expires by itself; 0 = never
 */
public record Transfer(
        TransferId id,
        AccountId debitAccountId,
        AccountId creditAccountId,
        long amount,
        String currency,
        TransferId pendingId,
        int timeoutSeconds,
        String code,
        String externalRef,
        Set<TransferFlag> flags) {

    public Transfer {
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static Transfer posted(TransferId id, AccountId debit, AccountId credit, long amount, String currency, String code) {
        return new Transfer(id, debit, credit, amount, currency, null, 0, code, null, Set.of());
    }

    public static Transfer pending(TransferId id, AccountId debit, AccountId credit, long amount, String currency,
                                   String code, int timeoutSeconds) {
        return new Transfer(id, debit, credit, amount, currency, null, timeoutSeconds, code, null,
                Set.of(TransferFlag.PENDING));
    }

    /** Posts {@code amount} of the hold (0 = all of it). */
    public static Transfer postPending(TransferId id, TransferId pendingId, long amount, String code) {
        return new Transfer(id, null, null, amount, null, pendingId, 0, code, null, Set.of(TransferFlag.POST_PENDING));
    }

    public static Transfer voidPending(TransferId id, TransferId pendingId, String code) {
        return new Transfer(id, null, null, 0, null, pendingId, 0, code, null, Set.of(TransferFlag.VOID_PENDING));
    }

    public Transfer linked() {
        EnumSet<TransferFlag> f = flags.isEmpty() ? EnumSet.noneOf(TransferFlag.class) : EnumSet.copyOf(flags);
        f.add(TransferFlag.LINKED);
        return new Transfer(id, debitAccountId, creditAccountId, amount, currency, pendingId, timeoutSeconds, code, externalRef, f);
    }

    public Transfer withExternalRef(String ref) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, currency, pendingId, timeoutSeconds, code, ref, flags);
    }

    public boolean has(TransferFlag flag) {
        return flags.contains(flag);
    }

    public boolean isLinked() {
        return flags.contains(TransferFlag.LINKED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transfer t && Objects.equals(id, t.id) && Objects.equals(debitAccountId, t.debitAccountId)
                && Objects.equals(creditAccountId, t.creditAccountId) && amount == t.amount
                && Objects.equals(currency, t.currency) && Objects.equals(pendingId, t.pendingId)
                && timeoutSeconds == t.timeoutSeconds && Objects.equals(code, t.code)
                && Objects.equals(externalRef, t.externalRef) && flags.equals(t.flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, debitAccountId, creditAccountId, amount, currency, pendingId, timeoutSeconds, code);
    }
}
