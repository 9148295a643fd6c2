package org.finbridge.party;

import java.time.Instant;

/** A person who logs in to the console, as others see them (never the password or TOTP secret). */
public record ConsoleUser(String id, PartyId partyId, String email, ConsoleRole role, boolean totpEnrolled,
                          Instant lockedUntil, Instant createdAt) {
}
