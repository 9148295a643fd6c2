package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.payments.PaymentsHttp.cardPayment;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Card numbers go through every path a card can take (approved, declined, challenged, refused at the
 * edge, malformed requests, captures, refunds, idempotent replays); afterwards no table of the database
 * and nothing the application logged holds a card number — only BIN and last four (PCI DSS 3.4).
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class CardDataScanTest {

    static final List<String> CARDS = List.of("4242424242424242", "5555555555554444", "378282246310005",
            "6200000000000005", "3566002020360505", "4000000000000002", "4000000000009995", "4100000000000019",
            "4000000000003220", "4000000000000408", "4242424242424241");

    @LocalServerPort
    int port;
    @Autowired
    Parties parties;
    @Autowired
    ApiKeys keys;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noCardNumberIsStoredOrLogged(CapturedOutput output) {
        PartyId merchant = new PaymentFixtures(parties, ledger, tokenizer).merchant("DE");
        PaymentsHttp api = new PaymentsHttp(port, PaymentsHttp.issueKey(keys, merchant, ApiScope.PAYMENTS_READ,
                ApiScope.PAYMENTS_WRITE));
        for (String card : CARDS) {
            String key = UUID.randomUUID().toString();
            String body = cardPayment(1_234, "EUR", spaced(card), "scan-" + key, "MANUAL");
            var r = api.post("/api/v1/payments", key, body);
            api.post("/api/v1/payments", key, body);
            if (r.status() == 201 && "AUTHORIZED".equals(r.field("state"))) {
                api.post("/api/v1/payments/" + r.field("id") + "/capture", UUID.randomUUID().toString(), Map.of());
                api.post("/api/v1/payments/" + r.field("id") + "/refunds", UUID.randomUUID().toString(), Map.of("amount", 100));
            }
            if (r.status() == 201 && "REQUIRES_ACTION".equals(r.field("state"))) {
                api.post("/api/v1/payments/" + r.field("id") + "/3ds", UUID.randomUUID().toString(), Map.of("authenticated", true));
            }
            // malformed and invalid requests carrying the number
            api.post("/api/v1/payments", UUID.randomUUID().toString(), body.replace("\"amount\":1234", "\"amount\":\"lots\""));
            api.post("/api/v1/payments", UUID.randomUUID().toString(), body.replace("\"cvc\":\"123\"", "\"cvc\":\"12x\""));
            api.post("/api/v1/payments", UUID.randomUUID().toString(), body.replace("2099", "2001"));
            api.post("/api/v1/payments", UUID.randomUUID().toString(), body.substring(0, body.length() - 3));
        }

        List<String> found = new ArrayList<>();
        for (String table : tables()) {
            jdbc.sql("select * from \"" + table + "\"").query((ResultSet rs) -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    String value = rs.getString(c);
                    if (value != null && containsCard(value)) {
                        found.add(table + "." + rs.getMetaData().getColumnName(c) + ": " + value);
                    }
                }
            });
        }
        assertThat(found).as("card numbers in the database").isEmpty();
        assertThat(containsCard(output.getAll())).as("a card number in the logs").isFalse();
        assertThat(jdbc.sql("select count(*) from payments where card_last4 is not null").query(Long.class).single())
                .isPositive();
    }

    private List<String> tables() {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema "
                + "and table_type = 'BASE TABLE'").query(String.class).list();
    }

    private static boolean containsCard(String text) {
        return CARDS.stream().anyMatch(c -> text.contains(c) || text.contains(spaced(c)));
    }

    private static String spaced(String card) {
        return card.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
