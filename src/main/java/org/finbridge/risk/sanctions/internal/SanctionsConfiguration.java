package org.finbridge.risk.sanctions.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SanctionsProperties.class)
class SanctionsConfiguration {
}
