package org.finbridge.banking;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** The outcome of writing a payment file: a schema-valid file, or the field that prevents one. */
public sealed interface WriteResult {

    /**
     * @param messageType          e.g. {@code pain.001.001.09}
     * @param xml                  the file, UTF-8
     * @param numberOfTransactions NbOfTxs as written
     * @param controlSum           CtrlSum as written: the sum of the amounts, each with its currency's decimals
     */
    record Written(String messageType, byte[] xml, int numberOfTransactions, BigDecimal controlSum) implements WriteResult {

        public String text() {
            return new String(xml, StandardCharsets.UTF_8);
        }
    }

    /** The input cannot make a valid file; {@code field} names it (e.g. {@code transfers[3].endToEndId}). */
    record Invalid(String field, String reason) implements WriteResult {
    }
}
