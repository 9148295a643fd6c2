package org.finbridge.party.internal;

import org.finbridge.audit.AuditLog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.LoginResult;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.platform.ReplayingClock;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console users. Passwords are BCrypt hashes; every login needs the TOTP code once the user has
 * enrolled, and no session is granted before enrolment. After {@value ConsoleUsers#MAX_FAILED_LOGINS}
 * failed attempts the account is locked for {@value ConsoleUsers#LOCKOUT_MINUTES} minutes.
 */
@Service
class ConsoleUserService implements ConsoleUsers {

    static final String PREFIX = "usr";
    static final int MIN_PASSWORD_LENGTH = 12;
    /** A hash of a password nobody has, checked for unknown e-mails so that they take as long as known ones. */
    private static final String DECOY_HASH = new BCryptPasswordEncoder(10).encode("no such user, no such password");

    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final PartyStore parties;
    private final AuditLog audit;
    private final Clock clock;
    /** TOTP codes and lockouts follow real time, even while the demo replays a past (ReplayingClock). */
    private final Clock realTime;

    ConsoleUserService(JdbcClient jdbc, PartyStore parties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
        this.realTime = ReplayingClock.realTimeOf(clock);
    }

    @Override
    @Transactional
    public Creation create(PartyId partyId, String email, String password, ConsoleRole role, String actor) {
        Optional<Party> party = parties.find(partyId);
        if (party.isEmpty()) {
            return new Creation.Refused("partyId", "no such party");
        }
        if (role == null || !role.fits(party.get().kind())) {
            return new Creation.Refused("role", "the role does not fit a " + party.get().kind() + " party");
        }
        String normalizedEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!normalizedEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || normalizedEmail.length() > 200) {
            return new Creation.Refused("email", "is not an e-mail address");
        }
        // NIST SP 800-63B 5.1.1: length over composition rules; at most 72 bytes is BCrypt's limit
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return new Creation.Refused("password", "12 to 72 bytes");
        }
        if (jdbc.sql("select count(*) from console_users where email = :email").param("email", normalizedEmail)
                .query(Long.class).single() > 0) {
            return new Creation.Refused("email", "is already registered");
        }
        UUID id = TimeOrderedIds.next(clock);
        jdbc.sql("""
                insert into console_users (id, party_id, email, role, password_hash, created_at)
                values (:id, :party, :email, :role, :hash, :now)""")
                .param("id", id).param("party", partyId.value()).param("email", normalizedEmail).param("role", role.name())
                .param("hash", passwords.encode(password)).param("now", now().atOffset(ZoneOffset.UTC)).update();
        String userId = TimeOrderedIds.format(PREFIX, id);
        audit.record(actor, "party.user.create", "console_user", userId, null, normalizedEmail + " " + role);
        return new Creation.Created(find(userId).orElseThrow());
    }

    @Override
    @Transactional
    public Optional<String> startTotpEnrolment(String userId) {
        Optional<ConsoleUser> user = find(userId);
        if (user.isEmpty() || user.get().totpEnrolled()) {
            return Optional.empty();
        }
        String secret = Totp.newSecret(random);
        jdbc.sql("update console_users set totp_secret = :secret, totp_confirmed = false where id = :id")
                .param("secret", secret).param("id", uuid(userId)).update();
        String label = URLEncoder.encode("Finbridge:" + user.get().email(), StandardCharsets.UTF_8).replace("+", "%20");
        return Optional.of("otpauth://totp/" + label + "?secret=" + secret + "&issuer=Finbridge&algorithm=SHA1&digits="
                + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    @Override
    @Transactional
    public boolean confirmTotp(String userId, String code) {
        Optional<Row> row = row("id = :key", uuid(userId));
        if (row.isEmpty() || row.get().totpSecret() == null || row.get().user().totpEnrolled()) {
            return false;
        }
        long step = Totp.matchingStep(row.get().totpSecret(), code, realNow(), row.get().lastTotpStep());
        if (step < 0) {
            return false;
        }
        jdbc.sql("update console_users set totp_confirmed = true, last_totp_step = :step where id = :id")
                .param("step", step).param("id", uuid(userId)).update();
        audit.record(userId, "party.user.totp_enrol", "console_user", userId, "no second factor", "TOTP enrolled");
        return true;
    }

    @Override
    @Transactional
    public LoginResult login(String email, String password, String totpCode) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<Row> found = row("email = :key", normalized);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, DECOY_HASH);
            return new LoginResult.InvalidCredentials();
        }
        Row r = found.get();
        Instant now = realNow();
        if (r.user().lockedUntil() != null && now.isBefore(r.user().lockedUntil())) {
            return new LoginResult.LockedOut(r.user().lockedUntil());
        }
        if (password == null || !passwords.matches(password, r.passwordHash())) {
            return fail(r, now, new LoginResult.InvalidCredentials());
        }
        if (!r.user().totpEnrolled()) {
            resetFailures(r);
            return new LoginResult.EnrolmentRequired(r.user());
        }
        long step = Totp.matchingStep(r.totpSecret(), totpCode, now, r.lastTotpStep());
        if (step < 0) {
            return fail(r, now, new LoginResult.SecondFactorRequired());
        }
        jdbc.sql("update console_users set failed_logins = 0, locked_until = null, last_totp_step = :step where id = :id")
                .param("step", step).param("id", uuid(r.user().id())).update();
        audit.record(r.user().id(), "party.user.login", "console_user", r.user().id(), null, "logged in");
        return new LoginResult.Authenticated(find(r.user().id()).orElseThrow());
    }

    private LoginResult fail(Row r, Instant now, LoginResult answer) {
        int failures = r.failedLogins() + 1;
        if (failures >= MAX_FAILED_LOGINS) {
            Instant until = now.plus(Duration.ofMinutes(LOCKOUT_MINUTES));
            jdbc.sql("update console_users set failed_logins = 0, locked_until = :until where id = :id")
                    .param("until", until.atOffset(ZoneOffset.UTC)).param("id", uuid(r.user().id())).update();
            audit.record("system", "party.user.lock", "console_user", r.user().id(), null,
                    MAX_FAILED_LOGINS + " failed logins: locked until " + until);
            return new LoginResult.LockedOut(until);
        }
        jdbc.sql("update console_users set failed_logins = :n where id = :id")
                .param("n", failures).param("id", uuid(r.user().id())).update();
        return answer;
    }

    private void resetFailures(Row r) {
        if (r.failedLogins() > 0) {
            jdbc.sql("update console_users set failed_logins = 0 where id = :id").param("id", uuid(r.user().id())).update();
        }
    }

    @Override
    public Optional<ConsoleUser> find(String userId) {
        try {
            return row("id = :key", uuid(userId)).map(Row::user);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ConsoleUser> of(PartyId party) {
        return jdbc.sql("""
                select id, party_id, email, role, totp_confirmed, locked_until, created_at, password_hash, totp_secret,
                       last_totp_step, failed_logins
                from console_users where party_id = :party order by id""").param("party", party.value())
                .query(ConsoleUserService::read).list().stream().map(Row::user).toList();
    }

    private record Row(ConsoleUser user, String passwordHash, String totpSecret, long lastTotpStep, int failedLogins) {
    }

    private Optional<Row> row(String where, Object key) {
        return jdbc.sql("""
                select id, party_id, email, role, totp_confirmed, locked_until, created_at, password_hash, totp_secret,
                       last_totp_step, failed_logins
                from console_users where\s""" + where).param("key", key).query(ConsoleUserService::read).optional();
    }

    private static Row read(ResultSet rs, int n) throws SQLException {
        OffsetDateTime locked = rs.getObject(6, OffsetDateTime.class);
        ConsoleUser user = new ConsoleUser(TimeOrderedIds.format(PREFIX, rs.getObject(1, UUID.class)),
                new PartyId(rs.getObject(2, UUID.class)), rs.getString(3), ConsoleRole.valueOf(rs.getString(4)),
                rs.getBoolean(5), locked == null ? null : locked.toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant());
        return new Row(user, rs.getString(8), rs.getString(9), rs.getLong(10), rs.getInt(11));
    }

    private static UUID uuid(String userId) {
        return TimeOrderedIds.parse(PREFIX, userId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Instant realNow() {
        return realTime.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
