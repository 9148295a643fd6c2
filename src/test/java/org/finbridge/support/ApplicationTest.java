package org.finbridge.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real HTTP port and a fresh test database (H2, or PostgreSQL in the
 * PostgreSQL pass), with a clock the test can move. All such tests share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.org.finbridge=INFO", "finbridge.ledger.expiry-interval=200ms",
                // one in-process simulated connector per method keeps payments deterministic; the tests of
                // HTTP-backed connectors and routing turn them on in their own context
                "finbridge.connectors.http.enabled=false",
                // the shared context moves its clock by days: a periodic resubmission would hand events still
                // being processed to their listeners again; EventStreamTest covers resubmission
                "finbridge.events.resubmit.enabled=false",
                // loans are serviced by the tests on the dates they choose, never by the hourly job in between
                "finbridge.financing.cron=-",
                // fraud scoring scores and stores every payment, but the shared context reuses a few test
                // cards at machine pace, which the velocity rules would block: the fraud tests switch to
                // ENFORCE themselves (FraudMode) and use cards of their own
                "finbridge.risk.fraud.mode=SHADOW"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import({TestClockConfiguration.class, TestActors.class})
@org.junit.jupiter.api.extension.ExtendWith(InvariantSweepAfterEach.class)
public @interface ApplicationTest {
}
