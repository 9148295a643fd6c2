package org.finbridge.risk.aml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.risk.aml.ReportType;
import org.junit.jupiter.api.Test;

/** The XML writer's documents validate against the shipped schema, and the schema does refuse bad ones. */
class ReportXmlTest {

    static final Instant AT = Instant.parse("2026-03-10T04:00:00Z");
    static final PartyId PARTY = new PartyId(UUID.fromString("0190aaaa-0000-7000-8000-000000000001"));

    static AmlTransaction tx(String currency, long minor, String cpCountry) {
        return new AmlTransaction("payment:pay_1:3:merchant", PARTY, false, "CN", AmlTransaction.Direction.CREDIT,
                AmlTransaction.Kind.PAYMENT, false, Money.ofMinor(minor, currency), 7_200_00L, 1_000_00L, "ext:buyer & <co>",
                cpCountry, "ORDER-1", "pay_1", AT);
    }

    static ReportXml.Header header(ReportType type) {
        return new ReportXml.Header("amlrpt_1", type, "@N", null, AT, LocalDate.of(2026, 3, 17), LocalDate.of(2036, 3, 10));
    }

    @Test
    void aLargeValueReportValidatesAndCarriesTheMonitoringCentresItems() {
        String xml = ReportXml.write(header(ReportType.LTR), new ReportXml.Customer(PARTY.toString(), "深圳市某某贸易有限公司",
                        false, "21", "91440300MA5EXAMPLE", "CN"),
                new ReportXml.LargeValue("0502", LocalDate.of(2026, 3, 10), "CREDIT", 0, 200_000_00L), null,
                List.of(tx("USD", 200_000_00L, "US"), tx("JPY", 1_000, "JP"), tx("KWD", 1_234, null)));
        assertThat(ReportXml.problem(xml)).isNull();
        assertThat(xml).contains("<CRCD>0502</CRCD>", "<Nationality>CHN</Nationality>", "<IdType>21</IdType>",
                "<CounterpartyCountry>USA</CounterpartyCountry>", "<Location>@N</Location>", "<Amount>1.234</Amount>",
                "<Amount>1000</Amount>", "<FINC>@N</FINC>", "深圳市某某贸易有限公司", "ext:buyer &amp; &lt;co&gt;");
    }

    @Test
    void aSuspiciousTransactionReportValidates() {
        String xml = ReportXml.write(header(ReportType.STR), new ReportXml.Customer(PARTY.toString(), null, true, null, null, null),
                null, new ReportXml.Suspicion("amlcase_1", List.of(new ReportXml.RuleHit("structuring", "2026-03-10:CREDIT",
                        "3 credits just under")), "pattern confirmed", "user:a@x", "user:b@x", AT, AT.plusSeconds(3600)),
                List.of(tx("CNY", 1_900_000_00L, "CN")));
        assertThat(ReportXml.problem(xml)).isNull();
        assertThat(xml).contains("<Nationality>@N</Nationality>", "<Rule name=\"structuring\"");
    }

    @Test
    void theSchemaRefusesAnUnknownFeatureCodeAMissingItemOrABrokenDocument() {
        String good = ReportXml.write(header(ReportType.LTR), new ReportXml.Customer(PARTY.toString(), "X", false, null, null, "CN"),
                new ReportXml.LargeValue("0502", LocalDate.of(2026, 3, 10), "CREDIT", 0, 0), null, List.of());
        assertThat(ReportXml.problem(good)).isNull();
        assertThat(ReportXml.problem(good.replace("<CRCD>0502</CRCD>", "<CRCD>0599</CRCD>"))).contains("0599");
        assertThat(ReportXml.problem(good.replaceAll("<RICD>.*</RICD>", ""))).isNotNull();
        assertThat(ReportXml.problem(good.replace("<Nationality>CHN</Nationality>", "<Nationality>China</Nationality>"))).isNotNull();
        assertThat(ReportXml.problem(good.substring(0, good.length() / 2))).isNotNull();
    }

    @Test
    void deadlinesCountFiveWorkingDaysSkippingWeekends() {
        assertThat(WorkingDays.plus(LocalDate.of(2026, 3, 10), 5)).isEqualTo(LocalDate.of(2026, 3, 17)); // Tue → Tue
        assertThat(WorkingDays.plus(LocalDate.of(2026, 3, 13), 5)).isEqualTo(LocalDate.of(2026, 3, 20)); // Fri → Fri
        assertThat(WorkingDays.plus(LocalDate.of(2026, 3, 14), 1)).isEqualTo(LocalDate.of(2026, 3, 16)); // Sat → Mon
    }
}
