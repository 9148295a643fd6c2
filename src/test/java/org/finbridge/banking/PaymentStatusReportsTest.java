package org.finbridge.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.finbridge.banking.PaymentStatusReport.TransactionStatus;
import org.junit.jupiter.api.Test;

/** pain.002.001.10 status reports mapped to the statuses a payout acts on. */
class PaymentStatusReportsTest {

    static PaymentStatusReport read(String name) {
        InputStream in = PaymentStatusReportsTest.class.getResourceAsStream("/iso20022/status/" + name);
        return ((ParseResult.Parsed<PaymentStatusReport>) PaymentStatusReports.parse(in)).value();
    }

    @Test
    void eachTransactionGetsItsStatusAndARejectionItsReason() {
        PaymentStatusReport report = read("pain.002-per-transaction.xml");
        assertThat(report.messageId()).isEqualTo("ABNA-STS-0001");
        assertThat(report.originalMessageId()).isEqualTo("FB-PAYOUT-0001");
        assertThat(report.originalMessageType()).isEqualTo("pain.001.001.09");
        assertThat(report.groupStatus()).isEqualTo(new PaymentStatus.Accepted("PART"));
        assertThat(report.transactions()).extracting(TransactionStatus::originalEndToEndId, TransactionStatus::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("E2E-1", new PaymentStatus.Accepted("ACCP")),
                        org.assertj.core.groups.Tuple.tuple("E2E-2", new PaymentStatus.Settled("ACSC")),
                        org.assertj.core.groups.Tuple.tuple("E2E-3", new PaymentStatus.Rejected("RJCT", "AC04", "Account closed")),
                        org.assertj.core.groups.Tuple.tuple("E2E-4", new PaymentStatus.Pending("PDNG")),
                        // no status of its own: the file's
                        org.assertj.core.groups.Tuple.tuple("E2E-5", new PaymentStatus.Accepted("PART")));
        assertThat(report.transactions().get(1).originalInstructionId()).isEqualTo("I-2");
        assertThat(report.transactions().getFirst().originalPaymentInformationId()).isEqualTo("FB-PAYOUT-0001-1");
    }

    @Test
    void aRejectedFileIsRejectedAsAWhole() {
        PaymentStatusReport report = read("pain.002-file-rejected.xml");
        assertThat(report.groupStatus()).isEqualTo(new PaymentStatus.Rejected("RJCT", "FF01", "Invalid file format"));
        assertThat(report.transactions()).isEmpty();
    }

    @Test
    void statusCodesMapToWhatAPayoutDoesNext() {
        assertThat(PaymentStatusReports.status("ACTC", null, null)).isInstanceOf(PaymentStatus.Accepted.class);
        assertThat(PaymentStatusReports.status("ACCC", null, null)).isInstanceOf(PaymentStatus.Settled.class);
        assertThat(PaymentStatusReports.status("CANC", "DUPL", null)).isEqualTo(new PaymentStatus.Rejected("CANC", "DUPL", null));
        assertThat(PaymentStatusReports.status("RCVD", null, null)).isInstanceOf(PaymentStatus.Pending.class);
        assertThat(PaymentStatusReports.status("ZZZZ", null, null)).isEqualTo(new PaymentStatus.Unrecognised("ZZZZ"));
    }

    @Test
    void aStatementIsNotAStatusReport() {
        ParseResult<PaymentStatusReport> result = PaymentStatusReports.parse(
                new java.io.ByteArrayInputStream(Examples.bytes(Examples.CAMT053_V08)));
        assertThat(((ParseResult.Refused<PaymentStatusReport>) result).refusal())
                .isEqualTo(new Refusal(Refusal.Reason.UNKNOWN_MESSAGE_TYPE, "expected a pain.002.001.10 file, got camt.053.001.08"));
    }
}
