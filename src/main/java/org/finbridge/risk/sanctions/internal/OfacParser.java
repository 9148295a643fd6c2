package org.finbridge.risk.sanctions.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * OFAC's legacy SDN CSV ({@code sdn.csv}: no header, 12 columns, {@code -0-} for empty, Latin-1,
 * Ctrl-Z trailer) with its optional alias ({@code alt.csv}) and address ({@code add.csv}) files, which
 * join the entries on {@code ent_num}.
 */
final class OfacParser {

    static final int SDN_COLUMNS = 12;
    private static final int ALT_COLUMNS = 5;
    private static final int ADD_COLUMNS = 6;

    private OfacParser() {
    }

    static ParsedList parse(byte[] sdn, byte[] alt, byte[] add, ListLimits limits) throws ListFormatException {
        Skips skips = new Skips();
        Map<String, Builder> entries = readEntries(CsvRows.read(ListText.latin1(sdn, "sdn.csv"), "sdn.csv", SDN_COLUMNS),
                skips, limits);
        if (alt != null && alt.length > 0) {
            readAliases(CsvRows.read(ListText.latin1(alt, "alt.csv"), "alt.csv", ALT_COLUMNS), entries, skips, limits);
        }
        if (add != null && add.length > 0) {
            readAddresses(CsvRows.read(ListText.latin1(add, "add.csv"), "add.csv", ADD_COLUMNS), entries, skips);
        }
        return new ParsedList(entries.values().stream().map(Builder::build).toList(), skips);
    }

    private static Map<String, Builder> readEntries(List<CsvRows.Row> rows, Skips skips, ListLimits limits)
            throws ListFormatException {
        Map<String, Builder> entries = new LinkedHashMap<>();
        for (CsvRows.Row row : rows) {
            if (row.fields().size() != SDN_COLUMNS) {
                skips.add("sdn.csv: wrong number of columns", row.line());
                continue;
            }
            String id = CsvRows.value(row.field(0));
            if (id == null || !id.matches("\\d{1,10}")) {
                skips.add("sdn.csv: ent_num is not a number", row.line());
                continue;
            }
            String name = CsvRows.value(row.field(1));
            if (name == null) {
                skips.add("sdn.csv: empty name", row.line());
                continue;
            }
            if (name.length() > limits.maxNameLength()) {
                skips.add("sdn.csv: name longer than " + limits.maxNameLength() + " characters", row.line());
                continue;
            }
            if (entries.containsKey(id)) {
                skips.add("sdn.csv: ent_num repeated", row.line());
                continue;
            }
            limits.checkEntries(entries.size() + 1);
            OfacRemarks.Facts facts = OfacRemarks.read(CsvRows.value(row.field(11)));
            Builder b = new Builder(id, type(CsvRows.value(row.field(2))), name);
            b.aliases.addAll(facts.aliases());
            b.birthDates.addAll(facts.birthDates());
            b.countries.addAll(facts.countries());
            String program = CsvRows.value(row.field(3));
            if (program != null) {
                b.programs.addAll(List.of(program.replace("] [", "][").replaceAll("[\\[\\]]", " ").strip().split("\\s+")));
            }
            entries.put(id, b);
        }
        return entries;
    }

    private static SubjectType type(String text) {
        if (text == null) {
            return SubjectType.ENTITY;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "individual" -> SubjectType.INDIVIDUAL;
            case "vessel" -> SubjectType.VESSEL;
            case "aircraft" -> SubjectType.AIRCRAFT;
            default -> SubjectType.ENTITY;
        };
    }

    private static void readAliases(List<CsvRows.Row> rows, Map<String, Builder> entries, Skips skips, ListLimits limits) {
        for (CsvRows.Row row : rows) {
            if (row.fields().size() != ALT_COLUMNS) {
                skips.add("alt.csv: wrong number of columns", row.line());
                continue;
            }
            Builder entry = entries.get(CsvRows.value(row.field(0)));
            String name = CsvRows.value(row.field(3));
            if (entry == null) {
                skips.add("alt.csv: alias of an unknown ent_num", row.line());
            } else if (name == null) {
                skips.add("alt.csv: empty alias", row.line());
            } else if (name.length() > limits.maxNameLength()) {
                skips.add("alt.csv: alias longer than " + limits.maxNameLength() + " characters", row.line());
            } else {
                String type = CsvRows.value(row.field(2));
                entry.aliases.add(new EntryName(name, "fka".equalsIgnoreCase(type) ? EntryName.Kind.FORMER : EntryName.Kind.ALIAS));
            }
        }
    }

    private static void readAddresses(List<CsvRows.Row> rows, Map<String, Builder> entries, Skips skips) {
        for (CsvRows.Row row : rows) {
            if (row.fields().size() != ADD_COLUMNS) {
                skips.add("add.csv: wrong number of columns", row.line());
                continue;
            }
            Builder entry = entries.get(CsvRows.value(row.field(0)));
            if (entry == null) {
                skips.add("add.csv: address of an unknown ent_num", row.line());
                continue;
            }
            CountryNames.code(CsvRows.value(row.field(4))).ifPresent(entry.countries::add);
        }
    }

    private static final class Builder {
        final String id;
        final SubjectType type;
        final String name;
        final List<EntryName> aliases = new ArrayList<>();
        final List<BirthDate> birthDates = new ArrayList<>();
        final Set<String> countries = new LinkedHashSet<>();
        final List<String> programs = new ArrayList<>();

        Builder(String id, SubjectType type, String name) {
            this.id = id;
            this.type = type;
            this.name = name;
        }

        ListEntry build() {
            // the same alias from Remarks and from alt.csv is one alias
            Map<String, EntryName> unique = new LinkedHashMap<>();
            Map<String, Boolean> seen = new HashMap<>();
            seen.put(name.toLowerCase(Locale.ROOT), true);
            for (EntryName a : aliases) {
                String key = a.name().toLowerCase(Locale.ROOT);
                if (seen.putIfAbsent(key, true) == null) {
                    unique.put(key, a);
                }
            }
            return new ListEntry(id, type, name, List.copyOf(unique.values()), birthDates, countries, programs);
        }
    }
}
