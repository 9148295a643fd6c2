package org.finbridge.webhooks;

import java.time.Instant;

/**
 * One HTTP attempt of a delivery.
 *
 * @param number 1 for the first attempt, counting manual redeliveries too
 * @param statusCode the receiver's HTTP status, or null when there was no answer
 * @param error what went wrong, in words, or null
 */
public record DeliveryAttempt(int number, Instant attemptedAt, AttemptOutcome outcome, Integer statusCode, String error,
                              long durationMillis) {
}
