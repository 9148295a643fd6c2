package org.finbridge.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * One balance-of-payments declaration (国际收支申报), made transaction by transaction (逐笔) for each
 * cross-border receipt or refund (regulations notes §2): the transaction code (122030 online shopping not in
 * customs statistics, 121010 general trade, …) and a postscript (交易附言) naming exactly one code; a refund is
 * marked 退 and declared as a payment under the code of the receipt it reverses.
 *
 * @param refund true for a refund of an earlier receipt (money leaving)
 * @param status where it stands with the reporting channel; {@code statusNote}, {@code statusBy} and
 *               {@code statusAt} describe the last step (null while RECORDED)
 */
public record BopDeclaration(UUID id, PartyId merchant, String transactionCode, boolean refund, Money amount,
                             String postscript, String reference, LocalDate declaredOn,
                             BopStatus status, String statusNote, String statusBy, Instant statusAt) {
}
