package org.finbridge.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that chains audit records, specified here so that anyone can recompute it from the table
 * alone, with no Finbridge code:
 *
 * <pre>
 * hash      = lower-case hex( SHA-256( prev_hash || canonical ) )
 * prev_hash = the previous record's hash as its 64 ASCII hex characters; for sequence 1, 64 "0"s
 * canonical = field("audit-v1") field(sequence) field(recorded_at) field(actor) field(role)
 *             field(action) field(object_type) field(object_id) field(before_summary)
 *             field(after_summary) field(request_id)
 * field(v)    = the number of bytes of UTF-8(v) in decimal, ":", UTF-8(v), ","   (a netstring)
 * field(NULL) = "~,"
 * sequence    in decimal without sign or leading zeros
 * recorded_at in UTC as yyyy-MM-ddTHH:mm:ss.ffffffZ, always with six fraction digits
 * </pre>
 *
 * <p>Length prefixes make the encoding unambiguous (no choice of field contents can make two different
 * records encode alike), and NULL is told apart from the empty string. For example, record 1 with
 * recorded_at 2025-01-02T03:04:05.000006Z, actor {@code system}, no role, action
 * {@code ledger.account.create}, object {@code ledger_account} {@code acc_1}, no before, after
 * {@code {"currency":"EUR"}} and request id {@code req-1} has the canonical form
 *
 * <pre>
 * 8:audit-v1,1:1,27:2025-01-02T03:04:05.000006Z,6:system,~,21:ledger.account.create,14:ledger_account,5:acc_1,~,18:{"currency":"EUR"},5:req-1,
 * </pre>
 *
 * <p>and its hash is the SHA-256 of 64 "0"s followed by that text. The leading {@code "audit-v1"} names
 * this format, so that a different one could never produce the same bytes.
 *
 * <p>A record waiting in {@code audit_stage} to be chained carries an entry hash of its own, so that a
 * staged row altered before the sequencer reaches it is noticed rather than chained:
 *
 * <pre>
 * entry_hash = lower-case hex( SHA-256( field("audit-stage-v1") field(recorded_at) field(actor) ... field(request_id) ) )
 * </pre>
 *
 * <p>with the same fields and encoding as above, minus the sequence (not known until the record is
 * chained).
 */
public final class AuditHash {

    /** The {@code prev_hash} of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final String FORMAT = "audit-v1";

    private static final String STAGED_FORMAT = "audit-stage-v1";

    private static final DateTimeFormatter RECORDED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    /** The hash of a record whose predecessor's hash is {@code prevHash}. */
    public static String of(String prevHash, long sequence, Instant recordedAt, AuditEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(sequence, recordedAt, entry));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The canonical form of a record, as specified above. */
    public static byte[] canonical(long sequence, Instant recordedAt, AuditEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, FORMAT);
        field(out, Long.toString(sequence));
        return fields(out, recordedAt, entry);
    }

    /** The entry hash of a staged record, as specified above. */
    public static String staged(Instant recordedAt, AuditEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, STAGED_FORMAT);
        return HexFormat.of().formatHex(sha256().digest(fields(out, recordedAt, entry)));
    }

    private static byte[] fields(ByteArrayOutputStream out, Instant recordedAt, AuditEntry entry) {
        field(out, RECORDED_AT.format(recordedAt));
        field(out, entry.actor());
        field(out, entry.role());
        field(out, entry.action());
        field(out, entry.objectType());
        field(out, entry.objectId());
        field(out, entry.beforeSummary());
        field(out, entry.afterSummary());
        field(out, entry.requestId());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("~,".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write(',');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
