package org.finbridge.ledger.internal;

import org.finbridge.ledger.AccountId;

/** An account row locked for the batch: its totals as read, and as the batch leaves them. */
final class AccountState {
    final AccountId id;
    final String currency;
    final boolean debitsMustNotExceedCredits;
    final boolean creditsMustNotExceedDebits;
    final boolean history;
    final long readDebitsPosted;
    final long readCreditsPosted;
    final long readDebitsPending;
    final long readCreditsPending;
    long debitsPosted;
    long creditsPosted;
    long debitsPending;
    long creditsPending;

    AccountState(AccountId id, String currency, boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits,
                 boolean history, long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
        this.id = id;
        this.currency = currency;
        this.debitsMustNotExceedCredits = debitsMustNotExceedCredits;
        this.creditsMustNotExceedDebits = creditsMustNotExceedDebits;
        this.history = history;
        this.readDebitsPosted = this.debitsPosted = debitsPosted;
        this.readCreditsPosted = this.creditsPosted = creditsPosted;
        this.readDebitsPending = this.debitsPending = debitsPending;
        this.readCreditsPending = this.creditsPending = creditsPending;
    }

    boolean changed() {
        return debitsPosted != readDebitsPosted || creditsPosted != readCreditsPosted
                || debitsPending != readDebitsPending || creditsPending != readCreditsPending;
    }

    long[] snapshot() {
        return new long[] {debitsPosted, creditsPosted, debitsPending, creditsPending};
    }

    void restore(long[] s) {
        debitsPosted = s[0];
        creditsPosted = s[1];
        debitsPending = s[2];
        creditsPending = s[3];
    }
}
