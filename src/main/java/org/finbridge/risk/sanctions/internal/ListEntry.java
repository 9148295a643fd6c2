package org.finbridge.risk.sanctions.internal;

import java.util.List;
import java.util.Set;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * One entry of a sanctions list as read from its file: its id on the list, what it is, its names and the
 * facts that support or weaken a name match (dates of birth, countries as ISO 3166-1 alpha-2 codes).
 */
record ListEntry(String entryId, SubjectType type, String primaryName, List<EntryName> aliases,
                 List<BirthDate> birthDates, Set<String> countries, List<String> programs) {

    ListEntry {
        aliases = List.copyOf(aliases);
        birthDates = List.copyOf(birthDates);
        countries = Set.copyOf(countries);
        programs = List.copyOf(programs);
    }

    /** The primary name first, then the aliases. */
    List<EntryName> names() {
        var all = new java.util.ArrayList<EntryName>(aliases.size() + 1);
        all.add(new EntryName(primaryName, EntryName.Kind.PRIMARY));
        all.addAll(aliases);
        return all;
    }
}
