package org.finbridge.demo;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The demo's movable clock, in place of the system clock, only where the demo may replay a market ({@link DemoMode}). */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.MovableClock.class)
class DemoConfiguration {

    @Bean
    @Primary
    DemoClock demoClock(@Qualifier("clock") Clock platformClock) {
        return new DemoClock(platformClock);
    }
}
