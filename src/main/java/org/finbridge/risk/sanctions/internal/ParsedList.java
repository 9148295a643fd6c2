package org.finbridge.risk.sanctions.internal;

import java.util.List;

/** A list file read whole: its entries and what was skipped (reason → count). */
record ParsedList(List<ListEntry> entries, Skips skips) {

    ParsedList {
        entries = List.copyOf(entries);
    }

    int nameCount() {
        return entries.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
    }
}
