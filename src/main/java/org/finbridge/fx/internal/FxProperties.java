package org.finbridge.fx.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * FX settings ({@code finbridge.fx.*}).
 *
 * @param defaultLock how long a quote holds when the request names no lock (60 s)
 * @param maxRateAge the oldest reference fixing a quote may be priced on; older means the market has
 *                   moved unseen (7 days covers the longest run of TARGET holidays, Easter)
 * @param recoveryAfter how long an execution may stay unfinished before recovery completes it
 * @param ecbDaily the ECB's daily feed: off by default
 */
@ConfigurationProperties("finbridge.fx")
record FxProperties(Duration defaultLock, Duration maxRateAge, Duration recoveryAfter, EcbDaily ecbDaily) {

    static final URI ECB_DAILY = URI.create("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml");

    FxProperties {
        defaultLock = defaultLock == null ? Duration.ofSeconds(60) : defaultLock;
        maxRateAge = maxRateAge == null ? Duration.ofDays(7) : maxRateAge;
        recoveryAfter = recoveryAfter == null ? Duration.ofSeconds(30) : recoveryAfter;
        ecbDaily = ecbDaily == null ? new EcbDaily(false, ECB_DAILY) : ecbDaily;
    }

    record EcbDaily(boolean enabled, URI url) {
        EcbDaily {
            url = url == null ? ECB_DAILY : url;
        }
    }
}
