package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.finbridge.banking.CrossBorderTransfer.Rail;
import org.finbridge.money.Money;
import org.junit.jupiter.api.Test;

/** pacs.008.001.08 for cross-border payouts over SWIFT gpi and CIPS. */
class InterbankTransfersTest {

    static final AccountHolder PAYER = new AccountHolder("Finbridge Payments B.V.", new AccountId.Iban("NL91ABNA0417164300"),
            new Agent.Bic("ABNANL2A"));
    static final AccountHolder MERCHANT = new AccountHolder("深圳市光明贸易有限公司", new AccountId.Other("6222021234567890"),
            new Agent.Bic("PCBCCNBJSZX"));

    static CrossBorderTransfer transfer(Rail rail, Money amount, ChargeBearer bearer, Agent intermediary) {
        return new CrossBorderTransfer(rail, "FB-PACS-0001", Instant.parse("2026-03-02T09:15:30Z"), LocalDate.of(2026, 3, 3),
                "FB-INSTR-0001", "PO-0190-0001", Uetr.derivedFrom("po_0190"), amount, bearer, new Agent.Bic("ABNANL2A"),
                new Agent.Bic("PCBCCNBJ"), intermediary, PAYER, MERCHANT, "Payout for orders 2026-02");
    }

    @Test
    void aSwiftGpiTransferCarriesItsUetrServiceLevelChargeBearerAndAgents() {
        WriteResult.Written file = (WriteResult.Written) InterbankTransfers.write(
                transfer(Rail.SWIFT_GPI, Money.ofMinor(1_250_000, "USD"), ChargeBearer.SHAR, new Agent.Bic("CHASUS33")));
        String xml = file.text();
        assertThat(file.messageType()).isEqualTo("pacs.008.001.08");
        assertThat(xml).contains("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\">")
                .contains("<SttlmMtd>INDA</SttlmMtd>")
                .contains("<SvcLvl>", "<Cd>G001</Cd>")
                .contains("<UETR>" + Uetr.derivedFrom("po_0190") + "</UETR>")
                .contains("<IntrBkSttlmAmt Ccy=\"USD\">12500.00</IntrBkSttlmAmt>")
                .contains("<ChrgBr>SHAR</ChrgBr>")
                .contains("<InstgAgt>", "<BICFI>ABNANL2A</BICFI>")
                .contains("<InstdAgt>", "<BICFI>PCBCCNBJ</BICFI>")
                .contains("<IntrmyAgt1>", "<BICFI>CHASUS33</BICFI>")
                .contains("<Nm>深圳市光明贸易有限公司</Nm>");
    }

    @Test
    void aCipsTransferClearsRenminbiThroughCips() {
        WriteResult.Written file = (WriteResult.Written) InterbankTransfers.write(
                transfer(Rail.CIPS, Money.ofMinor(8_800_000, "CNY"), ChargeBearer.DEBT, null));
        assertThat(file.text()).contains("<SttlmMtd>CLRG</SttlmMtd>", "<Prtry>CIPS</Prtry>", "<ChrgBr>DEBT</ChrgBr>")
                .doesNotContain("IntrmyAgt1").doesNotContain("G001");
        assertThat(InterbankTransfers.write(transfer(Rail.CIPS, Money.ofMinor(100, "USD"), ChargeBearer.CRED, null)))
                .isEqualTo(new WriteResult.Invalid("amount", "CIPS carries renminbi (CNY) only"));
    }

    @Test
    void everyChargeBearerIsAccepted() {
        for (ChargeBearer bearer : ChargeBearer.values()) {
            assertThat(InterbankTransfers.write(transfer(Rail.SWIFT_GPI, Money.ofMinor(1, "EUR"), bearer, null)))
                    .isInstanceOf(WriteResult.Written.class);
        }
    }

    @Test
    void aUetrIsAVersion4UuidAndADerivedOneIsStable() {
        Uetr derived = Uetr.derivedFrom("po_0190");
        assertThat(derived).isEqualTo(Uetr.derivedFrom("po_0190")).isNotEqualTo(Uetr.derivedFrom("po_0191"));
        assertThat(derived.toString()).matches("[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}");
        assertThat(Uetr.random().value().version()).isEqualTo(4);
        assertThatThrownBy(() -> new Uetr(UUID.fromString("0190a5c2-3b4d-7e6f-8a9b-0c1d2e3f4a5b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
