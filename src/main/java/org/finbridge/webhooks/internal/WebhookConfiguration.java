package org.finbridge.webhooks.internal;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    TargetPolicy webhookTargetPolicy(WebhookProperties properties) {
        if (properties.allowPrivateTargets() || properties.allowPlainHttp()) {
            log.warn("webhooks may go to private addresses ({}) or plain http ({}): a setting for tests only",
                    properties.allowPrivateTargets(), properties.allowPlainHttp());
        }
        return new TargetPolicy(properties.allowPrivateTargets(), properties.allowPlainHttp(), HostResolver.SYSTEM);
    }

    @Bean
    Sender webhookSender(TargetPolicy policy, WebhookProperties properties) {
        return new Sender(policy, properties.connectTimeout(), properties.requestTimeout());
    }

    @Bean
    RetrySchedule webhookRetrySchedule(WebhookProperties properties) {
        return new RetrySchedule(properties.firstRetryDelay(), properties.maxRetryDelay(), new SecureRandom());
    }
}
