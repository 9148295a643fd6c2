package org.finbridge.webhooks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Event types the webhook tests publish, declared as a publishing module would. */
@TestConfiguration(proxyBeanMethods = false)
public class TestWebhookEvents {

    public static final String CAPTURED = "payment.captured";
    public static final String REFUNDED = "payment.refunded";

    @Bean
    WebhookEventTypes testPaymentEvents() {
        return WebhookEventTypes.of(CAPTURED, REFUNDED);
    }
}
