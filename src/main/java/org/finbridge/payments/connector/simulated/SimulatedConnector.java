package org.finbridge.payments.connector.simulated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.connector.ConnectorOutcome;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.ConnectorRequest;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.PaymentConnector;

/**
 * What every simulated connector shares: answers remembered per idempotency key (a repeated key
 * answers the first outcome), references derived from the key (so a recovery finds the same
 * reference), the limits of its profile, and the bookkeeping an acquirer does on its side (it refuses
 * to capture more than it authorized or to refund more than it captured).
 *
 * <p>The book lives in this process's memory, but the acquirer it stands for does not: a real acquirer still
 * knows, after the platform restarts, the authorizations it gave before. So a reference of this connector's own
 * that the book no longer holds (the process restarted since) is captured or refunded as that acquirer would,
 * for the amount asked, rather than declined; the platform's own state machine has already checked the amount against
 * what it authorized and captured. A reference of another connector's is still refused.
 */
abstract class SimulatedConnector implements PaymentConnector {

    private final Map<String, ConnectorOutcome> answered = new ConcurrentHashMap<>();
    private final Map<String, Position> positions = new ConcurrentHashMap<>();

    /** The connector's view of one payment: what it authorized, captured, refunded. */
    record Position(Money authorized, long captured, long refunded, boolean released) {
    }

    @Override
    public ConnectorOutcome authorize(ConnectorRequest.Authorize r) {
        return once(r.idempotencyKey(), () -> {
            ConnectorProfile.Offer offer = profile().offer(r.method().type(), r.amount().currency().code()).orElse(null);
            if (offer == null) {
                return new ConnectorOutcome.Declined(DeclineCode.CURRENCY_NOT_SUPPORTED,
                        r.amount().currency() + " is not taken for " + r.method().type());
            }
            if (!offer.accepts(r.amount().minorUnits())) {
                return new ConnectorOutcome.Declined(DeclineCode.AMOUNT_LIMIT_EXCEEDED, "outside this connector's limits");
            }
            return decideAuthorization(r, reference(r.idempotencyKey()), settle(r.amount(), offer));
        });
    }

    /** The connector-specific answer to a request within limits. */
    abstract ConnectorOutcome decideAuthorization(ConnectorRequest.Authorize r, String reference, Money processed);

    /** The requested amount in the settlement currency (1:1 where the offer settles in another currency). */
    Money settle(Money amount, ConnectorProfile.Offer offer) {
        return offer.settlementCurrency().equals(amount.currency()) ? amount : new Money(amount.minorUnits(), offer.settlementCurrency());
    }

    void opened(String reference, Money authorized, long capturedAtOnce) {
        positions.putIfAbsent(reference, new Position(authorized, capturedAtOnce, 0, false));
    }

    @Override
    public ConnectorOutcome capture(ConnectorRequest.Capture r) {
        return once(r.idempotencyKey(), () -> {
            Position p = known(r.reference(), r.amount(), 0);
            if (p == null || p.released() || p.captured() + r.amount().minorUnits() > p.authorized().minorUnits()) {
                return new ConnectorOutcome.Declined(DeclineCode.TRANSACTION_NOT_PERMITTED, "nothing left to capture");
            }
            positions.put(r.reference(), new Position(p.authorized(), p.captured() + r.amount().minorUnits(),
                    p.refunded(), r.finalCapture()));
            return new ConnectorOutcome.Approved(r.reference(), r.amount());
        });
    }

    @Override
    public ConnectorOutcome voidAuthorization(ConnectorRequest.Void r) {
        return once(r.idempotencyKey(), () -> {
            Position p = positions.get(r.reference()); // a lost authorization is not voided: it lapses at the acquirer
            if (p == null) {
                return new ConnectorOutcome.Declined(DeclineCode.TRANSACTION_NOT_PERMITTED, "unknown authorization");
            }
            positions.put(r.reference(), new Position(p.authorized(), p.captured(), p.refunded(), true));
            return new ConnectorOutcome.Approved(r.reference(), Money.zero(p.authorized().currency()));
        });
    }

    @Override
    public ConnectorOutcome refund(ConnectorRequest.Refund r) {
        return once(r.idempotencyKey(), () -> {
            Position p = known(r.reference(), r.amount(), r.amount().minorUnits());
            if (p == null || p.refunded() + r.amount().minorUnits() > p.captured()) {
                return new ConnectorOutcome.Declined(DeclineCode.TRANSACTION_NOT_PERMITTED, "refund exceeds capture");
            }
            positions.put(r.reference(), new Position(p.authorized(), p.captured(), p.refunded() + r.amount().minorUnits(),
                    p.released()));
            return new ConnectorOutcome.Approved(r.reference(), r.amount());
        });
    }

    @Override
    public ConnectorOutcome reverse(ConnectorRequest.Reverse r) {
        return once(r.idempotencyKey(), () -> {
            if (answered.get(r.authorizationKey()) instanceof ConnectorOutcome.Approved a) {
                Position p = positions.get(a.reference());
                if (p != null) {
                    positions.put(a.reference(), new Position(p.authorized(), p.captured(), p.refunded(), true));
                }
                return new ConnectorOutcome.Approved(a.reference(), Money.zero(a.processed().currency()));
            }
            return new ConnectorOutcome.Approved(null, Money.zero(r.amount().currency())); // nothing was authorized
        });
    }

    /**
     * The book's position for a reference, or, for a reference of this connector's own that the book lost with a
     * restart of the process, the position the acquirer would still hold: {@code authorized} authorized and
     * {@code captured} of it captured (see the class comment). Null for a reference that is not this connector's.
     */
    private Position known(String reference, Money authorized, long captured) {
        Position p = positions.get(reference);
        if (p != null || reference == null || !reference.startsWith(referencePrefix())) {
            return p;
        }
        return positions.computeIfAbsent(reference, r -> new Position(authorized, captured, 0, false));
    }

    private String referencePrefix() {
        return name().replace("-", "") + "_";
    }

    ConnectorOutcome once(String key, Supplier<ConnectorOutcome> decide) {
        return answered.computeIfAbsent(key, k -> decide.get());
    }

    String reference(String idempotencyKey) {
        return referencePrefix() + hex(idempotencyKey).substring(0, 24);
    }

    static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One offer per currency, settled in the same currency, from 0.50 to {@code maxMajor} major units. */
    static List<ConnectorProfile.Offer> offers(MethodType method, long maxMajor, String... currencies) {
        return java.util.Arrays.stream(currencies).map(CurrencyCode::of).map(c -> new ConnectorProfile.Offer(method,
                c.code(), c, Math.max(1, c.minorUnitsPerMajor() / 2), maxMajor * c.minorUnitsPerMajor())).toList();
    }
}
