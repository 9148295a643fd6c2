package org.finbridge.webhooks.internal;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.finbridge.webhooks.EndpointResult;
import org.finbridge.webhooks.WebhookEventTypes;
import org.springframework.stereotype.Component;

/** What an endpoint's fields must satisfy; each check answers the refusal, or empty when the field is fine. */
@Component
class EndpointRules {

    static final int MAX_DESCRIPTION = 500;
    static final int MAX_EVENT_TYPES = 100;

    private final TargetPolicy targets;
    private final EventCatalog catalog;

    EndpointRules(TargetPolicy targets, EventCatalog catalog) {
        this.targets = targets;
        this.catalog = catalog;
    }

    Optional<EndpointResult> url(String url) {
        return switch (targets.checkRegistration(url)) {
            case TargetCheck.Allowed a -> Optional.empty();
            case TargetCheck.Unresolvable u -> Optional.empty();
            case TargetCheck.Malformed m -> Optional.of(new EndpointResult.InvalidField("url", m.reason()));
            case TargetCheck.Refused r -> Optional.of(new EndpointResult.TargetNotAllowed(r.reason()));
        };
    }

    Optional<EndpointResult> eventTypes(List<String> types) {
        if (types == null || types.isEmpty()) {
            return Optional.of(new EndpointResult.InvalidField("eventTypes", "subscribe to at least one event type, or \"*\""));
        }
        if (types.size() > MAX_EVENT_TYPES) {
            return Optional.of(new EndpointResult.InvalidField("eventTypes", "at most " + MAX_EVENT_TYPES));
        }
        for (String type : types) {
            if (type == null || !type.equals(WebhookEventTypes.ALL) && !catalog.declares(type)) {
                return Optional.of(new EndpointResult.UnknownEventType(String.valueOf(type)));
            }
        }
        return Optional.empty();
    }

    Optional<EndpointResult> description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            return Optional.of(new EndpointResult.InvalidField("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (description != null && description.indexOf('\0') >= 0) {
            return Optional.of(new EndpointResult.InvalidField("description", "contains a NUL character"));
        }
        return Optional.empty();
    }

    /** Sorted and without repeats; a subscription to everything is just {@code ["*"]}. */
    static List<String> normalized(List<String> types) {
        return types.contains(WebhookEventTypes.ALL) ? List.of(WebhookEventTypes.ALL) : List.copyOf(new TreeSet<>(types));
    }
}
