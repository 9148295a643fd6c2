package org.finbridge.risk.sanctions.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a new version of a list differs from the version in force, entry by entry (id → primary name):
 * entries added, removed, and changed (same id, other content hash).
 */
record Delta(Map<String, String> added, Map<String, String> removed, Map<String, String> changed) {

    /** @param previous entry id → {content hash, primary name} of the version in force */
    static Delta between(Map<String, String[]> previous, List<ListEntry> entries, List<String> hashes) {
        Map<String, String> added = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        Map<String, String> removed = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ListEntry e = entries.get(i);
            seen.add(e.entryId());
            String[] before = previous.get(e.entryId());
            if (before == null) {
                added.put(e.entryId(), e.primaryName());
            } else if (!before[0].equals(hashes.get(i))) {
                changed.put(e.entryId(), e.primaryName());
            }
        }
        previous.forEach((id, before) -> {
            if (!seen.contains(id)) {
                removed.put(id, before[1]);
            }
        });
        return new Delta(added, removed, changed);
    }
}
