package org.finbridge.platform;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The id of the request being served, for logs, problem documents and audit records, so that one id
 * joins what a client saw with what the platform recorded. Set by the web layer for each request.
 */
public final class RequestIds {

    public static final String MDC_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
