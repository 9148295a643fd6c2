package org.finbridge.risk.sanctions;

import java.time.Instant;
import java.util.List;

/**
 * One imported version of a list: what was read (file name, SHA-256 of its bytes), how much of it
 * (entries, names including aliases, lines skipped and why) and how it differs from the version before.
 *
 * @param skipped lines or records left out, each reason with its count ({@code "empty name: 2"})
 */
public record ListVersion(ListVersionId id, String listCode, ListFormat format, String sourceName, String sha256,
                          Instant importedAt, String importedBy, int entries, int names, int skippedCount,
                          List<String> skipped, int added, int removed, int changed, boolean current) {

    public ListVersion {
        skipped = List.copyOf(skipped);
    }

    /** How screening answers name this version: {@code OFAC-SDN slv_… (sha256 210ca6b4a8187a34)}. */
    public String label() {
        return listCode + " " + id + " (sha256 " + sha256.substring(0, 16) + ")";
    }
}
