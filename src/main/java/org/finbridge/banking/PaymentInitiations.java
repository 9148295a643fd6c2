package org.finbridge.banking;

import java.io.InputStream;
import org.finbridge.banking.internal.Pain001Files;

/**
 * Customer credit transfer initiations, ISO 20022 pain.001.001.09: the files Finbridge sends a partner
 * bank to pay out a {@link PayoutBatch}, and the reader for them. A written file carries NbOfTxs and
 * CtrlSum exactly (the number of transfers and the sum of their amounts, each amount with its
 * currency's ISO 4217 decimals) at group and batch level, and is validated against the pain.001.001.09
 * schema before it is answered.
 */
public final class PaymentInitiations {

    public static final String MESSAGE_TYPE = "pain.001.001.09";

    private PaymentInitiations() {
    }

    public static WriteResult write(PayoutBatch batch) {
        return Pain001Files.write(batch);
    }

    /** Reads a pain.001.001.09 file with one payment information block back into its batch. */
    public static ParseResult<PayoutBatch> parse(InputStream content) {
        return parse(content, XmlLimits.DEFAULT);
    }

    public static ParseResult<PayoutBatch> parse(InputStream content, XmlLimits limits) {
        return Pain001Files.parse(content, limits);
    }
}
