package org.finbridge.payments.web;

import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.payments.Buyer;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.MethodFamily;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.NewPayment;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.internal.CardTokenizer;

/**
 * The JSON bodies the payments API accepts. The card number lives only in {@link CardBody}, only for
 * the length of the request: {@link #toNewPayment} tokenizes it before anything else sees the payment.
 */
final class PaymentRequests {

    private PaymentRequests() {
    }

    /** @param settlementCurrency the merchant's currency when it differs from {@code currency}, the buyer's */
    record CreatePayment(String merchantId, Long amount, String currency, String orderReference, BuyerBody buyer,
                         MethodBody method, String captureMethod, Boolean confirm, String settlementCurrency) {
    }

    /**
     * The buyer and, optionally, what the checkout observed: e-mail, IP address and the country it
     * geolocates to, a device identifier, the shipping country. Fraud scoring uses them.
     */
    record BuyerBody(String partyId, String country, String email, String ipAddress, String ipCountry, String deviceId,
                     String shippingCountry) {
    }

    record MethodBody(String type, CardBody card, String chain) {
    }

    /** A card as the client sends it. Its text form shows BIN and last four only, should anything print it. */
    record CardBody(String number, Integer expMonth, Integer expYear, String cvc) {
        @Override
        public String toString() {
            String n = number == null ? "" : number.replaceAll("[^0-9]", "");
            return n.length() < 10 ? "CardBody[masked]" : "CardBody[" + n.substring(0, 6) + "…" + n.substring(n.length() - 4) + "]";
        }
    }

    record Capture(Long amount, Boolean finalCapture) {
    }

    record Refund(Long amount, String reason) {
    }

    record ThreeDSecureResult(Boolean authenticated) {
    }

    record OpenDispute(Long amount, String reason) {
    }

    record Evidence(String evidence) {
    }

    record CloseDispute(String outcome) {
    }

    record SimulateBuyer(Boolean paid, Long amount, Integer confirmations) {
    }

    /** The request as a {@link NewPayment}, or the refusal of its first invalid field. */
    sealed interface Parsed {
    }

    record Valid(NewPayment payment) implements Parsed {
    }

    record Invalid(PaymentResult.InvalidField refusal) implements Parsed {
    }

    static Parsed toNewPayment(CreatePayment b, CardTokenizer tokenizer) {
        if (b.amount() == null || b.amount() <= 0) {
            return invalid("amount", "must be a positive whole number of minor units");
        }
        CurrencyCode currency = CurrencyCode.of(b.currency()); // an unknown code answers 400 CURRENCY_UNKNOWN
        CurrencyCode settlement = b.settlementCurrency() == null ? null : CurrencyCode.of(b.settlementCurrency());
        PartyId merchant = null;
        if (b.merchantId() != null) {
            try {
                merchant = PartyId.parse(b.merchantId());
            } catch (IllegalArgumentException e) {
                return invalid("merchantId", "is not a party id");
            }
        }
        Buyer buyer = null;
        if (b.buyer() != null) {
            BuyerBody bb = b.buyer();
            PartyId buyerParty;
            try {
                buyerParty = bb.partyId() == null ? null : PartyId.parse(bb.partyId());
            } catch (IllegalArgumentException e) {
                return invalid("buyer.partyId", "is not a party id");
            }
            Invalid signal = invalidSignal(bb);
            if (signal != null) {
                return signal;
            }
            buyer = new Buyer(buyerParty, bb.country(), bb.email() == null ? null : bb.email().trim().toLowerCase(java.util.Locale.ROOT),
                    bb.ipAddress(), bb.deviceId(), upper(bb.shippingCountry()), upper(bb.ipCountry()));
        }
        CaptureMethod capture;
        try {
            capture = b.captureMethod() == null ? null : CaptureMethod.valueOf(b.captureMethod());
        } catch (IllegalArgumentException e) {
            return invalid("captureMethod", "must be AUTOMATIC or MANUAL");
        }
        if (b.method() == null || b.method().type() == null) {
            return invalid("method.type", "is required");
        }
        MethodType type;
        try {
            type = MethodType.valueOf(b.method().type());
        } catch (IllegalArgumentException e) {
            return invalid("method.type", "is not a supported payment method");
        }
        PaymentMethod method;
        if (type == MethodType.CARD) {
            CardBody c = b.method().card();
            if (c == null) {
                return invalid("method.card", "is required for a card payment");
            }
            switch (tokenizer.tokenize(c.number(), c.expMonth(), c.expYear(), c.cvc())) {
                case CardTokenizer.Refused r -> {
                    return invalid("method." + r.field(), r.reason());
                }
                case CardTokenizer.Tokenized t -> method = new PaymentMethod(type, t.card(), null);
            }
        } else if (type.family() == MethodFamily.STABLECOIN) {
            if (b.method().chain() == null || !b.method().chain().matches("[A-Z][A-Z0-9_]{1,19}")) {
                return invalid("method.chain", "is required for a stablecoin payment (ETHEREUM, POLYGON, SOLANA, …)");
            }
            method = new PaymentMethod(type, null, b.method().chain());
        } else {
            if (b.method().card() != null) {
                return invalid("method.card", "goes with a CARD payment only");
            }
            method = PaymentMethod.of(type);
        }
        return new Valid(new NewPayment(merchant, new Money(b.amount(), currency), b.orderReference(), buyer, method, capture,
                Boolean.TRUE.equals(b.confirm()), settlement));
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final java.util.regex.Pattern COUNTRY = java.util.regex.Pattern.compile("[A-Za-z]{2}");

    /** The checkout signals' shapes: each optional, none accepted half-valid. */
    private static Invalid invalidSignal(BuyerBody b) {
        if (b.email() != null && (b.email().trim().length() > 254 || !EMAIL.matcher(b.email().trim()).matches())) {
            return invalid("buyer.email", "is not an e-mail address");
        }
        if (b.ipAddress() != null && !IPV4.matcher(b.ipAddress()).matches()
                && !(b.ipAddress().contains(":") && IPV6.matcher(b.ipAddress()).matches())) {
            return invalid("buyer.ipAddress", "is not an IPv4 or IPv6 address");
        }
        if (b.ipCountry() != null && !COUNTRY.matcher(b.ipCountry()).matches()) {
            return invalid("buyer.ipCountry", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (b.shippingCountry() != null && !COUNTRY.matcher(b.shippingCountry()).matches()) {
            return invalid("buyer.shippingCountry", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (b.deviceId() != null && (b.deviceId().isBlank() || b.deviceId().length() > 100)) {
            return invalid("buyer.deviceId", "must be 1 to 100 characters");
        }
        return null;
    }

    private static String upper(String country) {
        return country == null ? null : country.toUpperCase(java.util.Locale.ROOT);
    }

    private static Invalid invalid(String field, String reason) {
        return new Invalid(new PaymentResult.InvalidField(field, reason));
    }
}
