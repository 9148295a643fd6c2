package org.finbridge.financing.internal;

import java.util.Optional;
import org.finbridge.financing.CreditStanding;
import org.finbridge.financing.ListingCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * What financing assumes when no credit registry answers: nothing is known. Both beans give way to any
 * other implementation ({@link Fallback}), which the credit registry provides.
 */
@Configuration(proxyBeanMethods = false)
class DefaultCreditData {

    @Bean
    @Fallback
    CreditStanding unknownCreditStanding() {
        return party -> Optional.empty();
    }

    @Bean
    @Fallback
    ListingCheck unknownListing() {
        return party -> ListingCheck.Listing.UNKNOWN;
    }

}
