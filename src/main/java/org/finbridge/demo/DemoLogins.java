package org.finbridge.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.PartyId;
import org.finbridge.platform.ReplayingClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's console users, one per role, each with the demo password and a TOTP secret enrolled through
 * the party module (the secret is kept in the demo's own table so that it can be printed at every start-up:
 * these are throw-away credentials of an embedded demo database, never made in production).
 */
@Component
public class DemoLogins {

    /** The password of every demo user (the README lists it). */
    public static final String PASSWORD = "finbridge-demo-2026";

    public record Login(String role, String email, String password, String totpSecret) {
    }

    private final ConsoleUsers users;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoLogins(ConsoleUsers users, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The roles and their e-mail addresses, in the order printed. */
    static Map<String, String> emails() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String role : List.of("seller", "lender", "regulator", "operator", "risk-analyst", "marketplace", "logistics")) {
            m.put(role, role + "@demo.finbridge.test");
        }
        return m;
    }

    /** Creates (once) a console user per role for the market's cast; answers every demo login. */
    public List<Login> create(MarketSimulator.Cast cast) {
        Map<String, Object[]> who = new LinkedHashMap<>();
        who.put("seller", new Object[] {cast.seller(), ConsoleRole.MERCHANT});
        who.put("lender", new Object[] {cast.lender(), ConsoleRole.LENDER});
        who.put("regulator", new Object[] {cast.regulator(), ConsoleRole.REGULATOR});
        who.put("operator", new Object[] {cast.operator(), ConsoleRole.OPERATOR_KYB_REVIEWER});
        who.put("risk-analyst", new Object[] {cast.operator(), ConsoleRole.OPERATOR_RISK_ANALYST});
        who.put("marketplace", new Object[] {cast.marketplace(), ConsoleRole.MARKETPLACE});
        who.put("logistics", new Object[] {cast.logistics(), ConsoleRole.LOGISTICS});
        for (Map.Entry<String, Object[]> e : who.entrySet()) {
            String role = e.getKey();
            if (jdbc.sql("select count(*) from demo_logins where role = ?").param(role).query(Long.class).single() > 0) {
                continue;
            }
            PartyId party = (PartyId) e.getValue()[0];
            String email = emails().get(role);
            if (!(users.create(party, email, PASSWORD, (ConsoleRole) e.getValue()[1], "demo") instanceof ConsoleUsers.Creation.Created created)) {
                continue;
            }
            String uri = users.startTotpEnrolment(created.user().id()).orElseThrow();
            String secret = Totp.secretOf(uri);
            // the code an authenticator app shows now: on real time, also while the market is being replayed
            if (!users.confirmTotp(created.user().id(), Totp.code(secret, ReplayingClock.realTimeOf(clock).instant()))) {
                throw new IllegalStateException("the demo user " + email + " could not confirm its TOTP enrolment");
            }
            jdbc.sql("insert into demo_logins (role, email, password, totp_secret, party_id) values (?, ?, ?, ?, ?)")
                    .params(role, email, PASSWORD, secret, party.value()).update();
        }
        return all();
    }

    public List<Login> all() {
        List<Login> logins = new ArrayList<>(jdbc.sql("select role, email, password, totp_secret from demo_logins")
                .query((rs, i) -> new Login(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
        List<String> order = new ArrayList<>(emails().keySet());
        logins.sort(java.util.Comparator.comparingInt(l -> order.indexOf(l.role())));
        return logins;
    }

    /** The block printed at start-up. */
    public static String describe(List<Login> logins, String baseUrl) {
        StringBuilder b = new StringBuilder();
        b.append("\n=== Finbridge demo: log in at ").append(baseUrl).append("/console/login ===\n");
        b.append(String.format("  %-13s %-34s %-20s %s%n", "role", "e-mail", "password", "TOTP secret (add to an authenticator app)"));
        for (Login l : logins) {
            b.append(String.format("  %-13s %-34s %-20s %s%n", l.role(), l.email(), l.password(), l.totpSecret()));
        }
        b.append("  (a current code for a secret: bin/finbridge demo totp <secret>)\n");
        return b.toString();
    }

    /** The current code of a demo user's secret, for people without an authenticator app at hand. */
    public static String currentCode(String secret, java.time.Instant at) {
        return Totp.code(secret, at);
    }
}
