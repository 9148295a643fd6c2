package org.finbridge.settlement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payout batch as written for the partner bank: a pain.001.001.09 file, its message id, and the group
 * header's NbOfTxs and CtrlSum (the sum of the amounts in major units).
 */
public record PayoutBatchFile(String id, String messageId, String currency, String rail, int numberOfTransactions,
                              BigDecimal controlSum, String messageType, byte[] xml, Instant createdAt) {
}
