package org.finbridge.supervision;

import java.time.Instant;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.trade.OrderReference;

/**
 * An FX collection for a seller, which may be converted only when it is shown to pay for real goods: it must
 * link to a trade record whose order, payment and logistics records agree (regulations notes §2,
 * authenticity; 汇发〔2019〕13号 "on the basis of electronic transaction information"). A collection without
 * such a record, or whose record disagrees, is held until reviewed.
 *
 * @param bopCode the balance-of-payments transaction code it is declared under
 */
public record FxCollection(UUID id, PartyId merchant, OrderReference order, String paymentReference, Money amount,
                           State state, String holdReason, String bopCode, Instant receivedAt, String reviewedBy,
                           Instant reviewedAt) {

    public enum State {
        /** Linked to a matching trade record: may be converted. */
        CLEARED,
        /** Not linked, or the record disagrees: conversion held until a reviewer decides. */
        HELD,
        /** Released by a reviewer after checking the evidence. */
        RELEASED,
        /** Refused by a reviewer: not to be converted. */
        REJECTED
    }

    public boolean convertible() {
        return state == State.CLEARED || state == State.RELEASED;
    }
}
