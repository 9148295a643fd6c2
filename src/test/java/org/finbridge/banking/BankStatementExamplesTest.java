package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finbridge.banking.Examples.parsed;
import static org.finbridge.banking.Examples.refused;
import static org.finbridge.banking.Examples.text;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The shipped examples read as their authors wrote them (expected values worked out by hand from the
 * files), and the variations real bank files bring: byte-order marks, several statements, missing
 * namespaces, other versions; and content that has no exact meaning is refused, never guessed.
 */
class BankStatementExamplesTest {

    @Test
    void theIsoCamt053BusinessExampleHasThreeBookedEntries() {
        List<BankStatement> statements = parsed(text(Examples.CAMT053_V04));
        assertThat(statements).hasSize(1);
        BankStatement s = statements.getFirst();
        assertThat(s.kind()).isEqualTo(BankStatement.Kind.STATEMENT);
        assertThat(s.messageType()).isEqualTo("camt.053.001.04");
        assertThat(s.messageId()).isEqualTo("AAAASESS-FP-STAT001");
        assertThat(s.statementId()).isEqualTo("AAAASESS-FP-STAT001");
        assertThat(s.account()).isEqualTo(new AccountId.Other("50000000054910000003"));
        assertThat(s.balances()).extracting(Balance::type, Balance::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OPBD", Money.ofMinor(50_000_000, "SEK")),
                org.assertj.core.groups.Tuple.tuple("CLBD", Money.ofMinor(43_567_850, "SEK")));

        StatementEntry first = s.entries().get(0);
        assertThat(first.amount()).isEqualTo(Money.ofMinor(10_567_850, "SEK")); // 105678.50 SEK
        assertThat(first.creditDebit()).isEqualTo(CreditDebit.CRDT);
        assertThat(first.status()).isEqualTo("BOOK");
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2010, 10, 18)); // 2010-10-18T13:15:00+01:00
        assertThat(first.valueDate()).isEqualTo(LocalDate.of(2010, 10, 18));
        assertThat(first.endToEndId()).isEqualTo("MUELL/FINP/RA12345");
        assertThat(first.bankReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
        assertThat(first.bankTransactionCode()).isEqualTo("PAYM/0001/0005");
        assertThat(first.transactions().getFirst().counterpartyName()).isEqualTo("MUELLER");

        StatementEntry batch = s.entries().get(1);
        assertThat(batch.amount()).isEqualTo(Money.ofMinor(20_000_000, "SEK"));
        assertThat(batch.creditDebit()).isEqualTo(CreditDebit.DBIT);
        assertThat(batch.transactions()).isEmpty();
        assertThat(batch.endToEndId()).isNull();

        StatementEntry fx = s.entries().get(2);
        assertThat(fx.amount()).isEqualTo(Money.ofMinor(3_000_000, "SEK"));
        assertThat(fx.endToEndId()).isEqualTo("AAAASS1085FINPSS");
        assertThat(fx.transactions().getFirst().instructionId()).isEqualTo("FP-004567-FX");
        assertThat(fx.transactions().getFirst().amount()).isEqualTo(Money.ofMinor(325_500, "EUR"));
    }

    @Test
    void theCamt054ExampleIsOneNotificationOfOneCredit() {
        BankStatement n = parsed(text(Examples.CAMT054_V04)).getFirst();
        assertThat(n.kind()).isEqualTo(BankStatement.Kind.NOTIFICATION);
        assertThat(n.statementId()).isEqualTo("AAAASESS-FP-CN-98765");
        assertThat(n.entries()).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Money.ofMinor(10_567_850, "SEK"));
            assertThat(e.bankReference()).isEqualTo("AAAASESS-FP-CN-98765/01");
        });
    }

    @Test
    void theCamt053Version08ExampleReadsStatusCodesAndPartiesUnderPty() {
        BankStatement s = parsed(text(Examples.CAMT053_V08)).getFirst();
        assertThat(s.messageType()).isEqualTo("camt.053.001.08");
        assertThat(s.account()).isEqualTo(new AccountId.Other("NL26VAYB8060476890"));
        assertThat(s.balances()).extracting(Balance::amount).containsExactly(Money.ofMinor(1815, "EUR"),
                Money.ofMinor(2700, "SEK"), Money.ofMinor(3500, "CHF"), Money.ofMinor(2700, "JPY"));
        assertThat(s.balances().get(1).signedMinorUnits()).isEqualTo(-2700);
        StatementEntry e = s.entries().getFirst();
        assertThat(e.amount()).isEqualTo(Money.ofMinor(885, "EUR"));
        assertThat(e.status()).isEqualTo("BOOK");
        assertThat(e.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(e.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(e.bankTransactionCode()).isEqualTo("PMNT/RCDT/BOOK");
        TransactionDetails t = e.transactions().getFirst();
        assertThat(t.counterpartyName()).isEqualTo("NAME NAME");
        assertThat(t.counterpartyAccount()).isEqualTo("NL56AGDH9619008421");
        assertThat(t.creditorReference()).isEqualTo("4654654654654654");
    }

    @Test
    void aStatementWrappedWithABusinessApplicationHeaderIsRead() {
        BankStatement s = parsed(text(Examples.CAMT053_V07_APPHDR)).getFirst();
        assertThat(s.messageType()).isEqualTo("camt.053.001.07");
        assertThat(s.statementId()).isEqualTo("SDFSDF");
        assertThat(s.accountCurrency()).isEqualTo("USD");
        assertThat(s.entries()).isEmpty();
        assertThat(s.balances()).extracting(Balance::amount).containsExactly(Money.ofMinor(23_423_400, "USD"),
                Money.ofMinor(23_429_900, "USD"));
    }

    @Test
    void aByteOrderMarkIsNoObstacle() {
        byte[] xml = Examples.bytes(Examples.CAMT053_V08);
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);
        assertThat(Examples.parse(withBom)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void severalStatementsInOneFileAreReadInOrder() {
        String xml = text(Examples.CAMT053_V04);
        int start = xml.indexOf("<Stmt>");
        int end = xml.indexOf("</Stmt>") + "</Stmt>".length();
        String second = xml.substring(start, end).replace("<Id>AAAASESS-FP-STAT001</Id>", "<Id>AAAASESS-FP-STAT002</Id>");
        List<BankStatement> statements = parsed(xml.substring(0, end) + second + xml.substring(end));
        assertThat(statements).extracting(BankStatement::statementId).containsExactly("AAAASESS-FP-STAT001", "AAAASESS-FP-STAT002");
        assertThat(statements.get(1).entries()).hasSize(3);
    }

    @Test
    void aFileWithoutNamespaceIsReadByItsElementNames() {
        String xml = text(Examples.CAMT053_V04).replaceFirst("xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\"", "");
        BankStatement s = parsed(xml).getFirst();
        assertThat(s.messageType()).isEqualTo("camt.053");
        assertThat(s.entries()).hasSize(3);
    }

    @Test
    void aMisspeltNamespaceIsReadByTheVersionItsApplicationHeaderNames() {
        String xml = text(Examples.CAMT053_V07_APPHDR).replace("xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.07'",
                "xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.7'");
        assertThat(parsed(xml).getFirst().messageType()).isEqualTo("camt.053.001.07");
    }

    @Test
    void aVersionWithoutShippedSchemaIsReadAndOneOutsideTheRangeIsRefused() {
        String v05 = text(Examples.CAMT053_V04).replace("camt.053.001.04", "camt.053.001.05");
        assertThat(parsed(v05).getFirst().messageType()).isEqualTo("camt.053.001.05");
        String v12 = text(Examples.CAMT053_V04).replace("camt.053.001.04", "camt.053.001.12");
        assertThat(refused(v12).reason()).isEqualTo(Refusal.Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void anotherMessageTypeIsRefusedByName() {
        Refusal r = refused(text(Examples.PACS008_V07_APPHDR));
        assertThat(r.reason()).isEqualTo(Refusal.Reason.UNKNOWN_MESSAGE_TYPE);
        assertThat(r.detail()).contains("pacs.008.001.07");
    }

    @Test
    void aSchemaViolationIsRefusedWithItsPlace() {
        String xml = text(Examples.CAMT053_V08).replace("<CdtDbtInd>CRDT</CdtDbtInd>\n                <Sts>",
                "<CdtDbtInd>SIDEWAYS</CdtDbtInd>\n                <Sts>");
        Refusal r = refused(xml);
        assertThat(r.reason()).isEqualTo(Refusal.Reason.SCHEMA_INVALID);
        assertThat(r.detail()).contains("/Document/BkToCstmrStmt/Stmt/Ntry/CdtDbtInd").contains("SIDEWAYS");
    }

    @Test
    void amountsCountInTheMinorUnitOfTheirCurrency() {
        String jpy = text(Examples.CAMT053_V08).replace("<Amt Ccy=\"EUR\">8.85</Amt>", "<Amt Ccy=\"JPY\">885</Amt>");
        assertThat(parsed(jpy).getFirst().entries().getFirst().amount()).isEqualTo(Money.ofMinor(885, "JPY"));
        String kwd = text(Examples.CAMT053_V08).replace("<Amt Ccy=\"EUR\">8.85</Amt>", "<Amt Ccy=\"KWD\">8.855</Amt>");
        assertThat(parsed(kwd).getFirst().entries().getFirst().amount()).isEqualTo(Money.ofMinor(8855, "KWD"));
    }

    @Test
    void anAmountFinerThanItsCurrencyOrInAnUnknownCurrencyIsRefusedNotRounded() {
        Refusal finer = refused(text(Examples.CAMT053_V08).replace("<Amt Ccy=\"EUR\">8.85</Amt>", "<Amt Ccy=\"EUR\">8.855</Amt>"));
        assertThat(finer.reason()).isEqualTo(Refusal.Reason.INVALID_CONTENT);
        assertThat(finer.detail()).contains("8.855 EUR");
        // without a shipped schema (.05) the currency check is Finbridge's own
        Refusal unknown = refused(text(Examples.CAMT053_V04).replace("camt.053.001.04", "camt.053.001.05")
                .replace("<Amt Ccy=\"SEK\">200000</Amt>", "<Amt Ccy=\"ABC\">200000</Amt>"));
        assertThat(unknown.reason()).isEqualTo(Refusal.Reason.INVALID_CONTENT);
        assertThat(unknown.detail()).contains("'ABC' is not an ISO 4217 currency");
    }

    @Test
    void aReversalIsReported() {
        String xml = text(Examples.CAMT053_V08).replace("<CdtDbtInd>CRDT</CdtDbtInd>\n                <Sts>",
                "<CdtDbtInd>DBIT</CdtDbtInd>\n                <RvslInd>true</RvslInd>\n                <Sts>");
        StatementEntry e = parsed(xml).getFirst().entries().getFirst();
        assertThat(e.reversal()).isTrue();
        assertThat(e.creditDebit()).isEqualTo(CreditDebit.DBIT);
        assertThat(e.signedMinorUnits()).isEqualTo(-885);
    }

    @Test
    void garbageAndEmptyFilesAreRefusedAsMalformed() {
        assertThat(refused("").reason()).isEqualTo(Refusal.Reason.MALFORMED);
        assertThat(refused("<Document><BkToCstmrStmt>").reason()).isEqualTo(Refusal.Reason.MALFORMED);
        assertThat(refused("not xml at all".getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(Refusal.Reason.MALFORMED);
    }
}
