package org.finbridge.payments;

import java.util.Objects;

/**
 * How the buyer pays, as stored: never a card number. A card is held as its token, BIN (first six
 * digits), last four, expiry and network — what PCI DSS (requirement 3.4) allows to be kept and shown.
 *
 * @param card the tokenized card, for {@link MethodType#CARD} only
 * @param chain the blockchain a stablecoin is paid on (ETHEREUM, POLYGON, SOLANA, …), for stablecoins only
 */
public record PaymentMethod(MethodType type, Card card, String chain) {

    public PaymentMethod {
        Objects.requireNonNull(type, "type");
        if ((type == MethodType.CARD) != (card != null)) {
            throw new IllegalArgumentException("card details go with a CARD payment and only with one");
        }
        if ((type.family() == MethodFamily.STABLECOIN) != (chain != null)) {
            throw new IllegalArgumentException("a chain goes with a stablecoin payment and only with one");
        }
    }

    public static PaymentMethod of(MethodType type) {
        return new PaymentMethod(type, null, null);
    }

    public MethodFamily family() {
        return type.family();
    }

    /**
     * A card after tokenization at the edge.
     *
     * @param fingerprint the same for every token of the same card number (a keyed hash of the number,
     *                    never reversible), so that velocity and history follow the card across payments;
     *                    null for cards stored before fingerprints were kept
     */
    public record Card(String token, String bin, String last4, int expMonth, int expYear, CardNetwork network,
                       String fingerprint) {

        public Card(String token, String bin, String last4, int expMonth, int expYear, CardNetwork network) {
            this(token, bin, last4, expMonth, expYear, network, null);
        }

        public Card {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(network, "network");
            if (bin == null || !bin.matches("[0-9]{6}") || last4 == null || !last4.matches("[0-9]{4}")) {
                throw new IllegalArgumentException("a stored card keeps six BIN digits and the last four, nothing else");
            }
        }
    }
}
