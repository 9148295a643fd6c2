package org.finbridge.party;

import java.time.Instant;

/** The outcome of a login attempt. Wrong e-mail and wrong password answer alike. */
public sealed interface LoginResult {

    record Authenticated(ConsoleUser user) implements LoginResult {
    }

    /** Password right; the second factor is missing, wrong or already used. */
    record SecondFactorRequired() implements LoginResult {
    }

    /** The account has a password but no confirmed second factor yet: enrol before anything else. */
    record EnrolmentRequired(ConsoleUser user) implements LoginResult {
    }

    record InvalidCredentials() implements LoginResult {
    }

    /** Too many failures: no attempt is even checked until {@code until}. */
    record LockedOut(Instant until) implements LoginResult {
    }
}
