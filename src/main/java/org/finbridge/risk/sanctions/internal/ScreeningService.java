package org.finbridge.risk.sanctions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.ScreeningResult;
import org.finbridge.risk.sanctions.SanctionsScreening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Screens names against the lists in force, held in memory as a {@link ScreeningIndex}. The index is
 * rebuilt from the database whenever the set of current list versions changes (after an import on this
 * node at once, after one on another node within the refresh interval) and swapped in whole, so a
 * query sees either the old lists or the new ones.
 */
@Service
class ScreeningService implements SanctionsScreening {

    private static final Logger log = LoggerFactory.getLogger(ScreeningService.class);

    private final ListStore store;
    private final SanctionsProperties properties;
    private volatile Loaded loaded = new Loaded("", new NameMatcher(ScreeningIndex.EMPTY), List.of());

    /** The matcher and the list versions it was built from. */
    record Loaded(String fingerprint, NameMatcher matcher, List<ListStore.CurrentVersion> versions) {
        boolean has(String listCode) {
            return versions.stream().anyMatch(v -> v.listCode().equals(listCode));
        }
    }

    ScreeningService(ListStore store, SanctionsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public ScreeningResult screen(ScreeningQuery query) {
        return Screenings.screen(loaded.matcher(), query, properties.threshold());
    }

    Loaded loaded() {
        return loaded;
    }

    List<NameMatcher.Match> matches(ScreeningQuery query) {
        return loaded.matcher().match(new NameMatcher.Query(query.name(), query.type(), query.country(), query.dateOfBirth()),
                properties.threshold().floatValue());
    }

    /** Rebuilds the index when the current versions differ from those it holds; answers whether it did. */
    synchronized boolean refresh() {
        List<ListStore.CurrentVersion> current = store.currentVersions();
        String fingerprint = fingerprint(current);
        if (fingerprint.equals(loaded.fingerprint())) {
            return false;
        }
        long start = System.nanoTime();
        ScreeningIndex.Builder builder = new ScreeningIndex.Builder();
        for (ListStore.CurrentVersion v : current) {
            ListStore.StoredEntries stored = store.entries(v.versionId());
            builder.add(new IndexedList(v.listCode(), label(v), v.versionId().toString(), stored.entries(), stored.hashes()));
        }
        NameMatcher matcher = new NameMatcher(builder.build());
        loaded = new Loaded(fingerprint, matcher, List.copyOf(current));
        log.info("sanctions index rebuilt in {} ms: {}", (System.nanoTime() - start) / 1_000_000, matcher.index());
        return true;
    }

    static String fingerprint(List<ListStore.CurrentVersion> versions) {
        return versions.stream().map(v -> v.listCode() + "=" + v.versionId()).collect(Collectors.joining(","));
    }

    static String label(ListStore.CurrentVersion v) {
        return v.listCode() + " " + new org.finbridge.risk.sanctions.ListVersionId(v.versionId()) + " (sha256 "
                + v.sha256().substring(0, 16) + ")";
    }

    /** The required lists that have no version in force. */
    List<String> missingRequiredLists() {
        List<String> missing = new ArrayList<>();
        for (String code : properties.requiredLists()) {
            if (!loaded.has(code)) {
                missing.add(code);
            }
        }
        return missing;
    }
}
