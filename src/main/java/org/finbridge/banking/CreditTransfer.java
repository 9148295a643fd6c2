package org.finbridge.banking;

import java.util.Objects;
import org.finbridge.money.Money;

/**
 * One payout inside a {@link PayoutBatch}.
 *
 * @param endToEndId            the payer's reference that travels unchanged to the beneficiary and comes
 *                              back on the bank's status report and statement (1–35 characters, unique in
 *                              its batch): the key that ties a payout to its bank records
 * @param remittanceInformation unstructured text for the beneficiary (at most 140 characters), or null
 */
public record CreditTransfer(String endToEndId, Money amount, AccountHolder creditor, String remittanceInformation) {

    public CreditTransfer {
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditor, "creditor");
    }
}
