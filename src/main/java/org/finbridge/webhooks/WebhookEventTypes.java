package org.finbridge.webhooks;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Event types a module publishes, declared as a Spring bean by that module, e.g.
 * {@code @Bean WebhookEventTypes paymentEvents() { return WebhookEventTypes.of("payment.captured", …); }}.
 * Endpoints may subscribe only to declared types (or to {@value #ALL}), so a typo in a subscription is
 * refused when it is made instead of silently receiving nothing.
 */
public record WebhookEventTypes(Set<String> names) {

    /** A subscription to every event type, present and future. */
    public static final String ALL = "*";

    /** {@code object.verb} in lower case, e.g. {@code payment.captured}, {@code dispute.funds_withdrawn}. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    public static final int MAX_NAME = 100;

    public WebhookEventTypes {
        names = Set.copyOf(names);
        for (String name : names) {
            if (!isWellFormed(name)) {
                throw new IllegalArgumentException("not an event type name: " + name);
            }
        }
    }

    public static WebhookEventTypes of(String... names) {
        return new WebhookEventTypes(Set.of(names));
    }

    public static boolean isWellFormed(String name) {
        return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }
}
