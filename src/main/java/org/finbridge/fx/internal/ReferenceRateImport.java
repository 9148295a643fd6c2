package org.finbridge.fx.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the reference rates current: the shipped ECB history when the application starts (in the
 * background, readers of rates wait for it; only days newer than the newest stored, so a restart reads
 * one line of the file),
 * and the ECB's daily feed every hour when it is enabled. A one-off command (audit verify, …) runs
 * without scheduling and imports nothing.
 */
@Component
@ConditionalOnProperty(name = "finbridge.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ReferenceRateImport implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReferenceRateImport.class);

    private final ReferenceRateService rates;
    private final FxProperties properties;

    ReferenceRateImport(ReferenceRateService rates, FxProperties properties) {
        this.rates = rates;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        rates.importInBackground(new EcbHistoryFile()).thenAccept(added -> {
            if (added > 0) {
                log.info("imported {} ECB fixing days in {} ms", added, (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    @Scheduled(fixedDelayString = "${finbridge.fx.ecb-daily.interval:1h}", initialDelayString = "${finbridge.fx.ecb-daily.interval:1h}")
    void importDailyFeed() {
        if (!properties.ecbDaily().enabled()) {
            return;
        }
        try {
            int added = rates.importFrom(new EcbDailyFeed(properties.ecbDaily().url()));
            if (added > 0) {
                log.info("imported {} fixing days from the ECB daily feed", added);
            }
        } catch (RuntimeException e) {
            log.warn("the ECB daily feed could not be imported; quotes keep the latest stored fixing: {}", e.getMessage());
        }
    }
}
