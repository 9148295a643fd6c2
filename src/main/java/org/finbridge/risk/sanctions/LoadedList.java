package org.finbridge.risk.sanctions;

import java.util.List;

/** A list read from files into memory and indexed, for screening without a database. */
public interface LoadedList extends SanctionsScreening {

    int entryCount();

    /** Primary names and aliases. */
    List<ListedName> names();

    /** Records left out while reading, each reason with its count. */
    List<String> skipped();

    /** A name as the matcher sees it (tokens joined by spaces), for comparisons made outside it. */
    String normalize(String name);
}
