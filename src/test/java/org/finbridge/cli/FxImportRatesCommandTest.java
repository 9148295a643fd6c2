package org.finbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.finbridge.support.Api;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An installation without a route to the ECB refreshes its rates from a downloaded file; quotes, which
 * need a recent fixing, then work.
 */
@ApplicationTest
class FxImportRatesCommandTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    TestActors actors;

    @TempDir
    Path dir;

    private String run(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new FxImportRatesCommand().run(List.of(file.toString()), context,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aDownloadedDailyFileMakesTodaysRatesAndQuotesAvailable() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30);
        clock.advance(java.time.Duration.ofDays(30));
        Path xml = dir.resolve("eurofxref-daily.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <gesmes:subject>Reference rates</gesmes:subject>
                  <Cube>
                    <Cube time="%s">
                      <Cube currency="USD" rate="1.1000"/>
                      <Cube currency="CNY" rate="7.9200"/>
                    </Cube>
                  </Cube>
                </gesmes:Envelope>
                """.formatted(today));
        assertThat(run(xml)).isEqualTo("RESULT fixings_added=1");
        assertThat(run(xml)).as("importing again adds nothing").isEqualTo("RESULT fixings_added=0");

        Api merchant = actors.party(org.finbridge.party.PartyKind.MERCHANT).api(port);
        Api.Response rate = merchant.get("/api/v1/fx/reference-rates?base=USD&quote=CNY&date=" + today);
        assertThat(rate.status()).as(String.valueOf(rate.body())).isEqualTo(200);
        assertThat(rate.body().get("date").asString()).isEqualTo(today.toString());
        assertThat(new java.math.BigDecimal(rate.body().get("rate").asString())).isEqualByComparingTo("7.2");
        Api.Response quote = merchant.post("/api/v1/fx/quotes", Map.of("sellCurrency", "USD", "buyCurrency", "CNY",
                "sellAmount", 10_000));
        assertThat(quote.status()).as(String.valueOf(quote.body())).isEqualTo(201);
    }

    @Test
    void aFileThatIsNotAnEcbFileIsRefusedAndAddsNothing() throws Exception {
        Path bad = dir.resolve("rates.csv");
        Files.writeString(bad, "when,USD\n2026-01-01,1.1\n");
        assertThatThrownBy(() -> run(bad)).hasMessageContaining("not an ECB history file");
        Path hostile = dir.resolve("rates.xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThatThrownBy(() -> run(hostile)).isInstanceOf(RuntimeException.class);
    }
}
