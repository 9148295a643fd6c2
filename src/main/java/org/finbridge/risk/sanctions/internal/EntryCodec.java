package org.finbridge.risk.sanctions.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.finbridge.risk.sanctions.SubjectType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An entry's details (aliases with their kind, dates of birth, countries, programmes) as the JSON kept
 * in {@code sanctions_entries.details}; the id, type and primary name have columns of their own.
 */
final class EntryCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryCodec() {
    }

    static String details(ListEntry e) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode aliases = root.putArray("aliases");
        e.aliases().forEach(a -> aliases.addObject().put("name", a.name()).put("kind", a.kind().name()));
        ArrayNode dates = root.putArray("birthDates");
        e.birthDates().forEach(d -> {
            ObjectNode n = dates.addObject().put("from", d.fromYear()).put("to", d.toYear());
            if (d.month() != null) {
                n.put("month", d.month());
            }
            if (d.day() != null) {
                n.put("day", d.day());
            }
        });
        ArrayNode countries = root.putArray("countries");
        e.countries().forEach(countries::add);
        ArrayNode programs = root.putArray("programs");
        e.programs().forEach(programs::add);
        return JSON.writeValueAsString(root);
    }

    static ListEntry entry(String id, String type, String primaryName, String details) {
        JsonNode root = JSON.readTree(details);
        List<EntryName> aliases = new ArrayList<>();
        root.get("aliases").forEach(a -> aliases.add(new EntryName(a.get("name").asString(),
                EntryName.Kind.valueOf(a.get("kind").asString()))));
        List<BirthDate> dates = new ArrayList<>();
        root.get("birthDates").forEach(d -> dates.add(new BirthDate(d.get("from").asInt(), d.get("to").asInt(),
                d.has("month") ? d.get("month").asInt() : null, d.has("day") ? d.get("day").asInt() : null)));
        Set<String> countries = new LinkedHashSet<>();
        root.get("countries").forEach(c -> countries.add(c.asString()));
        List<String> programs = new ArrayList<>();
        root.get("programs").forEach(p -> programs.add(p.asString()));
        return new ListEntry(id, SubjectType.valueOf(type), primaryName, aliases, dates, countries, programs);
    }
}
