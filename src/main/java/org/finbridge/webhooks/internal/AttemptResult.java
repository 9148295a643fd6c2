package org.finbridge.webhooks.internal;

import org.finbridge.webhooks.AttemptOutcome;

/** How one HTTP attempt ended, before it is recorded. */
record AttemptResult(AttemptOutcome outcome, Integer statusCode, String error, long durationMillis) {

    static final int MAX_ERROR = 500;

    AttemptResult {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR - 1) + "…";
        }
    }

    static AttemptResult ofStatus(int status, long durationMillis) {
        if (status >= 200 && status < 300) {
            return new AttemptResult(AttemptOutcome.DELIVERED, status, null, durationMillis);
        }
        if (status == 410) {
            return new AttemptResult(AttemptOutcome.GONE, status, "410 Gone: the receiver retired this URL", durationMillis);
        }
        if (status >= 300 && status < 400) {
            return new AttemptResult(AttemptOutcome.REDIRECT_REFUSED, status, "redirects are not followed", durationMillis);
        }
        return new AttemptResult(AttemptOutcome.HTTP_ERROR, status, "HTTP " + status, durationMillis);
    }
}
