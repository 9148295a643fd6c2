package org.finbridge.settlement;

/** Answers of the settlement commands; refusals are named after their rule. */
public sealed interface SettlementResult {

    record PolicySet(SettlementPolicy policy) implements SettlementResult {
    }

    record DeliveryRecorded(boolean alreadyKnown) implements SettlementResult {
    }

    /** The object does not exist, or belongs to another party. */
    record NotFound(String what) implements SettlementResult {
    }

    record InvalidPolicy(String detail) implements SettlementResult {
    }
}
