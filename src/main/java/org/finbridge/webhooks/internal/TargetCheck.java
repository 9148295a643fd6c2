package org.finbridge.webhooks.internal;

import java.net.URI;

/** What {@link TargetPolicy} says about a URL. */
sealed interface TargetCheck {

    record Allowed(URI uri) implements TargetCheck {
    }

    /** Not an absolute URL of the accepted form. */
    record Malformed(String reason) implements TargetCheck {
    }

    /** A well-formed URL that points where webhooks may not go. */
    record Refused(String reason) implements TargetCheck {
    }

    /** The host name does not resolve (now): allowed at registration, an error at delivery. */
    record Unresolvable(String host) implements TargetCheck {
    }
}
