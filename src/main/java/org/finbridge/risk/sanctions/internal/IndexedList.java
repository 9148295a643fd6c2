package org.finbridge.risk.sanctions.internal;

import java.util.List;

/** One list version's entries as the index takes them, with each entry's content hash (versionId null for a file). */
record IndexedList(String listCode, String versionLabel, String versionId, List<ListEntry> entries,
                   List<String> entryHashes) {

    IndexedList {
        entries = List.copyOf(entries);
        entryHashes = List.copyOf(entryHashes);
        if (entries.size() != entryHashes.size()) {
            throw new IllegalArgumentException("one hash per entry");
        }
    }

    static IndexedList of(String listCode, String versionLabel, List<ListEntry> entries) {
        return new IndexedList(listCode, versionLabel, null, entries, entries.stream().map(EntryDigest::sha256).toList());
    }
}
