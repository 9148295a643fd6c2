package org.finbridge.risk.sanctions.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines or records of a list file left out, counted by reason with the first line numbers, so an
 * import reports "skipped 2: empty name (lines 17, 340)" instead of failing or hiding them.
 */
final class Skips {

    private static final int EXAMPLES = 5;

    private final Map<String, List<Long>> byReason = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String reason, long line) {
        counts.merge(reason, 1, Integer::sum);
        List<Long> lines = byReason.computeIfAbsent(reason, r -> new ArrayList<>());
        if (lines.size() < EXAMPLES && line > 0) {
            lines.add(line);
        }
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    int count(String reason) {
        return counts.getOrDefault(reason, 0);
    }

    /** "empty name: 2 (lines 17, 340)", one string per reason. */
    List<String> summary() {
        List<String> out = new ArrayList<>();
        counts.forEach((reason, n) -> {
            List<Long> lines = byReason.get(reason);
            out.add(reason + ": " + n + (lines.isEmpty() ? "" : " (line" + (lines.size() > 1 ? "s " : " ")
                    + String.join(", ", lines.stream().map(String::valueOf).toList()) + (n > lines.size() ? ", …" : "") + ")"));
        });
        return out;
    }
}
