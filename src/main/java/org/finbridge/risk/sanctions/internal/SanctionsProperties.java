package org.finbridge.risk.sanctions.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code finbridge.sanctions.*}.
 *
 * @param threshold the score from which a name is a possible match (0.88: see README for the measured
 *                  recall and false-hit rate at this threshold)
 * @param requiredLists the lists a party must have been screened against before screening may answer
 *                      "clear" (AML Law arts. 40–41: the designated lists; OFAC SDN by default, add
 *                      UN-SC once it is imported). Without them a party goes to a person
 * @param refreshInterval how often each node checks for a list imported on another node
 * @param rescreenMaxParties the most parties of one kind screened again after a list change
 */
@ConfigurationProperties("finbridge.sanctions")
record SanctionsProperties(BigDecimal threshold, List<String> requiredLists, Duration refreshInterval,
                           Integer rescreenMaxParties) {

    SanctionsProperties {
        threshold = threshold == null ? new BigDecimal("0.88") : threshold;
        if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("finbridge.sanctions.threshold must be in (0, 1], got " + threshold);
        }
        requiredLists = requiredLists == null ? List.of("OFAC-SDN") : List.copyOf(requiredLists);
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
        rescreenMaxParties = rescreenMaxParties == null ? 1_000_000 : rescreenMaxParties;
    }
}
