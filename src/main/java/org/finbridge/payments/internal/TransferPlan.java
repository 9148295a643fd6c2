package org.finbridge.payments.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferFlag;
import org.finbridge.ledger.TransferId;

/**
 * The ledger transfers of one payment step, written down before they are submitted so that a
 * recovery re-submits exactly the same transfers (same ids, same amounts) and the ledger answers EXISTS
 * instead of moving money twice. One transfer per line, fields separated by '|'.
 */
record TransferPlan(List<Transfer> transfers) {

    static final TransferPlan EMPTY = new TransferPlan(List.of());

    TransferPlan {
        transfers = List.copyOf(transfers);
    }

    long sum(String code) {
        return transfers.stream().filter(t -> code.equals(t.code())).mapToLong(Transfer::amount).sum();
    }

    /** The hold this plan opens, if any (an authorization, or the rest re-held after a partial capture). */
    UUID newHold() {
        return transfers.stream().filter(t -> t.has(TransferFlag.PENDING)).map(t -> t.id().value()).findFirst().orElse(null);
    }

    String encode() {
        StringBuilder b = new StringBuilder();
        for (Transfer t : transfers) {
            b.append(t.id().value()).append('|').append(id(t.debitAccountId())).append('|').append(id(t.creditAccountId()))
                    .append('|').append(t.amount()).append('|').append(t.currency() == null ? "" : t.currency())
                    .append('|').append(t.pendingId() == null ? "" : t.pendingId().value()).append('|').append(t.timeoutSeconds())
                    .append('|').append(t.code()).append('|').append(t.externalRef() == null ? "" : t.externalRef())
                    .append('|').append(String.join(",", t.flags().stream().map(Enum::name).sorted().toList())).append('\n');
        }
        return b.toString();
    }

    static TransferPlan decode(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Transfer> list = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\\|", -1);
            Set<TransferFlag> flags = EnumSet.noneOf(TransferFlag.class);
            if (!f[9].isEmpty()) {
                for (String flag : f[9].split(",")) {
                    flags.add(TransferFlag.valueOf(flag));
                }
            }
            list.add(new Transfer(new TransferId(UUID.fromString(f[0])), account(f[1]), account(f[2]), Long.parseLong(f[3]),
                    f[4].isEmpty() ? null : f[4], f[5].isEmpty() ? null : new TransferId(UUID.fromString(f[5])),
                    Integer.parseInt(f[6]), f[7], f[8].isEmpty() ? null : f[8], flags));
        }
        return new TransferPlan(list);
    }

    private static String id(AccountId a) {
        return a == null ? "" : a.value().toString();
    }

    private static AccountId account(String s) {
        return s.isEmpty() ? null : new AccountId(UUID.fromString(s));
    }
}
