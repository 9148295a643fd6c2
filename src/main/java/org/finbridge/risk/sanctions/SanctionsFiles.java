package org.finbridge.risk.sanctions;

import java.math.BigDecimal;
import org.finbridge.risk.sanctions.internal.ListScreening;

/**
 * Screening straight from list files, without the application or a database: the command line's
 * {@code sanctions screen} and the benchmark use it.
 */
public final class SanctionsFiles {

    /** The threshold the platform uses unless configured otherwise ({@code finbridge.sanctions.threshold}). */
    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.88");

    private SanctionsFiles() {
    }

    /**
     * @param aliases OFAC's {@code alt.csv}, or null
     * @param addresses OFAC's {@code add.csv}, or null
     */
    public static LoadedList load(ListFormat format, byte[] content, byte[] aliases, byte[] addresses, BigDecimal threshold)
            throws InvalidListException {
        return ListScreening.load(format, content, aliases, addresses, threshold);
    }
}
