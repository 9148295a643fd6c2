package org.finbridge.risk.fraud.internal;

import java.util.List;
import java.util.Locale;

/**
 * The features fraud scoring computes for an attempt, in the order of the feature vector. Raw values
 * (counts, days, z-scores, 0/1 flags) are what the rules read; {@link #modelInput} is what the model
 * reads: counts and ages on a log scale, z-scores clipped, so that one outlier cannot swamp a linear model.
 */
public enum Feature {
    /** The amount, major units of its currency. */
    AMOUNT(Kind.LOG),
    /** How unusual the amount is for the merchant in that currency: z-score of log amounts (0 with too little history). */
    AMOUNT_VS_MERCHANT(Kind.Z),
    /** How unusual the amount is for this card (or e-mail): z-score of log amounts against their history. */
    AMOUNT_VS_BUYER(Kind.Z),
    CARD_ATTEMPTS_1H(Kind.LOG),
    CARD_ATTEMPTS_24H(Kind.LOG),
    CARD_DECLINES_24H(Kind.LOG),
    /** Small authorizations (card testing) in the last 10 minutes on the card, device or IP address, the most of them. */
    SMALL_AUTHS_10M(Kind.LOG),
    DEVICE_ATTEMPTS_1H(Kind.LOG),
    DEVICE_CARDS_24H(Kind.LOG),
    IP_ATTEMPTS_1H(Kind.LOG),
    IP_CARDS_24H(Kind.LOG),
    EMAIL_ATTEMPTS_24H(Kind.LOG),
    EMAIL_CARDS_24H(Kind.LOG),
    /** Small authorizations at this merchant in the last 10 minutes, against its usual pace. */
    MERCHANT_SMALL_AUTHS_10M(Kind.LOG),
    BIN_ATTEMPTS_1H(Kind.LOG),
    BIN_COUNTRY_NOT_IP_COUNTRY(Kind.FLAG),
    BIN_COUNTRY_NOT_SHIPPING_COUNTRY(Kind.FLAG),
    IP_COUNTRY_NOT_SHIPPING_COUNTRY(Kind.FLAG),
    /** Days since the buyer's account was opened, or since the e-mail or card was first seen. */
    ACCOUNT_AGE_DAYS(Kind.LOG),
    NEW_CARD(Kind.FLAG),
    /** The e-mail has paid before, never from this device: the shape of an account takeover. */
    NEW_DEVICE_FOR_EMAIL(Kind.FLAG),
    /** The card has been used before, never from this device / with this e-mail: a stolen card's shape. */
    NEW_DEVICE_FOR_CARD(Kind.FLAG),
    NEW_EMAIL_FOR_CARD(Kind.FLAG),
    /** The e-mail (or card) has shipped before, never to this country: a takeover's or reshipper's shape. */
    NEW_SHIPPING_COUNTRY(Kind.FLAG),
    CHARGEBACKS_180D(Kind.LOG),
    REFUNDS_90D(Kind.LOG),
    /** The card, e-mail, device or IP address was confirmed fraudulent by a review or a chargeback. */
    CONFIRMED_FRAUD(Kind.FLAG),
    NO_EMAIL(Kind.FLAG),
    /** The checkout sent no device identifier (many integrations do not). */
    NO_DEVICE(Kind.FLAG),
    NO_IP(Kind.FLAG),
    /** Days since the merchant (the payee) was onboarded, or first seen when that is unknown: mules are new. */
    MERCHANT_AGE_DAYS(Kind.LOG),
    MERCHANT_ATTEMPTS_1H(Kind.LOG),
    /** A new device and an amount above the buyer's habit, together. */
    TAKEOVER_SHAPE(Kind.LOG),
    /** How many of the three country pairs disagree. */
    COUNTRY_MISMATCHES(Kind.RAW);

    enum Kind { LOG, Z, FLAG, RAW }

    public static final List<Feature> ALL = List.of(values());
    public static final int COUNT = ALL.size();

    private final Kind kind;
    private final boolean inModel;

    Feature(Kind kind) {
        this(kind, true);
    }

    Feature(Kind kind, boolean inModel) {
        this.kind = kind;
        this.inModel = inModel;
    }

    /** Whether the model reads it (all do but those the rules and reasons use alone). */
    public boolean inModel() {
        return inModel;
    }

    public int index() {
        return ordinal();
    }

    /** The feature's name in model files and reason codes, e.g. {@code card_attempts_1h}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    double transform(double raw) {
        return switch (kind) {
            case LOG -> Math.log1p(Math.max(0, raw));
            case Z -> Math.max(-5, Math.min(8, raw));
            case FLAG, RAW -> raw;
        };
    }

    /** The model's view of a raw feature vector. */
    public static double[] modelInput(double[] raw) {
        double[] x = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            x[i] = ALL.get(i).inModel ? ALL.get(i).transform(raw[i]) : 0;
        }
        return x;
    }

    public static Feature ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
