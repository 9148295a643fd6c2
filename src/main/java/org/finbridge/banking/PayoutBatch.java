package org.finbridge.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Payouts sent to a partner bank in one customer credit transfer initiation (pain.001): all from one
 * debtor account, to be executed on one date.
 *
 * @param messageId            the file's unique id towards the bank (1–35 characters); the bank's pain.002
 *                             refers to it
 * @param createdAt            when the file was made (written with its fraction of a second, in UTC)
 * @param initiatingParty      the name of the party sending the file
 * @param paymentInformationId the id of the batch inside the file (1–35 characters)
 * @param debtor               the account paid from and its bank (the debtor agent is required)
 */
public record PayoutBatch(String messageId, Instant createdAt, String initiatingParty, String paymentInformationId,
        AccountHolder debtor, LocalDate requestedExecutionDate, List<CreditTransfer> transfers) {

    public PayoutBatch {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(initiatingParty, "initiatingParty");
        Objects.requireNonNull(paymentInformationId, "paymentInformationId");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(requestedExecutionDate, "requestedExecutionDate");
        transfers = List.copyOf(transfers);
    }
}
