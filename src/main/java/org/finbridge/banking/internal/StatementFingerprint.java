package org.finbridge.banking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.finbridge.banking.Balance;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.StatementEntry;
import org.finbridge.banking.TransactionDetails;

/**
 * SHA-256 of a statement's content in a canonical form written out field by field (not a record's
 * toString, which would change whenever a field is added and turn every re-sent statement into a
 * conflict). The envelope (message id, creation time, version) is left out: a bank that re-sends the
 * same statement in a new file sends the same fingerprint.
 */
final class StatementFingerprint {

    private StatementFingerprint() {
    }

    static String of(BankStatement s) {
        StringBuilder b = new StringBuilder("v1");
        field(b, s.kind(), s.account().value(), s.accountCurrency(), s.statementId());
        for (Balance balance : s.balances()) {
            field(b, "B", balance.type(), balance.amount(), balance.creditDebit(), balance.date());
        }
        for (StatementEntry e : s.entries()) {
            field(b, "E", e.entryReference(), e.amount(), e.creditDebit(), e.reversal(), e.status(), e.bookingDate(),
                    e.valueDate(), e.accountServicerReference(), e.bankTransactionCode(), e.additionalInformation());
            for (TransactionDetails t : e.transactions()) {
                field(b, "T", t.endToEndId(), t.instructionId(), t.transactionId(), t.uetr(), t.accountServicerReference(),
                        t.amount(), t.counterpartyName(), t.counterpartyAccount(), String.join("\n", t.remittanceLines()),
                        t.creditorReference());
            }
        }
        return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Each value length-prefixed, so that no two different contents can write the same text. */
    private static void field(StringBuilder b, Object... values) {
        for (Object v : values) {
            String text = v == null ? "\u0000" : v.toString();
            b.append('|').append(text.length()).append(':').append(text);
        }
    }
}
