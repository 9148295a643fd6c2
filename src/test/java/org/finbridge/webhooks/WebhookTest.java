package org.finbridge.webhooks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.finbridge.support.ApplicationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with webhooks allowed, by explicit configuration, to reach a receiver on this
 * machine over plain http (the default refuses both), the background dispatcher slowed to once an
 * hour so that tests drive every pass themselves with the clock they move, and a few event types
 * declared. Webhook test classes share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@TestPropertySource(properties = {
        "finbridge.webhooks.allow-private-targets=true",
        "finbridge.webhooks.allow-plain-http=true",
        "finbridge.webhooks.dispatch-interval=1h",
        "finbridge.webhooks.request-timeout=3s"})
@Import(TestWebhookEvents.class)
public @interface WebhookTest {
}
