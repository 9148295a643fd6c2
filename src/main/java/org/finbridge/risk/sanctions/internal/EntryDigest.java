package org.finbridge.risk.sanctions.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * SHA-256 of an entry's content in a canonical form (names, type, dates, countries, programs; aliases
 * and countries sorted), so that a re-import tells changed entries from unchanged ones and a reviewer's
 * decision on a hit lasts exactly as long as the entry it was made on.
 */
final class EntryDigest {

    private EntryDigest() {
    }

    static String sha256(ListEntry e) {
        StringBuilder b = new StringBuilder();
        b.append(e.entryId()).append('\u001F').append(e.type()).append('\u001F').append(e.primaryName()).append('\u001E');
        TreeSet<String> aliases = new TreeSet<>();
        e.aliases().forEach(a -> aliases.add(a.kind() + ":" + a.name()));
        aliases.forEach(a -> b.append(a).append('\u001F'));
        b.append('\u001E');
        TreeSet<String> dates = new TreeSet<>();
        e.birthDates().forEach(d -> dates.add(d.toString()));
        dates.forEach(d -> b.append(d).append('\u001F'));
        b.append('\u001E');
        new TreeSet<>(e.countries()).forEach(c -> b.append(c).append('\u001F'));
        b.append('\u001E');
        new TreeSet<>(e.programs()).forEach(p -> b.append(p).append('\u001F'));
        return hex(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
