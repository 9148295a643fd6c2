package org.finbridge.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points an application context at a fresh test database. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (TestDatabase.isPostgresRun() && TestDatabase.postgresProblem().isPresent()) {
            return; // the test is skipped by RequiresTestDatabase
        }
        TestDatabase.Fresh db = TestDatabase.fresh("app");
        TestPropertyValues values = TestPropertyValues.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password());
        if (db.schema() != null) {
            values = values.and("spring.flyway.schemas=" + db.schema(), "spring.flyway.default-schema=" + db.schema());
        }
        if (db.postgres()) {
            // the test framework keeps contexts for reuse, each with its pool: an idle one keeps one connection,
            // not the pool's sixteen, so the many contexts of a run stay within PostgreSQL's max_connections.
            // (Not on H2: its embedded database showed constraint errors once idle connections were closed.)
            values = values.and("spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000");
        }
        values.applyTo(context);
    }
}
