package org.finbridge.platform.events;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON document written to Kafka for a {@link PublishedEvent}: a CloudEvents 1.0 structured-mode
 * event (the CNCF specification's attribute names, so that generic tooling can route it) with the
 * envelope's own version as an extension attribute.
 *
 * <pre>{@code
 * {"specversion":"1.0", "id":"payment:pay_…:3", "source":"finbridge/payments", "type":"payment.captured",
 *  "subject":"pty_…", "time":"2026-11-27T10:15:30Z", "datacontenttype":"application/json",
 *  "finbridgeversion":1, "data":{ …the event's fields… }}
 * }</pre>
 *
 * <p>In {@code data}, identifiers appear in their external form ({@code pty_…}, {@code pay_…}), times in
 * ISO-8601, amounts as integer minor units next to their currency; nested records become objects.
 * A consumer must ignore attributes and fields it does not know: new ones may be added within a
 * version; a change that removes or changes the meaning of a field raises {@link #VERSION} and moves
 * to a new topic ({@code finbridge.<module>.v2}).
 */
public final class EventEnvelope {

    /** The envelope's version, also the suffix of every topic name. */
    public static final int VERSION = 1;

    private EventEnvelope() {
    }

    /** The topic of an event: {@code finbridge.<module>.v1}, the module being the event's top package. */
    public static String topic(Object event) {
        return "finbridge." + module(event.getClass()) + ".v" + VERSION;
    }

    /** The envelope as an ordered map, ready for a JSON serializer. */
    public static Map<String, Object> of(PublishedEvent event, Instant publishedAt) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", event.eventId());
        envelope.put("source", "finbridge/" + module(event.getClass()));
        envelope.put("type", event.eventType());
        envelope.put("subject", event.subject());
        envelope.put("time", publishedAt.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("finbridgeversion", VERSION);
        envelope.put("data", event instanceof Record r ? recordData(r) : Map.of());
        return envelope;
    }

    static String module(Class<?> type) {
        String name = type.getPackageName();
        String root = "org.finbridge.";
        if (!name.startsWith(root)) {
            throw new IllegalArgumentException("Not a Finbridge event: " + type.getName());
        }
        String rest = name.substring(root.length());
        int dot = rest.indexOf('.');
        return (dot < 0 ? rest : rest.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> recordData(Record r) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                data.put(c.getName(), value(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + c.getName() + " of " + r.getClass().getName(), e);
            }
        }
        return data;
    }

    private static boolean isCode(Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Class<?> t = c.getType();
            if (!(t.isPrimitive() || t == String.class || t == java.util.UUID.class || Number.class.isAssignableFrom(t))) {
                return false;
            }
        }
        try {
            return r.getClass().getDeclaredMethod("toString").getDeclaringClass() == r.getClass();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Enum<?> || v instanceof TemporalAccessor || v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(value(item)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, item) -> out.put(String.valueOf(k), value(item)));
            return out;
        }
        if (v instanceof Record r) {
            // identifiers and codes (PartyId, CurrencyCode) are written as the API writes them: a record
            // of plain values with a text form of its own is that text; other records become objects
            return isCode(r) ? r.toString() : recordData(r);
        }
        return v.toString();
    }
}
