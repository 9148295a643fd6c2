package org.finbridge.fx.internal;

import java.time.Clock;
import org.finbridge.fx.Quote;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes executions interrupted between the ledger and the quote's record (a crash, a lost answer):
 * resubmits the same legs, which the ledger applies once or answers EXISTS, then records the outcome.
 * Safe on several nodes at once: completing is a conditional update, audited once.
 */
@Component
class ConversionRecovery {

    static final String ACTOR = "system:fx-recovery";
    private static final Logger log = LoggerFactory.getLogger(ConversionRecovery.class);

    private final QuoteStore quotes;
    private final ConversionService conversions;
    private final FxProperties properties;
    private final Clock clock;

    ConversionRecovery(QuoteStore quotes, ConversionService conversions, FxProperties properties, Clock clock) {
        this.quotes = quotes;
        this.conversions = conversions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${finbridge.fx.recovery-interval:10s}")
    void finishInterrupted() {
        try {
            for (Quote quote : quotes.unfinished(clock.instant().minus(properties.recoveryAfter()), 100)) {
                log.info("finishing the interrupted execution of {}: {}", quote.id(), conversions.submit(quote, ACTOR));
            }
        } catch (LedgerBusyException | LedgerUnavailableException e) {
            log.debug("FX recovery deferred: {}", e.getMessage());
        }
    }
}
