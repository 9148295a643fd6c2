package org.finbridge.webhooks.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.finbridge.webhooks.WebhookEventTypes;
import org.springframework.stereotype.Component;

/** Every event type the modules declare ({@link WebhookEventTypes} beans): what may be published and subscribed to. */
@Component
class EventCatalog {

    private final Set<String> names;

    EventCatalog(List<WebhookEventTypes> declared) {
        Set<String> all = new TreeSet<>();
        declared.forEach(d -> all.addAll(d.names()));
        this.names = Set.copyOf(all);
    }

    boolean declares(String eventType) {
        return eventType != null && names.contains(eventType);
    }

    Set<String> names() {
        return new TreeSet<>(names);
    }
}
