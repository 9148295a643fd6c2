package org.finbridge.trade.internal;

import org.finbridge.trade.internal.matching.TradeRecordMatcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TradeConfiguration {

    /**
     * How far order total, paid amount and declared value may differ before the record mismatches, in
     * basis points of the order total. Platform policy, not a customs figure: payments and declarations
     * may include freight or rounding the item total does not.
     */
    @Bean
    TradeRecordMatcher tradeRecordMatcher(
            @Value("${finbridge.trade.matching.amount-tolerance-basis-points:100}") long toleranceBasisPoints) {
        return new TradeRecordMatcher(toleranceBasisPoints);
    }
}
