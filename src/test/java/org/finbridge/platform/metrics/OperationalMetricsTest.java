package org.finbridge.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The modules' database gauges reach the Prometheus endpoint and follow what happens. */
@ApplicationTest
class OperationalMetricsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestActors actors;

    @Autowired
    SqlGauges gauges;

    @Autowired
    Parties parties;

    @Autowired
    Ledger ledger;

    @Autowired
    CardTokenizer tokenizer;

    @Autowired
    Payments payments;

    @Test
    void paymentsByStateWebhookBacklogSettlementAndEventsAreExported() {
        gauges.refresh();
        long before = captured(scrape());

        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        for (int i = 0; i < 3; i++) {
            PaymentFixtures.done(payments.create(PaymentFixtures.merchantActor(merchant), PaymentFixtures.payment(merchant,
                    4_200, "EUR", fixtures.card(PaymentFixtures.VISA_OK), CaptureMethod.AUTOMATIC, "FR")));
        }
        gauges.refresh();
        String metrics = scrape();

        assertThat(captured(metrics)).isEqualTo(before + 3);
        assertThat(metrics).contains("finbridge_payment_operations_pending ")
                .contains("finbridge_reconciliation_exceptions ")
                .contains("finbridge_event_publications_incomplete ");
    }

    private String scrape() {
        var answer = actors.operator().api(port).get("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        return answer.raw().body();
    }

    private static long captured(String metrics) {
        Matcher m = Pattern.compile("(?m)^finbridge_payments\\{state=\"CAPTURED\"} ([0-9.E]+)$").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
