package org.finbridge.banking;

import org.finbridge.banking.internal.Pacs008Files;

/**
 * FI-to-FI customer credit transfers, ISO 20022 pacs.008.001.08, for cross-border payouts over SWIFT
 * gpi or CIPS. Each file carries one transfer (as gpi payments travel), with its UETR, charge bearer,
 * instructing, instructed and intermediary agents, and is validated against the pacs.008.001.08 schema
 * before it is answered.
 */
public final class InterbankTransfers {

    public static final String MESSAGE_TYPE = "pacs.008.001.08";

    private InterbankTransfers() {
    }

    public static WriteResult write(CrossBorderTransfer transfer) {
        return Pacs008Files.write(transfer);
    }
}
