package org.finbridge.risk.sanctions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.Actor;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.risk.sanctions.ImportResult;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListImport;
import org.finbridge.risk.sanctions.ListVersion;
import org.finbridge.risk.sanctions.ListVersionId;
import org.finbridge.risk.sanctions.SanctionsEvents;
import org.finbridge.risk.sanctions.SanctionsLists;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports list files as versions. The file is read whole before anything is written; a file that
 * cannot be read whole is refused with the reason and the version in force stays in force. The new
 * version, its entries, its delta and the switch to it commit in one transaction, with the audit
 * record, so a crash half-way leaves the old version in force.
 */
@Service
class ListImportService implements SanctionsLists {

    /** A list that loses more than a tenth of its entries at once was most likely cut off. */
    static final int MAX_SHRINK_PERCENT = 10;

    private static final Map<String, String[]> BUNDLES = Map.of(
            "ofac-sdn-2024-05-03", new String[] {"ofac-sdn-2024-05-03/sdn.csv", null, null},
            "ofac-sdn-2021-04-25", new String[] {"ofac-sdn-2021-04-25/sdn.csv", "ofac-sdn-2021-04-25/alt.csv",
                    "ofac-sdn-2021-04-25/add.csv"});

    private final ListStore store;
    private final SanctionsAudit audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ListImportService(ListStore store, SanctionsAudit audit, ApplicationEventPublisher events, TransactionTemplate tx,
                      Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public ImportResult importList(ListImport file, Actor actor) {
        Optional<ImportResult.Refused> invalid = validate(file);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String listCode = file.listCode().strip();
        ParsedList parsed;
        try {
            parsed = ListParsers.parse(file.format(), file.content(), file.aliases(), file.addresses(), ListLimits.DEFAULT);
        } catch (ListParsers.EmptyList e) {
            return refuse(actor, listCode, "EMPTY_LIST", e.getMessage());
        } catch (ListFormatException e) {
            return refuse(actor, listCode, "MALFORMED_LIST", e.getMessage());
        }
        List<String> hashes = parsed.entries().stream().map(EntryDigest::sha256).toList();
        String sha256 = sha256(file);
        ImportResult result = tx.execute(status -> store(file, listCode, parsed, hashes, sha256, actor));
        if (result instanceof ImportResult.Refused r) {
            return refuse(actor, listCode, r.code(), r.reason());
        }
        return result;
    }

    private ImportResult store(ListImport file, String listCode, ParsedList parsed, List<String> hashes, String sha256,
                               Actor actor) {
        var now = clock.instant();
        Optional<UUID> current = store.lockList(listCode, file.format(), now);
        Optional<ListVersion> currentVersion = current.flatMap(store::version);
        if (currentVersion.isPresent() && currentVersion.get().sha256().equals(sha256)) {
            return new ImportResult.Unchanged(currentVersion.get());
        }
        Map<String, String[]> previous = current.map(store::entrySummaries).orElse(Map.of());
        Delta delta = Delta.between(previous, parsed.entries(), hashes);
        if (!file.allowShrink() && !previous.isEmpty() && delta.removed().size() * 100L > previous.size() * (long) MAX_SHRINK_PERCENT) {
            return new ImportResult.Refused("LIST_SHRANK", "the new file would remove " + delta.removed().size() + " of the "
                    + previous.size() + " entries in force (more than " + MAX_SHRINK_PERCENT + " %): a cut-off file? "
                    + "Import again with allowShrink if the list really shrank");
        }
        ListVersionId id = new ListVersionId(TimeOrderedIds.next(clock));
        store.insertVersion(id, listCode, file.format(), file.sourceName(), sha256, now, actor.name(), parsed, delta,
                current.orElse(null));
        store.insertEntries(id, parsed.entries(), hashes);
        store.insertChanges(id, delta);
        store.makeCurrent(listCode, id, now);
        ListVersion version = store.version(id.value()).orElseThrow();
        audit.record(actor, "risk.sanctions.list.import", SanctionsAudit.LIST, listCode,
                current.map(c -> new ListVersionId(c).toString()).orElse(null),
                id + " " + file.format() + " " + (file.sourceName() == null ? "" : file.sourceName() + " ") + "sha256 " + sha256
                        + ": " + version.entries() + " entries, " + version.names() + " names, " + version.skippedCount()
                        + " skipped; +" + version.added() + " -" + version.removed() + " ~" + version.changed());
        events.publishEvent(new SanctionsEvents.ListChanged(listCode, id));
        return new ImportResult.Imported(version);
    }

    private ImportResult.Refused refuse(Actor actor, String listCode, String code, String reason) {
        tx.executeWithoutResult(s -> audit.record(actor, "risk.sanctions.list.refuse", SanctionsAudit.LIST,
                listCode == null || listCode.isBlank() ? "unknown" : listCode, null, code + ": " + reason));
        return new ImportResult.Refused(code, reason);
    }

    private static Optional<ImportResult.Refused> validate(ListImport file) {
        if (file.listCode() == null || !file.listCode().strip().matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            return Optional.of(new ImportResult.Refused("INVALID_FIELD",
                    "list: 2 to 40 capital letters, digits, '-' or '_' (e.g. OFAC-SDN)"));
        }
        if (file.format() == null) {
            return Optional.of(new ImportResult.Refused("INVALID_FIELD", "format: one of ofac, un, csv"));
        }
        if (file.content() == null || file.content().length == 0) {
            return Optional.of(new ImportResult.Refused("INVALID_FIELD", "file: the list file is required"));
        }
        return Optional.empty();
    }

    @Override
    public ImportResult importBundled(String bundle, String listCode, boolean allowShrink, Actor actor) {
        String[] files = bundle == null ? null : BUNDLES.get(bundle);
        if (files == null) {
            return new ImportResult.Refused("UNKNOWN_BUNDLE", "bundled lists: " + String.join(", ", new java.util.TreeSet<>(BUNDLES.keySet())));
        }
        return importList(new ListImport(listCode == null ? ListFormat.OFAC.defaultListCode() : listCode, ListFormat.OFAC,
                "bundled:" + bundle, resource(files[0]), resource(files[1]), resource(files[2]), allowShrink), actor);
    }

    private static byte[] resource(String path) {
        if (path == null) {
            return null;
        }
        try (InputStream in = ListImportService.class.getResourceAsStream("/reference/sanctions/" + path)) {
            if (in == null) {
                throw new IllegalStateException("the bundled list " + path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ListVersion> versions(String listCode, int limit) {
        return store.versions(listCode, limit);
    }

    @Override
    public Optional<ListVersion> version(ListVersionId id) {
        return store.version(id.value());
    }

    /** SHA-256 over the list file, then the alias and address files when given. */
    static String sha256(ListImport file) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(file.content());
            if (file.aliases() != null && file.aliases().length > 0) {
                d.update("\0alt\0".getBytes(StandardCharsets.US_ASCII));
                d.update(file.aliases());
            }
            if (file.addresses() != null && file.addresses().length > 0) {
                d.update("\0add\0".getBytes(StandardCharsets.US_ASCII));
                d.update(file.addresses());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
