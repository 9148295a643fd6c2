package org.finbridge.settlement;

/** Answers of the payout commands, refusals named after their rule. */
public sealed interface PayoutResult {

    record Done(Payout payout) implements PayoutResult {
    }

    /** The same reference again: the payout it created the first time. */
    record Existing(Payout payout) implements PayoutResult {
    }

    record NotFound(String what) implements PayoutResult {
    }

    /** The bank account is not the merchant's verified account. */
    record BankAccountNotVerified(String bankAccountId) implements PayoutResult {
    }

    record InsufficientFunds(long availableMinorUnits) implements PayoutResult {
    }

    record NoRailMeetsDeadline(String earliestArrival) implements PayoutResult {
    }

    /** The conversion could not be quoted or executed (no current rate, expired lock): nothing moved. */
    record ConversionRefused(String reason) implements PayoutResult {
    }

    /** The merchant is suspended (a confirmed sanctions match, AML Law art. 41): its balance is frozen. */
    record MerchantSuspended() implements PayoutResult {
    }

    record Invalid(String field, String reason) implements PayoutResult {
    }
}
