package org.finbridge.risk.sanctions;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;

/** Importing sanctions list files as versions, and listing the versions. */
public interface SanctionsLists {

    /** Reads the whole file first; only a file read whole becomes the version in force (audited). */
    ImportResult importList(ListImport file, Actor actor);

    /**
     * Imports a list shipped with Finbridge: {@code ofac-sdn-2024-05-03} or {@code ofac-sdn-2021-04-25}
     * (with its alias and address files). Snapshots: import the current list before relying on them.
     */
    ImportResult importBundled(String bundle, String listCode, boolean allowShrink, Actor actor);

    /** Versions, newest first; {@code listCode} null for every list. */
    List<ListVersion> versions(String listCode, int limit);

    Optional<ListVersion> version(ListVersionId id);
}
