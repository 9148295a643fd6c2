package org.finbridge.trade.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.trade.ImportReport;

/**
 * Writes documents that a unique key names (an order number, a waybill, a declaration number), a chunk
 * at a time: each record is validated, a key seen earlier in the file or already recorded rejects its
 * row, and the rest are written together. The kinds differ only in the steps below.
 *
 * @param <N> the record as read from the file
 * @param <T> the validated document
 * @param <K> the document's unique key
 */
abstract class UniqueDocumentWriter<N, T, K> implements KindImport.Writer<N> {

    private final Map<K, Long> seen = new HashMap<>();
    private long accepted;

    abstract Checked<T> validate(N record);

    abstract K key(T document);

    /** The keys among these that are already recorded. */
    abstract Set<K> recorded(List<K> keys);

    /** Writes the chunk's new documents (and whatever follows from them, such as re-matching trade records). */
    abstract void insert(List<T> fresh);

    abstract String duplicateInFile(K key, long firstLine);

    abstract String alreadyRecorded(K key);

    @Override
    public final List<ImportReport.Rejection> write(List<SourceRecord<N>> chunk) {
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        List<KindImport.Valid<T>> valid = new ArrayList<>();
        for (SourceRecord<N> r : chunk) {
            Checked<T> c = validate(r.value());
            if (!c.isValid()) {
                rejections.add(KindImport.rejection(r.line(), c.violations()));
                continue;
            }
            Long earlier = seen.putIfAbsent(key(c.value()), r.line());
            if (earlier != null) {
                rejections.add(KindImport.rejection(r.line(), List.of(duplicateInFile(key(c.value()), earlier))));
                continue;
            }
            valid.add(new KindImport.Valid<>(c.value(), r.line()));
        }
        Set<K> recorded = recorded(valid.stream().map(v -> key(v.value())).toList());
        List<T> fresh = new ArrayList<>();
        for (KindImport.Valid<T> v : valid) {
            if (recorded.contains(key(v.value()))) {
                rejections.add(KindImport.rejection(v.line(), List.of(alreadyRecorded(key(v.value())))));
            } else {
                fresh.add(v.value());
            }
        }
        insert(fresh);
        accepted += fresh.size();
        return rejections;
    }

    @Override
    public final long accepted() {
        return accepted;
    }
}
