package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.List;

/** The balance-of-payments declarations, and the export file for the reporting channel. */
public interface BopDeclarations {

    List<BopDeclaration> between(LocalDate from, LocalDate to);

    /**
     * The declarations of a period as CSV for the reporting channel, one line each:
     * {@code declaration_id,declared_on,merchant_id,direction,transaction_code,currency,amount,postscript,reference}
     * where direction is {@code RECEIPT} or {@code REFUND} and the amount is in major units.
     */
    String export(LocalDate from, LocalDate to);
}
