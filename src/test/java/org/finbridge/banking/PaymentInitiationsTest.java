package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.banking.PayoutFiles.batch;
import static org.finbridge.banking.PayoutFiles.toCnaps;
import static org.finbridge.banking.PayoutFiles.toIban;

import java.math.BigDecimal;
import org.finbridge.money.Money;
import org.junit.jupiter.api.Test;

/** pain.001.001.09 payout files: totals exact, schema-valid, every refusal names its field. */
class PaymentInitiationsTest {

    @Test
    void aBatchBecomesASchemaValidFileWithExactTotals() {
        WriteResult result = PaymentInitiations.write(batch(toIban("E2E-1", Money.ofMinor(1050, "EUR")),
                toIban("E2E-2", Money.ofMinor(25, "EUR")), toIban("E2E-3", Money.ofMinor(100_000_000_00L, "EUR"))));
        WriteResult.Written file = (WriteResult.Written) result;
        assertThat(file.messageType()).isEqualTo("pain.001.001.09");
        assertThat(file.numberOfTransactions()).isEqualTo(3);
        assertThat(file.controlSum()).isEqualTo(new BigDecimal("100000010.75"));
        String xml = file.text();
        assertThat(xml).contains("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">");
        assertThat(xml.split("<NbOfTxs>3</NbOfTxs>", -1)).hasSize(3); // group header and payment information
        assertThat(xml.split("<CtrlSum>100000010.75</CtrlSum>", -1)).hasSize(3);
        assertThat(xml).contains("<InstdAmt Ccy=\"EUR\">0.25</InstdAmt>").contains("<EndToEndId>E2E-2</EndToEndId>");
    }

    @Test
    void theControlSumCarriesEachCurrencysDecimals() {
        WriteResult.Written yen = (WriteResult.Written) PaymentInitiations.write(batch(
                toIban("J-1", Money.ofMinor(2700, "JPY")), toIban("J-2", Money.ofMinor(5, "JPY"))));
        assertThat(yen.controlSum()).isEqualTo(new BigDecimal("2705"));
        assertThat(yen.text()).contains("<CtrlSum>2705</CtrlSum>").contains("<InstdAmt Ccy=\"JPY\">2700</InstdAmt>");
        WriteResult.Written dinar = (WriteResult.Written) PaymentInitiations.write(batch(toIban("K-1", Money.ofMinor(1, "KWD"))));
        assertThat(dinar.text()).contains("<CtrlSum>0.001</CtrlSum>").contains("<InstdAmt Ccy=\"KWD\">0.001</InstdAmt>");
    }

    @Test
    void aChineseBankIsReachedByItsCnapsCode() {
        WriteResult.Written file = (WriteResult.Written) PaymentInitiations.write(batch(toCnaps("CN-1", Money.ofMinor(880_000, "CNY"))));
        assertThat(file.text()).contains("<Cd>CNAPS</Cd>").contains("<MmbId>102584000002</MmbId>")
                .contains("<Id>6222021234567890</Id>");
        PayoutBatch back = ((ParseResult.Parsed<PayoutBatch>) PayoutFiles.readBack(file)).value();
        assertThat(back.transfers().getFirst().creditor().name()).isEqualTo("深圳市光明贸易有限公司");
        assertThat(back.transfers().getFirst().creditor().agent()).isEqualTo(new Agent.ClearingMember("CNAPS", "102584000002"));
    }

    @Test
    void aFileReadsBackAsTheBatchItWasWrittenFrom() {
        PayoutBatch batch = batch(toIban("E2E-1", Money.ofMinor(1050, "EUR")), toCnaps("E2E-2", Money.ofMinor(99, "CNY")));
        assertThat(PayoutFiles.readBack(PaymentInitiations.write(batch))).isEqualTo(new ParseResult.Parsed<>(batch));
    }

    @Test
    void aBatchThatCannotMakeAValidFileIsRefusedByField() {
        assertThat(PaymentInitiations.write(batch())).isEqualTo(new WriteResult.Invalid("transfers", "a batch needs at least one transfer"));
        assertThat(PaymentInitiations.write(batch(toIban("SAME", Money.ofMinor(1, "EUR")), toIban("SAME", Money.ofMinor(2, "EUR")))))
                .isEqualTo(new WriteResult.Invalid("transfers[1].endToEndId", "'SAME' appears twice: the bank's reports could not tell them apart"));
        assertThat(PaymentInitiations.write(batch(toIban("X".repeat(36), Money.ofMinor(1, "EUR")))))
                .isEqualTo(new WriteResult.Invalid("transfers[0].endToEndId", "is longer than 35 characters"));
        assertThat(PaymentInitiations.write(batch(toIban("ZERO", Money.ofMinor(0, "EUR")))))
                .isEqualTo(new WriteResult.Invalid("transfers[0].amount", "a payout must be positive"));
        CreditTransfer badBic = new CreditTransfer("B-1", Money.ofMinor(1, "EUR"), new AccountHolder("Someone",
                new AccountId.Iban("DE89370400440532013000"), new Agent.Bic("NOT A BIC")), null);
        WriteResult.Invalid schema = (WriteResult.Invalid) PaymentInitiations.write(batch(badBic));
        assertThat(schema.field()).isEqualTo("document");
        assertThat(schema.reason()).contains("BICFI").contains("NOT A BIC");
    }

    @Test
    void aFileWhoseTotalsDisagreeIsRefused() {
        String xml = ((WriteResult.Written) PaymentInitiations.write(batch(toIban("E2E-1", Money.ofMinor(1050, "EUR")))))
                .text().replaceFirst("<CtrlSum>10.50</CtrlSum>", "<CtrlSum>10.51</CtrlSum>");
        ParseResult<PayoutBatch> read = PaymentInitiations.parse(new java.io.ByteArrayInputStream(
                xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Refusal refusal = ((ParseResult.Refused<PayoutBatch>) read).refusal();
        assertThat(refusal.reason()).isEqualTo(Refusal.Reason.INVALID_CONTENT);
        assertThat(refusal.detail()).isEqualTo("group header CtrlSum 10.51 but the transactions sum to 10.50");
    }
}
