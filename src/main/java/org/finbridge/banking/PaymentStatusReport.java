package org.finbridge.banking;

import java.util.List;

/**
 * A bank's customer payment status report (pain.002) on a pain.001 file Finbridge sent.
 *
 * @param originalMessageId  the MsgId of the pain.001 it reports on
 * @param groupStatus        the status of the whole file, or null when the bank reports per transaction only
 * @param transactions       per-transaction statuses; each carries the status of its payment information
 *                           block or of the file where the bank gave none for it alone
 */
public record PaymentStatusReport(String messageId, String originalMessageId, String originalMessageType,
        PaymentStatus groupStatus, List<TransactionStatus> transactions) {

    public PaymentStatusReport {
        transactions = List.copyOf(transactions);
    }

    /**
     * @param originalEndToEndId the end-to-end id of the payout it reports on
     */
    public record TransactionStatus(String originalPaymentInformationId, String originalInstructionId,
            String originalEndToEndId, String originalUetr, PaymentStatus status) {
    }
}
