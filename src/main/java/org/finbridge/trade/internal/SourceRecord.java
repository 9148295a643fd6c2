package org.finbridge.trade.internal;

import java.util.List;

/**
 * One record read from an import file: the line it starts on and the decoded value, or the reasons it
 * could not be decoded (a malformed JSON line, a wrong column count, a number that is not one).
 */
record SourceRecord<N>(long line, N value, List<String> problems) {

    SourceRecord {
        problems = List.copyOf(problems);
    }

    static <N> SourceRecord<N> of(long line, N value) {
        return new SourceRecord<>(line, value, List.of());
    }

    static <N> SourceRecord<N> unreadable(long line, List<String> problems) {
        return new SourceRecord<>(line, null, problems);
    }

    boolean readable() {
        return problems.isEmpty();
    }
}
