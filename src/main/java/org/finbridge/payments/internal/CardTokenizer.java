package org.finbridge.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.finbridge.payments.CardNetwork;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.platform.TimeOrderedIds;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks a card number at the edge and replaces it by a token before anything is stored or logged
 * (PCI DSS requirement 3: keep no more than the first six and last four digits). The number must pass
 * the Luhn check (ISO/IEC 7812-1) and have a length its network issues; the verification code is only
 * checked for shape and never kept (PCI DSS 3.3.1 forbids storing it after authorization).
 *
 * <p>A real deployment hands the number to a PCI-scoped vault here and keeps the vault's token; the
 * simulated connectors need only BIN and last four, so the number is simply dropped.
 *
 * <p>Each card also gets a fingerprint: HMAC-SHA256 of the number under a platform key, so that fraud
 * scoring can follow one card across its tokens without the number (PCI DSS 3.5.1.1 allows keyed
 * cryptographic hashes of the whole number). The key is {@code finbridge.payments.card-fingerprint-key};
 * a deployment sets its own secret.
 */
@Component
public class CardTokenizer {

    static final String DEFAULT_FINGERPRINT_KEY = "finbridge-card-fingerprint-v1";

    private final Clock clock;
    private final SecretKeySpec fingerprintKey;

    public CardTokenizer(Clock clock) {
        this(clock, DEFAULT_FINGERPRINT_KEY);
    }

    @Autowired
    public CardTokenizer(Clock clock, @Value("${finbridge.payments.card-fingerprint-key:" + DEFAULT_FINGERPRINT_KEY + "}")
                         String fingerprintKey) {
        this.clock = clock;
        this.fingerprintKey = new SecretKeySpec(fingerprintKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The outcome of tokenizing: the stored card, or why the card was refused (never echoing the number). */
    public sealed interface Result {
    }

    public record Tokenized(PaymentMethod.Card card) implements Result {
    }

    public record Refused(String field, String reason) implements Result {
    }

    public Result tokenize(String number, Integer expMonth, Integer expYear, String cvc) {
        String digits = number == null ? "" : number.replace(" ", "").replace("-", "");
        if (!digits.matches("[0-9]{12,19}")) {
            return new Refused("card.number", "must be 12 to 19 digits");
        }
        if (!luhn(digits)) {
            return new Refused("card.number", "fails the Luhn check");
        }
        CardNetwork network = CardNetwork.ofNumber(digits).orElse(null);
        if (network == null) {
            return new Refused("card.number", "belongs to no supported card network");
        }
        if (!network.issuesLength(digits.length())) {
            return new Refused("card.number", network + " does not issue " + digits.length() + "-digit numbers");
        }
        if (expMonth == null || expMonth < 1 || expMonth > 12) {
            return new Refused("card.expMonth", "must be 1 to 12");
        }
        if (expYear == null || expYear < 2000 || expYear > 2099) {
            return new Refused("card.expYear", "must be a four-digit year");
        }
        if (YearMonth.of(expYear, expMonth).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            return new Refused("card.expYear", "the card has expired");
        }
        if (cvc != null && !cvc.matches("[0-9]{" + network.cvcLength() + "}")) {
            return new Refused("card.cvc", "must be " + network.cvcLength() + " digits");
        }
        String token = TimeOrderedIds.format("tok", TimeOrderedIds.next(clock));
        return new Tokenized(new PaymentMethod.Card(token, digits.substring(0, 6), digits.substring(digits.length() - 4),
                expMonth, expYear, network, fingerprint(digits)));
    }

    /** The card's fingerprint: the first 128 bits of HMAC-SHA256(key, number), hex, prefixed {@code fp_}. */
    String fingerprint(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            byte[] h = mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
            return "fp_" + java.util.HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** ISO/IEC 7812-1 Annex B: double every second digit from the right, sum the digits, divisible by ten. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
