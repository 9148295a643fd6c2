package org.finbridge.cli;

import java.io.PrintStream;
import java.util.List;
import org.finbridge.demo.DemoClock;
import org.finbridge.demo.MarketSimulator;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge demo generate [--sellers N] [--days D] [--orders K] [--seed S]}: plays a market of the
 * demo's kind, as large as asked, on the configured database, for load tests and benchmarks. The
 * application's clock is the demo's movable one for the command's run: the market is played over the days
 * before now, so that its history ends today.
 */
public final class DemoGenerateCommand implements Command {

    @Override
    public String name() {
        return "demo generate";
    }

    @Override
    public String summary() {
        return "play a simulated market: --sellers N --days D [--orders K per seller and day] [--seed S]";
    }

    @Override
    public boolean needsApplication() {
        return true;
    }

    @Override
    public List<String> properties() {
        return List.of("finbridge.demo.clock=true", "finbridge.demo.enabled=false");
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        int sellers = 50;
        int days = 30;
        int orders = 5;
        long seed = 1L;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            try {
                switch (a) {
                    case "--sellers" -> sellers = Integer.parseInt(value);
                    case "--days" -> days = Integer.parseInt(value);
                    case "--orders" -> orders = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " takes a number, not '" + value + "'");
            }
            i++;
        }
        MarketSimulator.Settings settings = new MarketSimulator.Settings(seed, sellers, days, orders);
        DemoClock clock = context.getBean(DemoClock.class);
        clock.rewindTo(clock.realNow().minus(settings.span()));
        MarketSimulator.Report report;
        try {
            report = context.getBean(MarketSimulator.class).run(settings, clock, out::println);
        } finally {
            clock.catchUp();
        }
        out.println("days " + report.firstDay() + " to " + report.lastDay() + ", payments by state " + report.paymentStates());
        report.counts().forEach((k, v) -> out.println("  " + k + ": " + v));
        out.printf("RESULT sellers=%d days=%d orders=%d payments=%d seconds=%d%n", sellers, days, report.count("orders"),
                report.count("payments"), report.elapsed().toSeconds());
        return 0;
    }
}
