package org.finbridge.payments;

/**
 * What the buyer must do before the payment can go on (Stripe's next_action). Each connector family
 * answers its own kind.
 */
public sealed interface NextAction {

    String type();

    /** A 3-D Secure 2 challenge at the issuer's access control server; completed by the 3DS call. */
    record ThreeDSecureChallenge(String url, String transactionId) implements NextAction {
        public String type() {
            return "three_d_secure_challenge";
        }
    }

    /** A wallet or bank page to send the buyer to (PayPal, Alipay+ on desktop, iDEAL). */
    record Redirect(String url) implements NextAction {
        public String type() {
            return "redirect";
        }
    }

    /** A code to show for the buyer's app to scan (WeChat Pay, Alipay+, Pix copia-e-cola, UPI, e-CNY). */
    record QrCode(String payload) implements NextAction {
        public String type() {
            return "qr_code";
        }
    }

    /** A virtual account opened for this payment: the buyer transfers the exact amount to it. */
    record BankTransferInstructions(String accountNumber, String bankName, String reference) implements NextAction {
        public String type() {
            return "bank_transfer";
        }
    }

    /**
     * A platform address on a chain: the buyer sends {@code amountBaseUnits} of the token (in its own
     * smallest units, USDC has six decimals); final after {@code confirmationsRequired} confirmations.
     */
    record CryptoTransfer(String chain, String token, String address, String amountBaseUnits,
                          int confirmationsRequired) implements NextAction {
        public String type() {
            return "crypto_transfer";
        }
    }
}
