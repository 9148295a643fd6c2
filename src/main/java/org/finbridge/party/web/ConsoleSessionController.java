package org.finbridge.party.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.LoginResult;
import org.finbridge.party.internal.security.ConsoleSessions;
import org.finbridge.platform.ReplayingClock;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console login and logout. A login needs the password and the current TOTP code (RFC 6238); it
 * answers a fresh session cookie (the id is rotated at login) and the CSRF token to echo in
 * {@code X-XSRF-TOKEN} on every change. First-time users enrol their authenticator here too, proving
 * the password again, since they have no session before their second factor works.
 */
@RestController
@RequestMapping("/console")
class ConsoleSessionController {

    private final ConsoleUsers users;
    private final ConsoleSessions sessions;
    private final Clock clock;

    ConsoleSessionController(ConsoleUsers users, ConsoleSessions sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        // lockouts are counted on real time (ConsoleUsers), so is the wait announced
        this.clock = ReplayingClock.realTimeOf(clock);
    }

    record LoginBody(String email, String password, String totp) {
    }

    record SessionView(String userId, String name, String partyId, String partyKind, String role, List<String> scopes,
                       String csrfToken) {
        static SessionView of(Actor a, CsrfToken csrf) {
            return new SessionView(a.id(), a.name(), a.partyId().toString(), a.partyKind().name(),
                    a.role() == null ? null : a.role().name(), a.scopes().stream().map(ApiScope::code).sorted().toList(),
                    csrf == null ? null : csrf.getToken());
        }
    }

    @PostMapping("/session")
    ResponseEntity<?> login(@RequestBody LoginBody body, HttpServletRequest request, HttpServletResponse response) {
        return switch (users.login(body.email(), body.password(), body.totp())) {
            case LoginResult.Authenticated a -> sessions.start(a.user(), request, response)
                    .<ResponseEntity<?>>map(actor -> ResponseEntity.ok(SessionView.of(actor, csrf(request))))
                    .orElseGet(() -> Problems.response(HttpStatus.FORBIDDEN, "PARTY_INACTIVE",
                            "the organisation of this user may not use the platform"));
            case LoginResult.SecondFactorRequired s -> Problems.response(HttpStatus.UNAUTHORIZED,
                    "SECOND_FACTOR_REQUIRED", "the authenticator code is missing, wrong or already used");
            case LoginResult.EnrolmentRequired e -> Problems.response(HttpStatus.FORBIDDEN, "TOTP_ENROLMENT_REQUIRED",
                    "enrol an authenticator at /console/totp-enrolment first");
            case LoginResult.InvalidCredentials i -> Problems.response(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS",
                    "e-mail or password is wrong");
            case LoginResult.LockedOut l -> lockedOut(l.until());
        };
    }

    @GetMapping("/session")
    ResponseEntity<?> current(HttpServletRequest request) {
        Optional<Actor> actor = sessions.current();
        return actor.<ResponseEntity<?>>map(a -> ResponseEntity.ok(SessionView.of(a, csrf(request))))
                .orElseGet(() -> Problems.response(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "not logged in"));
    }

    /** Logout ends the session on the server: the cookie, wherever it was copied to, is dead. */
    @DeleteMapping("/session")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        sessions.end(request);
        return ResponseEntity.noContent().build();
    }

    record EnrolBody(String email, String password) {
    }

    record EnrolmentView(String otpauthUri) {
    }

    @PostMapping("/totp-enrolment")
    ResponseEntity<?> startEnrolment(@RequestBody EnrolBody body) {
        return whileEnrolling(body.email(), body.password(), user -> users.startTotpEnrolment(user.id())
                .<ResponseEntity<?>>map(uri -> ResponseEntity.ok(new EnrolmentView(uri)))
                .orElseGet(() -> Problems.response(HttpStatus.CONFLICT, "ALREADY_ENROLLED", "already enrolled")));
    }

    record ConfirmBody(String email, String password, String totp) {
    }

    @PostMapping("/totp-enrolment/confirm")
    ResponseEntity<?> confirmEnrolment(@RequestBody ConfirmBody body) {
        return whileEnrolling(body.email(), body.password(), user -> users.confirmTotp(user.id(), body.totp())
                ? ResponseEntity.noContent().build()
                : Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "TOTP_CODE_WRONG",
                        "the code does not match the enrolment; check the device clock and try the next code"));
    }

    /** Runs an enrolment step for a user who proved the password and has no second factor yet. */
    private ResponseEntity<?> whileEnrolling(String email, String password,
                                             java.util.function.Function<ConsoleUser, ResponseEntity<?>> step) {
        return switch (users.login(email, password, null)) {
            case LoginResult.EnrolmentRequired e -> step.apply(e.user());
            case LoginResult.LockedOut l -> lockedOut(l.until());
            case LoginResult.InvalidCredentials i -> Problems.response(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS",
                    "e-mail or password is wrong");
            // password right and a factor already enrolled: re-enrolment goes through an administrator
            default -> Problems.response(HttpStatus.CONFLICT, "ALREADY_ENROLLED", "an authenticator is already enrolled");
        };
    }

    private ResponseEntity<?> lockedOut(Instant until) {
        return ResponseEntity.status(HttpStatus.LOCKED).header("Retry-After",
                        String.valueOf(Math.max(1, until.getEpochSecond() - clock.instant().getEpochSecond())))
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(HttpStatus.LOCKED, "ACCOUNT_LOCKED", "too many failed logins; try again after " + until));
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }
}
