package org.finbridge.banking;

import java.io.InputStream;
import org.finbridge.banking.internal.Pain002Files;

/** Customer payment status reports, ISO 20022 pain.002.001.10, as banks answer Finbridge's pain.001 files. */
public final class PaymentStatusReports {

    public static final String MESSAGE_TYPE = "pain.002.001.10";

    private PaymentStatusReports() {
    }

    public static ParseResult<PaymentStatusReport> parse(InputStream content) {
        return parse(content, XmlLimits.DEFAULT);
    }

    public static ParseResult<PaymentStatusReport> parse(InputStream content, XmlLimits limits) {
        return Pain002Files.parse(content, limits);
    }

    /** The status a code stands for (a reason only matters for a rejection). */
    public static PaymentStatus status(String code, String reasonCode, String additionalInformation) {
        return Pain002Files.status(code, reasonCode, additionalInformation);
    }
}
