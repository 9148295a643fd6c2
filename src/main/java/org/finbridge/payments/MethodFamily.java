package org.finbridge.payments;

/** Kinds of payment method, each served by connectors of its own kind. */
public enum MethodFamily {
    /** Card networks: authorize now, capture later (pull). */
    CARD,
    /** E-wallets with a redirect or QR flow (Alipay+, WeChat Pay, PayPal): completed asynchronously. */
    WALLET,
    /** A bank transfer to a virtual account opened for the payment: completed when the transfer is reported. */
    BANK_TRANSFER,
    /** Instant push schemes (Pix, UPI, iDEAL): the buyer pushes, the scheme confirms asynchronously. */
    LOCAL_PUSH,
    /** Central-bank digital currency wallets (e-CNY): legal tender, final when the operator confirms. */
    CBDC,
    /** Fiat-backed stablecoins paid on a chain: final after N confirmations, settled in their fiat currency. */
    STABLECOIN
}
