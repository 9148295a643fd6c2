package org.finbridge.party.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.LoginResult;
import org.finbridge.party.NewParty;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A KYB reviewer's account: password, TOTP enrolment, login, replay and lockout, with a clock the test moves. */
@ApplicationTest
class ConsoleUsersTest {

    @Autowired
    ConsoleUsers users;

    @Autowired
    Parties parties;

    @Autowired
    MutableClock clock;

    PartyId operator;
    String email;

    @BeforeEach
    void setUp() {
        operator = ((Registration.Registered) parties.register(new NewParty(PartyKind.OPERATOR, "CN", "Finbridge Operations",
                null, null, null, Map.of()))).party().id();
        email = "reviewer-" + System.nanoTime() + "@finbridge.example";
    }

    private ConsoleUser reviewer() {
        return ((ConsoleUsers.Creation.Created) users.create(operator, email, "correct horse battery staple",
                ConsoleRole.OPERATOR_KYB_REVIEWER, "admin")).user();
    }

    private String enrol(ConsoleUser user) {
        String uri = users.startTotpEnrolment(user.id()).orElseThrow();
        assertThat(uri).startsWith("otpauth://totp/Finbridge%3A").contains("issuer=Finbridge");
        String secret = URI.create(uri).getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        assertThat(users.confirmTotp(user.id(), "000000".equals(code(secret)) ? "111111" : "000000")).isFalse();
        assertThat(users.confirmTotp(user.id(), code(secret))).isTrue();
        return secret;
    }

    private String code(String secret) {
        return Totp.code(Totp.fromBase32(secret), Totp.step(clock.instant()), 6);
    }

    @Test
    void aReviewerEnrolsAndLogsInWithPasswordAndCode() {
        ConsoleUser user = reviewer();
        assertThat(users.login(email, "correct horse battery staple", null)).isInstanceOf(LoginResult.EnrolmentRequired.class);
        String secret = enrol(user);
        clock.advance(Duration.ofSeconds(30)); // the enrolment code's step is used up
        assertThat(users.login(email, "correct horse battery staple", null)).isInstanceOf(LoginResult.SecondFactorRequired.class);
        LoginResult ok = users.login(email.toUpperCase(), "correct horse battery staple", code(secret));
        assertThat(ok).isInstanceOfSatisfying(LoginResult.Authenticated.class,
                a -> assertThat(a.user().role()).isEqualTo(ConsoleRole.OPERATOR_KYB_REVIEWER));
        // the same code cannot be replayed, even within its 30 seconds
        assertThat(users.login(email, "correct horse battery staple", code(secret))).isInstanceOf(LoginResult.SecondFactorRequired.class);
    }

    @Test
    void tenFailuresLockTheAccountForThirtyMinutes() {
        String secret = enrol(reviewer());
        for (int i = 1; i < ConsoleUsers.MAX_FAILED_LOGINS; i++) {
            assertThat(users.login(email, "wrong password " + i, null)).isInstanceOf(LoginResult.InvalidCredentials.class);
        }
        LoginResult tenth = users.login(email, "wrong password", null);
        assertThat(tenth).isInstanceOf(LoginResult.LockedOut.class);
        clock.advance(Duration.ofSeconds(31));
        // locked: even the right password and code are not checked
        assertThat(users.login(email, "correct horse battery staple", code(secret))).isInstanceOf(LoginResult.LockedOut.class);
        clock.advance(Duration.ofMinutes(ConsoleUsers.LOCKOUT_MINUTES));
        assertThat(users.login(email, "correct horse battery staple", code(secret))).isInstanceOf(LoginResult.Authenticated.class);
    }

    @Test
    void unknownAccountsAndWrongPasswordsAnswerAlike() {
        reviewer();
        assertThat(users.login("nobody@finbridge.example", "correct horse battery staple", null))
                .isInstanceOf(LoginResult.InvalidCredentials.class);
        assertThat(users.login(email, "wrong", null)).isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void rolesFitTheirPartyAndPasswordsAreLongEnough() {
        PartyId merchant = ((Registration.Registered) parties.register(new NewParty(PartyKind.LENDER, "CN", "Pearl River Bank",
                null, null, null, Map.of()))).party().id();
        assertThat(users.create(merchant, "a@b.example", "correct horse battery staple", ConsoleRole.OPERATOR_ADMIN, "admin"))
                .isInstanceOf(ConsoleUsers.Creation.Refused.class);
        assertThat(users.create(merchant, "a@b.example", "short", ConsoleRole.LENDER, "admin"))
                .isInstanceOf(ConsoleUsers.Creation.Refused.class);
        assertThat(users.create(merchant, "not-an-email", "correct horse battery staple", ConsoleRole.LENDER, "admin"))
                .isInstanceOf(ConsoleUsers.Creation.Refused.class);
        reviewer();
        assertThat(users.create(operator, email, "correct horse battery staple", ConsoleRole.OPERATOR_FINANCE, "admin"))
                .isInstanceOfSatisfying(ConsoleUsers.Creation.Refused.class, r -> assertThat(r.field()).isEqualTo("email"));
    }
}
