package org.finbridge.party;

import java.util.List;
import java.util.Optional;

/**
 * Console users: password (BCrypt) and a TOTP second factor (RFC 6238), lockout after
 * {@value #MAX_FAILED_LOGINS} failures for {@value #LOCKOUT_MINUTES} minutes.
 */
public interface ConsoleUsers {

    int MAX_FAILED_LOGINS = 10;
    int LOCKOUT_MINUTES = 30;

    sealed interface Creation {
        record Created(ConsoleUser user) implements Creation {
        }

        record Refused(String field, String reason) implements Creation {
        }
    }

    Creation create(PartyId party, String email, String password, ConsoleRole role, String actor);

    /** Starts (or restarts) TOTP enrolment: answers the otpauth:// URI to show as a QR code. */
    Optional<String> startTotpEnrolment(String userId);

    /** Confirms enrolment with a first code from the authenticator. */
    boolean confirmTotp(String userId, String code);

    LoginResult login(String email, String password, String totpCode);

    Optional<ConsoleUser> find(String userId);

    /** The party's console users, oldest first. */
    List<ConsoleUser> of(PartyId party);
}
