package org.finbridge.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the demo market plays at start-up: {@code finbridge.demo.enabled} says so when it is true or
 * false; left at {@code auto} (the default) it is on only in the embedded mode that {@code bin/finbridge run}
 * starts, an H2 file database under {@code ./data}, as a server with its schedules (not a one-off command).
 * A PostgreSQL datasource (production) and the tests' databases (elsewhere) leave it off.
 */
final class DemoMode {

    static final String EMBEDDED_URL_PREFIX = "jdbc:h2:file:./data/";

    private DemoMode() {
    }

    static boolean enabled(Environment env) {
        String setting = env.getProperty("finbridge.demo.enabled", "auto").trim().toLowerCase(java.util.Locale.ROOT);
        if (setting.equals("true") || setting.equals("false")) {
            return Boolean.parseBoolean(setting);
        }
        String url = env.getProperty("spring.datasource.url", "");
        boolean server = env.getProperty("finbridge.scheduling.enabled", Boolean.class, true);
        return server && url.startsWith(EMBEDDED_URL_PREFIX);
    }

    /** The demo plays at start-up. */
    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment());
        }
    }

    /** The application's clock is the demo's movable one: the demo plays, or a command generates a market. */
    static final class MovableClock implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment())
                    || context.getEnvironment().getProperty("finbridge.demo.clock", Boolean.class, false);
        }
    }
}
