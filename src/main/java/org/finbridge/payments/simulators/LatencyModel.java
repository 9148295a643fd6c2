package org.finbridge.payments.simulators;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a simulated acquirer takes to answer: lognormal (response times of remote services are
 * skewed right), fixed by its median and 99th percentile; zero for benchmarks. Samples are capped at
 * twice the p99 so one unlucky draw cannot stall a test.
 */
public record LatencyModel(long p50Millis, long p99Millis) {

    /** The 99th percentile of the standard normal distribution. */
    private static final double Z99 = 2.3263478740;

    public static final LatencyModel ZERO = new LatencyModel(0, 0);

    public LatencyModel {
        if (p50Millis < 0 || p99Millis < p50Millis) {
            throw new IllegalArgumentException("latency needs 0 <= p50 <= p99");
        }
    }

    public boolean isZero() {
        return p99Millis == 0;
    }

    public Duration sample() {
        if (isZero()) {
            return Duration.ZERO;
        }
        if (p50Millis == 0 || p99Millis == p50Millis) {
            return Duration.ofMillis(p50Millis);
        }
        double sigma = Math.log((double) p99Millis / p50Millis) / Z99;
        double millis = p50Millis * Math.exp(sigma * ThreadLocalRandom.current().nextGaussian());
        return Duration.ofMillis(Math.min(2 * p99Millis, Math.round(millis)));
    }
}
