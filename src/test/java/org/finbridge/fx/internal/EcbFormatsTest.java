package org.finbridge.fx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.fx.EuroFixing;
import org.finbridge.money.CurrencyCode;
import org.junit.jupiter.api.Test;

/** The ECB's two formats, read without the network: the history CSV and the daily XML feed. */
class EcbFormatsTest {

    static final String CSV = """
            Date,USD,JPY,CYP,CNY,
            2024-03-15,1.0892,162.03,N/A,7.838,
            2024-03-14,1.0925,161.92,N/A,7.8626,
            2005-03-31,1.2969,138.44,0.5842,N/A,
            """;

    static final String DAILY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <gesmes:subject>Reference rates</gesmes:subject>
              <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
              <Cube>
                <Cube time="2026-04-14">
                  <Cube currency="USD" rate="1.1702"/>
                  <Cube currency="JPY" rate="187.12"/>
                  <Cube currency="CNY" rate="7.9911"/>
                </Cube>
              </Cube>
            </gesmes:Envelope>
            """;

    @Test
    void theHistoryFileIsReadNewestFirstWithoutTheNotAvailableRates() {
        List<EuroFixing> all = EcbCsv.read(new BufferedReader(new StringReader(CSV)), "ECB", null);
        assertThat(all).extracting(EuroFixing::date).containsExactly(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 14),
                LocalDate.of(2005, 3, 31));
        assertThat(all.get(0).unitsPerEur()).containsOnlyKeys(CurrencyCode.of("USD"), CurrencyCode.of("JPY"), CurrencyCode.of("CNY"));
        assertThat(all.get(0).unitsPerEur().get(CurrencyCode.of("CNY"))).isEqualByComparingTo("7.838");
        assertThat(all.get(2).unitsPerEur()).containsKey(CurrencyCode.of("CYP")).doesNotContainKey(CurrencyCode.of("CNY"));
    }

    @Test
    void readingStopsAtTheNewestStoredDay() {
        List<EuroFixing> newer = EcbCsv.read(new BufferedReader(new StringReader(CSV)), "ECB", LocalDate.of(2024, 3, 14));
        assertThat(newer).extracting(EuroFixing::date).containsExactly(LocalDate.of(2024, 3, 15));
    }

    @Test
    void aFileOfAnotherShapeIsRefused() {
        assertThatThrownBy(() -> EcbCsv.read(new BufferedReader(new StringReader("Day,USD\n2024-03-15,1.0\n")), "ECB", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcbCsv.read(new BufferedReader(new StringReader("Date,USD,\n2024-03-15,-1.0,\n")), "ECB", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedHistoryHasEveryDayFrom1999() {
        List<EuroFixing> all = new EcbHistoryFile().fixingsAfter(null);
        assertThat(all).hasSize(6_983);
        assertThat(all.get(0).date()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(all.get(all.size() - 1).date()).isEqualTo(LocalDate.of(1999, 1, 4));
        assertThat(new EcbHistoryFile().fixingsAfter(LocalDate.of(2026, 4, 13))).isEmpty();
    }

    @Test
    void theDailyFeedIsReadAsOneFixing() {
        List<EuroFixing> fixings = EcbDailyXml.read(new ByteArrayInputStream(DAILY.getBytes(StandardCharsets.UTF_8)), "ECB");
        assertThat(fixings).hasSize(1);
        assertThat(fixings.get(0).date()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(fixings.get(0).unitsPerEur()).hasSize(3);
        assertThat(fixings.get(0).unitsPerEur().get(CurrencyCode.of("JPY"))).isEqualByComparingTo(new BigDecimal("187.12"));
    }

    @Test
    void aFeedWithADoctypeIsRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Envelope><Cube><Cube time="2026-04-14"><Cube currency="USD" rate="&x;"/></Cube></Cube></Envelope>
                """;
        assertThatThrownBy(() -> EcbDailyXml.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), "ECB"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
