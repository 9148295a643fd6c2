package org.finbridge.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.finbridge.money.Money;

/**
 * A cross-border bank-to-bank customer credit transfer (pacs.008), sent by Finbridge's bank on a payout
 * rail: SWIFT gpi, or CIPS (Cross-border Interbank Payment System) for renminbi.
 *
 * @param instructingAgent   the bank sending this message (the payer's bank, or Finbridge's partner bank)
 * @param instructedAgent    the bank receiving it
 * @param intermediaryAgent  a bank between them, e.g. a correspondent or CIPS direct participant; null if none
 * @param amount             the interbank settlement amount
 * @param chargeBearer       who pays the charges
 * @param remittanceInformation unstructured text for the beneficiary (at most 140 characters), or null
 */
public record CrossBorderTransfer(Rail rail, String messageId, Instant createdAt, LocalDate settlementDate,
        String instructionId, String endToEndId, Uetr uetr, Money amount, ChargeBearer chargeBearer,
        Agent instructingAgent, Agent instructedAgent, Agent intermediaryAgent, AccountHolder debtor,
        AccountHolder creditor, String remittanceInformation) {

    /**
     * The network that carries the transfer. SWIFT gpi settles through the banks' correspondent accounts
     * (settlement method INDA) under the gpi service level G001; CIPS clears renminbi through its own
     * system (settlement method CLRG, clearing system CIPS) and carries only CNY.
     */
    public enum Rail {
        SWIFT_GPI,
        CIPS
    }

    public CrossBorderTransfer {
        Objects.requireNonNull(rail, "rail");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(settlementDate, "settlementDate");
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(uetr, "uetr");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(chargeBearer, "chargeBearer");
        Objects.requireNonNull(instructingAgent, "instructingAgent");
        Objects.requireNonNull(instructedAgent, "instructedAgent");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(creditor, "creditor");
    }
}
