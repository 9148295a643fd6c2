package org.finbridge.risk.sanctions.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * The generic list layout for lists that have no reader of their own (a regulator's list, the
 * platform's internal watch list): UTF-8 CSV with a header row {@code id,name,type,country,dob,aliases…}.
 * {@code id} and {@code name} are required; {@code type} is individual / entity / vessel / aircraft;
 * {@code country} holds ISO codes or names separated by ';'; {@code dob} is {@code YYYY-MM-DD},
 * {@code YYYY-MM} or {@code YYYY}; every further column (and any column named alias…) holds aliases,
 * several in one cell separated by ';'.
 */
final class GenericCsvParser {

    private GenericCsvParser() {
    }

    static ParsedList parse(byte[] content, ListLimits limits) throws ListFormatException {
        List<CsvRows.Row> rows = CsvRows.read(ListText.utf8(content, "the list"), "the list", 0);
        if (rows.isEmpty()) {
            throw new ListFormatException("the list is empty");
        }
        Columns columns = Columns.of(rows.getFirst().fields());
        Skips skips = new Skips();
        List<ListEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            String id = clean(row.field(columns.id));
            String name = clean(row.field(columns.name));
            if (id == null) {
                skips.add("empty id", row.line());
                continue;
            }
            if (name == null) {
                skips.add("empty name", row.line());
                continue;
            }
            if (name.length() > limits.maxNameLength() || id.length() > 64) {
                skips.add("id or name too long", row.line());
                continue;
            }
            SubjectType type = columns.type < 0 ? SubjectType.UNKNOWN
                    : SubjectType.parse(row.field(columns.type)).orElse(null);
            if (type == null) {
                skips.add("unknown type", row.line());
                continue;
            }
            if (!ids.add(id)) {
                skips.add("id repeated", row.line());
                continue;
            }
            limits.checkEntries(entries.size() + 1);
            entries.add(new ListEntry(id, type, name, aliases(row, columns, limits), birthDates(row, columns),
                    countries(row, columns), List.of()));
        }
        return new ParsedList(entries, skips);
    }

    private static List<EntryName> aliases(CsvRows.Row row, Columns columns, ListLimits limits) {
        List<EntryName> aliases = new ArrayList<>();
        for (int i = 0; i < row.fields().size(); i++) {
            if (!columns.isAlias(i)) {
                continue;
            }
            for (String a : row.field(i).split(";")) {
                String alias = clean(a);
                if (alias != null && alias.length() <= limits.maxNameLength() && aliases.size() < limits.maxAliasesPerEntry()) {
                    aliases.add(new EntryName(alias, EntryName.Kind.ALIAS));
                }
            }
        }
        return aliases;
    }

    private static List<BirthDate> birthDates(CsvRows.Row row, Columns columns) {
        String dob = columns.dob < 0 ? null : clean(row.field(columns.dob));
        if (dob == null) {
            return List.of();
        }
        try {
            if (dob.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return List.of(BirthDate.exact(LocalDate.parse(dob)));
            }
            if (dob.matches("\\d{4}-\\d{2}")) {
                return List.of(new BirthDate(Integer.parseInt(dob.substring(0, 4)), Integer.parseInt(dob.substring(0, 4)),
                        Integer.parseInt(dob.substring(5)), null));
            }
            if (dob.matches("\\d{4}")) {
                return List.of(BirthDate.year(Integer.parseInt(dob)));
            }
        } catch (DateTimeException e) {
            // not a date: no evidence
        }
        return List.of();
    }

    private static Set<String> countries(CsvRows.Row row, Columns columns) {
        Set<String> out = new LinkedHashSet<>();
        String cell = columns.country < 0 ? null : clean(row.field(columns.country));
        if (cell != null) {
            for (String c : cell.split(";")) {
                CountryNames.code(c).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Where each column is, from the header row. */
    private record Columns(int id, int name, int type, int country, int dob, int width, Set<Integer> aliasColumns) {

        static Columns of(List<String> header) throws ListFormatException {
            List<String> h = header.stream().map(s -> s == null ? "" : s.strip().toLowerCase(Locale.ROOT)).toList();
            int id = h.indexOf("id");
            int name = h.indexOf("name");
            if (id < 0 || name < 0) {
                throw new ListFormatException("the first row must be a header naming at least the columns id and name"
                        + " (id,name,type,country,dob,aliases…), found: " + String.join(",", header));
            }
            Set<Integer> aliases = new HashSet<>();
            for (int i = 0; i < h.size(); i++) {
                if (h.get(i).startsWith("alias") || h.get(i).startsWith("aka")) {
                    aliases.add(i);
                }
            }
            return new Columns(id, name, h.indexOf("type"), h.indexOf("country"), h.indexOf("dob"), h.size(), aliases);
        }

        /** Alias columns, and any column beyond the header (aliases…). */
        boolean isAlias(int i) {
            return aliasColumns.contains(i) || (i >= width && !aliasColumns.isEmpty());
        }
    }
}
