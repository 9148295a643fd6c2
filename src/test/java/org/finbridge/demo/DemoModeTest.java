package org.finbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo plays by default only in the embedded mode of {@code bin/finbridge run}; the property decides otherwise. */
class DemoModeTest {

    static MockEnvironment env(String url) {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("spring.datasource.url", url);
        return env;
    }

    @Test
    void onByDefaultOnlyForTheEmbeddedDatabaseUnderData() {
        String embedded = "jdbc:h2:file:./data/finbridge;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        assertThat(DemoMode.enabled(env(embedded))).isTrue();
        assertThat(DemoMode.enabled(env(embedded).withProperty("finbridge.demo.enabled", "auto"))).isTrue();
        // production
        assertThat(DemoMode.enabled(env("jdbc:postgresql://db:5432/finbridge"))).isFalse();
        // the tests' databases live elsewhere
        assertThat(DemoMode.enabled(env("jdbc:h2:file:/tmp/finbridge-test-1/db;DB_CLOSE_ON_EXIT=FALSE"))).isFalse();
        // a one-off command on the embedded database
        assertThat(DemoMode.enabled(env(embedded).withProperty("finbridge.scheduling.enabled", "false"))).isFalse();
    }

    @Test
    void thePropertyDecidesEitherWay() {
        assertThat(DemoMode.enabled(env("jdbc:postgresql://db:5432/finbridge").withProperty("finbridge.demo.enabled", "true"))).isTrue();
        assertThat(DemoMode.enabled(env("jdbc:h2:file:./data/finbridge").withProperty("finbridge.demo.enabled", "false"))).isFalse();
    }
}
