package org.finbridge.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.webhooks.TestWebhookEvents.CAPTURED;
import static org.finbridge.webhooks.TestWebhookEvents.REFUNDED;

import java.time.Duration;
import java.util.List;
import org.finbridge.party.Actor;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A merchant manages its endpoints; other parties cannot see or touch them; bad input changes nothing. */
@WebhookTest
class WebhookEndpointsTest {

    static final String URL = "http://127.0.0.1:9/hooks";

    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Actor merchant;

    @BeforeEach
    void setUp() {
        merchant = Callers.merchant(clock);
    }

    private EndpointResult.Created create(List<String> types) {
        return (EndpointResult.Created) endpoints.create(merchant, new NewEndpoint(URL, types, "orders"));
    }

    @Test
    void aMerchantRegistersListsUpdatesDisablesEnablesAndRotatesItsEndpoint() {
        EndpointResult.Created created = create(List.of(REFUNDED, CAPTURED, CAPTURED));
        WebhookEndpoint endpoint = created.endpoint();
        assertThat(created.secret()).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(endpoint.eventTypes()).containsExactly(CAPTURED, REFUNDED);
        assertThat(endpoint.owner()).isEqualTo(merchant.partyId());
        assertThat(endpoint.status()).isEqualTo(EndpointStatus.ENABLED);
        assertThat(endpoints.list(merchant)).containsExactly(endpoint);
        assertThat(endpoints.find(merchant, endpoint.id())).contains(endpoint);

        var updated = (EndpointResult.Changed) endpoints.update(merchant, endpoint.id(),
                new EndpointChange("http://127.0.0.1:9/v2", List.of("*"), null));
        assertThat(updated.endpoint().url()).isEqualTo("http://127.0.0.1:9/v2");
        assertThat(updated.endpoint().eventTypes()).containsExactly("*");
        assertThat(updated.endpoint().description()).isEqualTo("orders");

        assertThat(((EndpointResult.Changed) endpoints.disable(merchant, endpoint.id())).endpoint().status())
                .isEqualTo(EndpointStatus.DISABLED);
        assertThat(((EndpointResult.Changed) endpoints.enable(merchant, endpoint.id())).endpoint().status())
                .isEqualTo(EndpointStatus.ENABLED);
        var rotated = (EndpointResult.SecretRotated) endpoints.rotateSecret(merchant, endpoint.id(), Duration.ofHours(2));
        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        assertThat(rotated.endpoint().previousSecretExpiresAt()).isAfter(clock.instant().plus(Duration.ofMinutes(119)));

        assertThat(auditActions(endpoint.id())).containsExactly("webhooks.endpoint.create", "webhooks.endpoint.update",
                "webhooks.endpoint.disable", "webhooks.endpoint.enable", "webhooks.endpoint.rotate_secret");
        assertThat(jdbc.sql("select distinct actor from audit_trail where object_id = :id")
                .param("id", endpoint.id().toString()).query(String.class).list()).containsExactly(merchant.name());
        String everything = String.join("|", jdbc.sql(
                "select coalesce(before_summary, '') || coalesce(after_summary, '') from audit_trail where object_id = :id")
                .param("id", endpoint.id().toString()).query(String.class).list());
        assertThat(everything).doesNotContain(created.secret()).doesNotContain(rotated.secret());
    }

    @Test
    void disablingTwiceOrEnablingAnEnabledEndpointChangesNothingMore() {
        WebhookEndpoint endpoint = create(List.of(CAPTURED)).endpoint();
        endpoints.enable(merchant, endpoint.id());
        endpoints.disable(merchant, endpoint.id());
        endpoints.disable(merchant, endpoint.id());
        assertThat(auditActions(endpoint.id())).containsExactly("webhooks.endpoint.create", "webhooks.endpoint.disable");
    }

    @Test
    void anotherPartysEndpointIsNotFoundAndStaysAsItWas() {
        WebhookEndpoint endpoint = create(List.of(CAPTURED)).endpoint();
        Actor stranger = Callers.merchant(clock);
        WebhookEndpointId id = endpoint.id();
        WebhookDeliveryId anyDelivery = WebhookDeliveryId.next(clock);

        assertThat(endpoints.find(stranger, id)).isEmpty();
        assertThat(endpoints.list(stranger)).isEmpty();
        assertThat(endpoints.update(stranger, id, new EndpointChange("http://127.0.0.1:9/stolen", null, null)))
                .isEqualTo(new EndpointResult.NotFound(id.toString()));
        assertThat(endpoints.disable(stranger, id)).isInstanceOf(EndpointResult.NotFound.class);
        assertThat(endpoints.enable(stranger, id)).isInstanceOf(EndpointResult.NotFound.class);
        assertThat(endpoints.rotateSecret(stranger, id, Duration.ZERO)).isInstanceOf(EndpointResult.NotFound.class);
        assertThat(endpoints.deliveries(stranger, id, null, null, 10)).isEmpty();
        assertThat(endpoints.delivery(stranger, id, anyDelivery)).isEmpty();
        assertThat(endpoints.redeliver(stranger, id, anyDelivery)).isInstanceOf(DeliveryResult.NotFound.class);

        assertThat(endpoints.find(merchant, id)).contains(endpoint);
        assertThat(auditActions(id)).containsExactly("webhooks.endpoint.create");
    }

    @Test
    void anOperatorSeesAnyPartysEndpoint() {
        WebhookEndpoint endpoint = create(List.of(CAPTURED)).endpoint();
        assertThat(endpoints.find(Callers.operator(clock), endpoint.id())).contains(endpoint);
    }

    @Test
    void badInputIsRefusedByNameAndWritesNothing() {
        int auditBefore = auditCount();
        assertRefused(new NewEndpoint("not a url", List.of(CAPTURED), null), new EndpointResult.InvalidField("url", null));
        assertRefused(new NewEndpoint(null, List.of(CAPTURED), null), new EndpointResult.InvalidField("url", null));
        assertRefused(new NewEndpoint("ftp://93.184.215.14/x", List.of(CAPTURED), null), new EndpointResult.InvalidField("url", null));
        assertRefused(new NewEndpoint(URL, List.of("payment.teleported"), null),
                new EndpointResult.UnknownEventType("payment.teleported"));
        assertRefused(new NewEndpoint(URL, List.of(), null), new EndpointResult.InvalidField("eventTypes", null));
        assertRefused(new NewEndpoint(URL, null, null), new EndpointResult.InvalidField("eventTypes", null));
        assertRefused(new NewEndpoint(URL, List.of(CAPTURED), "x".repeat(501)), new EndpointResult.InvalidField("description", null));

        WebhookEndpoint endpoint = create(List.of(CAPTURED)).endpoint();
        assertThat(endpoints.update(merchant, endpoint.id(), new EndpointChange(null, List.of("nope.nope"), null)))
                .isInstanceOf(EndpointResult.UnknownEventType.class);
        assertThat(endpoints.update(merchant, endpoint.id(), new EndpointChange("https://", null, null)))
                .isInstanceOf(EndpointResult.InvalidField.class);
        assertThat(endpoints.rotateSecret(merchant, endpoint.id(), Duration.ofDays(8))).isInstanceOf(EndpointResult.InvalidField.class);
        assertThat(endpoints.rotateSecret(merchant, endpoint.id(), Duration.ofSeconds(-1))).isInstanceOf(EndpointResult.InvalidField.class);
        assertThat(endpoints.find(merchant, endpoint.id())).contains(endpoint);
        assertThat(auditCount()).isEqualTo(auditBefore + 1);
    }

    @Test
    void aPartyHasAtMostSixteenEndpoints() {
        for (int i = 0; i < WebhookEndpoints.MAX_PER_PARTY; i++) {
            create(List.of(CAPTURED));
        }
        assertThat(endpoints.create(merchant, new NewEndpoint(URL, List.of(CAPTURED), null)))
                .isEqualTo(new EndpointResult.TooManyEndpoints(16));
        assertThat(endpoints.list(merchant)).hasSize(16);
    }

    private void assertRefused(NewEndpoint request, EndpointResult expected) {
        EndpointResult result = endpoints.create(merchant, request);
        assertThat(result).as(String.valueOf(request)).isInstanceOf(expected.getClass());
        if (expected instanceof EndpointResult.InvalidField field) {
            assertThat(((EndpointResult.InvalidField) result).field()).isEqualTo(field.field());
        } else {
            assertThat(result).isEqualTo(expected);
        }
        assertThat(endpoints.list(merchant)).isEmpty();
        assertThat(jdbc.sql("select count(*) from webhook_endpoints where party_id = :p").param("p", merchant.partyId().value())
                .query(Integer.class).single()).isZero();
    }

    private List<String> auditActions(WebhookEndpointId id) {
        return jdbc.sql("select action from audit_trail where object_id = :id order by sequence nulls last, staged_id").param("id", id.toString())
                .query(String.class).list();
    }

    private int auditCount() {
        return jdbc.sql("select count(*) from audit_trail").query(Integer.class).single();
    }
}
