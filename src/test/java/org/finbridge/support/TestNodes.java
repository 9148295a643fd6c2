package org.finbridge.support;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.FinbridgeApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Application nodes of their own on a shared test database, for tests of several nodes, restarts and
 * restores: scheduling off (the test drives the work), in-process connectors, quiet logs, the movable
 * clock. A web node listens on a free port.
 */
public final class TestNodes {

    private TestNodes() {
    }

    public static ConfigurableApplicationContext start(TestDatabase.Fresh db, boolean web, List<String> extraArguments,
                                                       ApplicationListener<?>... listeners) {
        List<String> args = new ArrayList<>(List.of(db.springArguments()));
        args.add("--finbridge.scheduling.enabled=false");
        args.add("--finbridge.connectors.http.enabled=false");
        args.add("--logging.level.org.finbridge=WARN");
        // fraud decisions are scored and stored, not enforced: tests reuse a few cards at machine pace
        args.add("--finbridge.risk.fraud.mode=SHADOW");
        if (web) {
            args.add("--server.port=0");
        }
        args.addAll(extraArguments);
        return new SpringApplicationBuilder(FinbridgeApplication.class, TestClockConfiguration.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE).listeners(listeners)
                .run(args.toArray(String[]::new));
    }

    /** A node without HTTP. */
    public static ConfigurableApplicationContext start(TestDatabase.Fresh db, String... extraArguments) {
        return start(db, false, List.of(extraArguments));
    }
}
