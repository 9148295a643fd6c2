package org.finbridge.payments;

/** Stripe's capture_method: capture at once when authorized, or hold and capture later. */
public enum CaptureMethod {
    AUTOMATIC,
    MANUAL
}
