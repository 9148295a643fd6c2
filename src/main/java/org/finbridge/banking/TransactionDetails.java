package org.finbridge.banking;

import java.util.List;
import org.finbridge.money.Money;

/**
 * One payment inside a statement entry ({@code TxDtls}); every field is optional in ISO 20022 and null
 * when the bank left it out.
 *
 * @param amount              the transaction's own amount where given (a batch entry's parts), else null
 * @param counterpartyName    the debtor for a credit entry, the creditor for a debit entry
 * @param counterpartyAccount that party's account (IBAN or other id)
 * @param remittanceLines     the unstructured remittance information lines (Ustrd), as sent
 * @param creditorReference   the structured creditor reference (e.g. an ISO 11649 RF reference), or null
 */
public record TransactionDetails(String endToEndId, String instructionId, String transactionId, String uetr,
        String accountServicerReference, Money amount, String counterpartyName, String counterpartyAccount,
        List<String> remittanceLines, String creditorReference) {

    public TransactionDetails {
        remittanceLines = List.copyOf(remittanceLines);
    }
}
