package org.finbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.LoginResult;
import org.finbridge.payments.PaymentState;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small market (four sellers, ten trading days after the prologue) played through the real modules on the
 * test clock: every module ends up with data of its own, in the states the console pages show. The sweep of
 * the ledger's invariants and the audit chain's walk follow (ApplicationTest).
 */
@ApplicationTest
class MarketSimulatorTest {

    @Autowired
    MarketSimulator simulator;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoLogins logins;
    @Autowired
    ConsoleUsers users;

    private SimulationClock time() {
        return new SimulationClock() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void advanceTo(Instant instant) {
                if (instant.isAfter(clock.instant())) {
                    clock.advance(Duration.between(clock.instant(), instant));
                }
            }
        };
    }

    /**
     * The application shutting down while the demo plays: the market ends at the next step boundary (here right
     * after its parties are registered), says it did not finish, and moves the clock no further.
     */
    @Test
    void aMarketAskedToStopEndsBetweenTwoStepsAndSaysItDidNotFinish() {
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Instant before = clock.instant();
        MarketSimulator.Report r = simulator.run(new MarketSimulator.Settings(8L, 3, 10, 1), time(), line -> { },
                cast -> shuttingDown.set(true), shuttingDown::get);

        assertThat(r.finished()).isFalse();
        assertThat(r.cast()).isNotNull();
        assertThat(r.count("parties")).isPositive();
        assertThat(r.count("loans")).as("financing was not set up").isZero();
        assertThat(r.count("orders")).isZero();
        assertThat(r.paymentStates()).isEmpty();
        assertThat(clock.instant()).isEqualTo(before);
    }

    @Test
    void aSmallMarketLeavesMeaningfulDataInEveryModule() {
        MarketSimulator.Report r = simulator.run(new MarketSimulator.Settings(7L, 4, 10, 3), time(), line -> { });
        assertThat(r.finished()).isTrue();

        // parties of every kind, sellers through KYB
        assertThat(r.count("parties")).isGreaterThanOrEqualTo(4 + 2 + 2 + 2 + 4);
        assertThat(r.count("kyb approved")).isPositive();
        // trade: orders, payments by several methods in several states, shipments delivered
        assertThat(r.count("orders")).isGreaterThan(40);
        assertThat(r.counts().keySet().stream().filter(k -> k.startsWith("payments by "))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(r.paymentStates().keySet()).contains(PaymentState.CAPTURED).hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.count("shipments")).isPositive();
        assertThat(r.count("deliveries")).isPositive();
        assertThat(r.count("refunds")).isPositive();
        // money: settlement every day, conversions and payouts
        assertThat(r.count("settlement runs")).isEqualTo(10);
        assertThat(r.count("fx conversions")).isPositive();
        assertThat(r.count("payouts")).isPositive();
        // credit: loans taken and repaid, the one default, the listing and its appeal
        assertThat(r.count("loans")).isGreaterThanOrEqualTo(2);
        assertThat(r.count("loans defaulted")).isEqualTo(1);
        assertThat(r.count("appeals")).isEqualTo(1);
        assertThat(r.count("appeals decided")).isEqualTo(1);
        // risk and supervision
        assertThat(r.count("fraud attempts")).isPositive();
        assertThat(r.count("aml alerts")).isPositive();
        assertThat(r.count("aml cases")).isEqualTo(1);
        assertThat(r.count("violations")).isEqualTo(2);

        // and what the modules recorded for the cast, read back from their own tables
        assertThat(jdbc.sql("select count(*) from payments where merchant_id = ? and state = 'CAPTURED'")
                .param(r.cast().seller().value()).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from loans where lender_id = ? and state = 'DEFAULTED'")
                .param(r.cast().lender().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from loan_repayments r join loans l on l.id = r.loan_id where l.lender_id = ?")
                .param(r.cast().lender().value()).query(Long.class).single()).isPositive();

        // the demo logins: one console user per role, each logging in with the password and a TOTP code
        List<DemoLogins.Login> created = logins.create(r.cast());
        assertThat(created).extracting(DemoLogins.Login::role)
                .containsExactly("seller", "lender", "regulator", "operator", "risk-analyst", "marketplace", "logistics");
        clock.advance(Duration.ofSeconds(31)); // a code is accepted once: the next step's code
        for (DemoLogins.Login login : created) {
            assertThat(users.login(login.email(), DemoLogins.PASSWORD, Totp.code(login.totpSecret(), clock.instant())))
                    .as(login.role()).isInstanceOf(LoginResult.Authenticated.class);
        }
        assertThat(logins.create(r.cast())).as("made once").isEqualTo(created);
    }
}
