package org.finbridge.party;

/**
 * A payout account to add: an IBAN (with BIC), or a local account number with a BIC or, for Chinese
 * banks, a 12-digit CNAPS bank code.
 */
public record NewBankAccount(String currency, String country, String iban, String accountNumber, String bic,
                             String cnaps, String holderName) {
}
