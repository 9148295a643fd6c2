package org.finbridge.banking;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.finbridge.money.Money;

/**
 * One entry ({@code Ntry}) of a statement: a movement on the account as the bank booked it. A batch
 * booking is one entry with several {@link TransactionDetails}.
 *
 * @param entryReference          the bank's unique reference of the entry within the statement (NtryRef), or null
 * @param amount                  the entry's amount, never negative; its direction is {@code creditDebit}
 * @param reversal                true when the entry reverses an earlier one (RvslInd): a returned credit is
 *                                reported as a DBIT with reversal true
 * @param status                  BOOK, PDNG, INFO (or a proprietary status), or null
 * @param bookingDate             the booking date, or null for entries not yet booked
 * @param valueDate               the value date, or null
 * @param accountServicerReference the bank's reference for the entry (AcctSvcrRef), or null
 * @param bankTransactionCode     {@code Domain/Family/SubFamily} (e.g. {@code PMNT/RCDT/ESCT}) or the
 *                                proprietary code, or null
 * @param additionalInformation   free text the bank added to the entry (AddtlNtryInf), or null
 */
public record StatementEntry(String entryReference, Money amount, CreditDebit creditDebit, boolean reversal,
        String status, LocalDate bookingDate, LocalDate valueDate, String accountServicerReference,
        String bankTransactionCode, String additionalInformation, List<TransactionDetails> transactions) {

    public StatementEntry {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditDebit, "creditDebit");
        transactions = List.copyOf(transactions);
    }

    /**
     * The end-to-end id of the payment behind the entry: the one id its transactions carry, or null when
     * there is none or a batch carries several.
     */
    public String endToEndId() {
        List<String> ids = transactions.stream().map(TransactionDetails::endToEndId).filter(Objects::nonNull)
                .distinct().toList();
        return ids.size() == 1 ? ids.getFirst() : null;
    }

    /**
     * The bank's reference: the entry's account servicer reference, else that of its single transaction,
     * else the entry reference.
     */
    public String bankReference() {
        if (accountServicerReference != null) {
            return accountServicerReference;
        }
        if (transactions.size() == 1 && transactions.getFirst().accountServicerReference() != null) {
            return transactions.getFirst().accountServicerReference();
        }
        return entryReference;
    }

    /** The amount with its direction: negative for a debit. */
    public long signedMinorUnits() {
        return creditDebit == CreditDebit.CRDT ? amount.minorUnits() : -amount.minorUnits();
    }
}
