package org.finbridge.risk.sanctions.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * The UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST} with {@code INDIVIDUALS/INDIVIDUAL}
 * and {@code ENTITIES/ENTITY}; schema {@code reference/sanctions/un/sc-sanctions.xsd}). Names are the
 * FIRST..FOURTH_NAME parts; aliases keep their quality ("Low" aliases are weak); the name in original
 * script is an alias too; dates of birth are a date, a year or a range; countries come from
 * nationality, addresses and place of birth. Delisted records are left out. Read through
 * {@link HardenedXml}; unknown elements are ignored, so a newer list with more fields still reads.
 */
final class UnListParser {

    private UnListParser() {
    }

    static ParsedList parse(byte[] xml, ListLimits limits) throws ListFormatException {
        Skips skips = new Skips();
        List<ListEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        HardenedXml.read(xml, "the UN list", HardenedXml.Limits.LISTS, new HardenedXml.Handler() {
            @Override
            public void root(String name, Map<String, String> attributes) throws ListFormatException {
                if (!name.equals("CONSOLIDATED_LIST")) {
                    throw new ListFormatException("not a UN Consolidated List: the root element is <" + name
                            + ">, expected <CONSOLIDATED_LIST>");
                }
            }

            @Override
            public boolean isRecord(String name) {
                return name.equals("INDIVIDUAL") || name.equals("ENTITY");
            }

            @Override
            public void record(HardenedXml.Element e, int line) throws ListFormatException {
                ListEntry entry = entry(e, line, skips, limits);
                if (entry == null) {
                    return;
                }
                if (!ids.add(entry.entryId())) {
                    skips.add("reference number repeated", line);
                    return;
                }
                limits.checkEntries(entries.size() + 1);
                entries.add(entry);
            }
        });
        return new ParsedList(entries, skips);
    }

    private static ListEntry entry(HardenedXml.Element e, int line, Skips skips, ListLimits limits) {
        boolean individual = e.name().equals("INDIVIDUAL");
        if (e.value("DELISTED_ON") != null) {
            skips.add("delisted", line);
            return null;
        }
        String id = e.value("REFERENCE_NUMBER") != null ? e.value("REFERENCE_NUMBER") : e.value("DATAID");
        if (id == null) {
            skips.add("no reference number or DATAID", line);
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
            String p = e.value(part);
            if (p != null && !p.equalsIgnoreCase("na")) {
                parts.add(p);
            }
        }
        String name = String.join(" ", parts).strip();
        if (name.isEmpty()) {
            skips.add("empty name", line);
            return null;
        }
        if (name.length() > limits.maxNameLength()) {
            skips.add("name longer than " + limits.maxNameLength() + " characters", line);
            return null;
        }
        List<EntryName> aliases = new ArrayList<>();
        for (HardenedXml.Element a : e.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String alias = a.value("ALIAS_NAME");
            if (alias == null || alias.length() > limits.maxNameLength() || aliases.size() >= limits.maxAliasesPerEntry()) {
                continue;
            }
            String quality = a.value("QUALITY") == null ? "" : a.value("QUALITY").toLowerCase(Locale.ROOT);
            EntryName.Kind kind = quality.startsWith("low") ? EntryName.Kind.WEAK_ALIAS
                    : quality.startsWith("f.k.a") || quality.startsWith("fka") ? EntryName.Kind.FORMER : EntryName.Kind.ALIAS;
            aliases.add(new EntryName(alias, kind));
        }
        String original = e.value("NAME_ORIGINAL_SCRIPT");
        if (original != null && original.length() <= limits.maxNameLength()) {
            aliases.add(new EntryName(original, EntryName.Kind.ORIGINAL_SCRIPT));
        }
        Set<String> countries = new LinkedHashSet<>();
        HardenedXml.Element nationality = e.child("NATIONALITY");
        if (nationality != null) {
            nationality.all("VALUE").forEach(v -> CountryNames.code(v.text()).ifPresent(countries::add));
        }
        for (String group : List.of("INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS", "INDIVIDUAL_PLACE_OF_BIRTH")) {
            e.all(group).forEach(a -> CountryNames.code(a.value("COUNTRY")).ifPresent(countries::add));
        }
        List<BirthDate> dates = new ArrayList<>();
        e.all("INDIVIDUAL_DATE_OF_BIRTH").forEach(d -> birthDate(d).ifPresent(dates::add));
        List<String> programs = e.value("UN_LIST_TYPE") == null ? List.of() : List.of(e.value("UN_LIST_TYPE"));
        return new ListEntry(id, individual ? SubjectType.INDIVIDUAL : SubjectType.ENTITY, name, aliases, dates,
                countries, programs);
    }

    private static java.util.Optional<BirthDate> birthDate(HardenedXml.Element d) {
        try {
            if (d.value("DATE") != null && d.value("DATE").length() >= 10) {
                return java.util.Optional.of(BirthDate.exact(LocalDate.parse(d.value("DATE").substring(0, 10))));
            }
            if (d.value("YEAR") != null) {
                return java.util.Optional.of(BirthDate.year(Integer.parseInt(d.value("YEAR"))));
            }
            if (d.value("FROM_YEAR") != null && d.value("TO_YEAR") != null) {
                int from = Integer.parseInt(d.value("FROM_YEAR"));
                int to = Integer.parseInt(d.value("TO_YEAR"));
                return java.util.Optional.of(new BirthDate(Math.min(from, to), Math.max(from, to), null, null));
            }
        } catch (DateTimeException | NumberFormatException e) {
            // an unreadable date is no evidence either way
        }
        return java.util.Optional.empty();
    }
}
