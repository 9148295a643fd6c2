package org.finbridge.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.fx.QuoteExecuted;
import org.finbridge.fx.QuoteId;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    final PartyId owner = new PartyId(UUID.fromString("01900000-0000-7000-8000-000000000001"));
    final QuoteExecuted event = new QuoteExecuted(new QuoteId(UUID.fromString("01900000-0000-7000-8000-000000000002")),
            owner, Money.ofMinor(10_000, "EUR"), Money.ofMinor(78_123, "CNY"), Money.ofMinor(150, "CNY"),
            Instant.parse("2026-11-27T10:15:30Z"));

    @Test
    void theEnvelopeCarriesCloudEventsAttributesAndTheEventsFieldsInExternalForm() {
        Map<String, Object> envelope = EventEnvelope.of(event, Instant.parse("2026-11-27T10:15:31Z"));

        assertThat(envelope).containsEntry("specversion", "1.0")
                .containsEntry("id", "fx-quote-executed:" + event.quoteId())
                .containsEntry("source", "finbridge/fx")
                .containsEntry("type", "fx.quote_executed")
                .containsEntry("subject", owner.toString())
                .containsEntry("time", "2026-11-27T10:15:31Z")
                .containsEntry("finbridgeversion", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) envelope.get("data");
        assertThat(data.get("owner")).isEqualTo(owner.toString()).asString().startsWith("pty_");
        assertThat(data.get("sold")).isEqualTo(Map.of("minorUnits", 10_000L, "currency", "EUR"));
        assertThat(data.get("executedAt")).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(List.copyOf(data.keySet())).containsExactly("quoteId", "owner", "sold", "bought", "spread", "executedAt");
    }

    @Test
    void topicsAreNamedByModuleAndEnvelopeVersion() {
        assertThat(EventEnvelope.topic(event)).isEqualTo("finbridge.fx.v1");
        assertThatThrownBy(() -> EventEnvelope.topic("not ours")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdIsTheSameForTheSameEvent() {
        QuoteExecuted again = new QuoteExecuted(event.quoteId(), owner, event.sold(), event.bought(), event.spread(),
                event.executedAt());
        assertThat(EventEnvelope.of(again, Instant.EPOCH).get("id")).isEqualTo(EventEnvelope.of(event, Instant.EPOCH).get("id"));
    }
}
