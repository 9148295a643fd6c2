package org.finbridge.platform.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The platform's clock and its scheduler. The clock bean "clock" is always the system's: a clock that is
 * moved (the tests', the demo market's replay) is declared {@code @Primary} beside it, and the demo's wraps it.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Background jobs run in the server, not in a one-off command-line invocation. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "finbridge.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }
}
