package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.finbridge.money.Money;

/** Generated payout batches → pain.001.001.09 → valid against the schema → read back equal. */
class PayoutBatchRoundTripProperties {

    /** Checked here with a plain JDK validator, independently of the writer's own check. */
    static final Schema PAIN_001 = schema();

    @Property(tries = 200)
    void aBatchSurvivesTheRoundTripThroughItsFile(@ForAll("batches") PayoutBatch batch) throws Exception {
        WriteResult.Written file = (WriteResult.Written) PaymentInitiations.write(batch);

        PAIN_001.newValidator().validate(new StreamSource(new ByteArrayInputStream(file.xml())));
        assertThat(file.numberOfTransactions()).isEqualTo(batch.transfers().size());
        BigDecimal sum = batch.transfers().stream()
                .map(t -> BigDecimal.valueOf(t.amount().minorUnits(), t.amount().currency().exponent()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(file.controlSum()).isEqualByComparingTo(sum);
        assertThat(file.text()).contains("<CtrlSum>" + file.controlSum().toPlainString() + "</CtrlSum>");

        assertThat(PaymentInitiations.parse(new ByteArrayInputStream(file.xml()))).isEqualTo(new ParseResult.Parsed<>(batch));
    }

    @Provide
    Arbitrary<PayoutBatch> batches() {
        Arbitrary<List<CreditTransfer>> transfers = transfer().list().ofMinSize(1).ofMaxSize(12)
                .map(PayoutBatchRoundTripProperties::uniqueEndToEndIds);
        return Combinators.combine(text(35), instants(), text(140), text(35), holder(true), dates(), transfers)
                .as(PayoutBatch::new);
    }

    Arbitrary<CreditTransfer> transfer() {
        return Combinators.combine(text(35), money(), holder(false), text(140).injectNull(0.3)).as(CreditTransfer::new);
    }

    static List<CreditTransfer> uniqueEndToEndIds(List<CreditTransfer> transfers) {
        return IntStream.range(0, transfers.size()).mapToObj(i -> {
            CreditTransfer t = transfers.get(i);
            String suffix = "-" + i;
            String id = t.endToEndId().length() + suffix.length() > 35 ? t.endToEndId().substring(0, 35 - suffix.length()) : t.endToEndId();
            return new CreditTransfer(id.strip() + suffix, t.amount(), t.creditor(), t.remittanceInformation());
        }).toList();
    }

    Arbitrary<AccountHolder> holder(boolean agentRequired) {
        Arbitrary<Agent> agent = agentRequired ? agent() : agent().injectNull(0.3);
        return Combinators.combine(text(140), account(), agent).as(AccountHolder::new);
    }

    Arbitrary<AccountId> account() {
        Arbitrary<AccountId> iban = Combinators.combine(Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                        Arbitraries.strings().numeric().ofLength(2),
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30))
                .as((country, check, bban) -> new AccountId.Iban(country + check + bban));
        Arbitrary<AccountId> other = Arbitraries.strings().numeric().withChars('-').ofMinLength(1).ofMaxLength(34)
                .filter(s -> !s.isBlank()).map(AccountId.Other::new);
        return Arbitraries.oneOf(iban, other);
    }

    Arbitrary<Agent> agent() {
        Arbitrary<String> alnum = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(2);
        Arbitrary<Agent> bic = Combinators.combine(alnum, alnum, Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
                        alnum, Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(3).injectNull(0.5))
                .as((a, b, country, location, branch) -> new Agent.Bic(a + b + country + location + (branch == null ? "" : branch)));
        Arbitrary<Agent> member = Combinators.combine(Arbitraries.of("CNAPS", "USABA", "GBDSC", "DEBLZ"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(35)).as(Agent.ClearingMember::new);
        return Arbitraries.oneOf(bic, member);
    }

    Arbitrary<Money> money() {
        return Combinators.combine(Arbitraries.longs().between(1, 999_999_999_999L),
                Arbitraries.of("EUR", "USD", "GBP", "JPY", "KWD", "CNY", "HKD", "BHD")).as(Money::ofMinor);
    }

    /** ISO Max…Text: any characters, at least one, no leading or trailing space; Latin, Chinese and XML specials. */
    static Arbitrary<String> text(int max) {
        return Arbitraries.strings().alpha().numeric().withChars(" /-?:().,'+&<>\"é中文贸易")
                .ofMinLength(1).ofMaxLength(max).map(String::strip).filter(s -> !s.isEmpty());
    }

    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(1_577_836_800_000_000L, 2_082_758_400_000_000L) // 2020 .. 2036, in µs
                .map(micros -> Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
    }

    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 5000).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    }

    private static Schema schema() {
        try (InputStream xsd = PayoutBatchRoundTripProperties.class.getResourceAsStream("/iso20022/xsd/pain.001.001.09.xsd")) {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
