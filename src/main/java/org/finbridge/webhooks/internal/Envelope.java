package org.finbridge.webhooks.internal;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body every delivery of an event carries, fixed when the event is published so that every attempt
 * sends (and signs) the same bytes:
 * <pre>{"id":"pay_0190…:captured","type":"payment.captured","created":1732700000,"data":{…}}</pre>
 * The module keeps its own JSON mapper, so the web layer's settings never change what receivers get.
 */
final class Envelope {

    static final int MAX_BODY_CHARS = 65_536;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Envelope() {
    }

    /**
     * The data as it will be read back from a stored body, so that a re-published event compares equal
     * to the stored one whatever the key order of the publisher's maps.
     *
     * @throws IllegalArgumentException when the data is not a JSON object
     */
    static JsonNode data(Object data) {
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(data));
        if (!tree.isObject()) {
            throw new IllegalArgumentException("webhook data must be a JSON object, not " + tree.getNodeType());
        }
        return tree;
    }

    static String body(String eventId, String eventType, Instant created, JsonNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("id", eventId);
        envelope.put("type", eventType);
        envelope.put("created", created.getEpochSecond());
        envelope.set("data", data);
        String body = JSON.writeValueAsString(envelope);
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("webhook body of " + body.length() + " characters exceeds " + MAX_BODY_CHARS);
        }
        return body;
    }

    static JsonNode dataOf(String body) {
        return JSON.readTree(body).get("data");
    }
}
