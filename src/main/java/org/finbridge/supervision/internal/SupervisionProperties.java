package org.finbridge.supervision.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Supervision settings ({@code finbridge.supervision.*}).
 *
 * @param rulesFile a rule book replacing the one shipped with the module (same CSV format); null for the default
 * @param identityKey the key of the HMAC that identity documents are tracked by: the same on every node, kept
 *                    secret, so that a stolen table reveals no document numbers
 */
@ConfigurationProperties("finbridge.supervision")
record SupervisionProperties(String rulesFile, String identityKey) {

    SupervisionProperties {
        identityKey = identityKey == null || identityKey.isBlank() ? "finbridge-development-only-identity-key" : identityKey;
    }
}
