package org.finbridge.risk.fraud.internal;

import static org.finbridge.risk.fraud.internal.Feature.ACCOUNT_AGE_DAYS;
import static org.finbridge.risk.fraud.internal.Feature.AMOUNT_VS_MERCHANT;
import static org.finbridge.risk.fraud.internal.Feature.CARD_ATTEMPTS_1H;
import static org.finbridge.risk.fraud.internal.Feature.CARD_DECLINES_24H;
import static org.finbridge.risk.fraud.internal.Feature.CHARGEBACKS_180D;
import static org.finbridge.risk.fraud.internal.Feature.CONFIRMED_FRAUD;
import static org.finbridge.risk.fraud.internal.Feature.COUNTRY_MISMATCHES;
import static org.finbridge.risk.fraud.internal.Feature.DEVICE_CARDS_24H;
import static org.finbridge.risk.fraud.internal.Feature.IP_CARDS_24H;
import static org.finbridge.risk.fraud.internal.Feature.SMALL_AUTHS_10M;

import java.util.List;
import org.finbridge.risk.fraud.FraudOutcome;

/**
 * The fraud rules in force, one small named policy each (Stripe Radar's default rules and the card
 * networks' enumeration-attack guidance are the anchors). Each threshold counts the attempt being
 * decided: "the 5th small authorization in 10 minutes" fires at 5. The model covers what they miss.
 */
public final class FraudRules {

    /** Card testing: the 5th authorization of about USD 2 or less within 10 minutes on one card, device or IP. */
    public static final int CARD_TESTING_SMALL_AUTHS = 5;
    /** The 10th attempt on one card within an hour. */
    public static final int CARD_VELOCITY_PER_HOUR = 10;
    /** The 5th distinct card from one device within 24 hours. */
    public static final int DEVICE_CARDS_PER_DAY = 5;
    /** The 8th distinct card from one IP address within 24 hours (office and carrier NATs share addresses). */
    public static final int IP_CARDS_PER_DAY = 8;
    /** Declines on the card in the last 24 hours before this attempt. */
    public static final int CARD_DECLINES_PER_DAY = 3;
    /** An account younger than a day paying more than 3 standard deviations above the merchant's usual. */
    public static final double NEW_ACCOUNT_DAYS = 1;
    public static final double NEW_ACCOUNT_AMOUNT_Z = 3;

    public static final List<FraudRule> IN_FORCE = List.of(
            FraudRule.of("confirmed_fraud", FraudOutcome.BLOCK,
                    (t, f) -> f[CONFIRMED_FRAUD.index()] > 0),
            FraudRule.of("card_testing", FraudOutcome.BLOCK,
                    (t, f) -> f[SMALL_AUTHS_10M.index()] + (isSmall(t) ? 1 : 0) >= CARD_TESTING_SMALL_AUTHS),
            FraudRule.of("card_velocity", FraudOutcome.BLOCK,
                    (t, f) -> f[CARD_ATTEMPTS_1H.index()] + 1 >= CARD_VELOCITY_PER_HOUR),
            FraudRule.of("device_many_cards", FraudOutcome.BLOCK,
                    (t, f) -> f[DEVICE_CARDS_24H.index()] >= DEVICE_CARDS_PER_DAY),
            FraudRule.of("card_recent_declines", FraudOutcome.CHALLENGE,
                    (t, f) -> f[CARD_DECLINES_24H.index()] >= CARD_DECLINES_PER_DAY),
            FraudRule.of("ip_many_cards", FraudOutcome.REVIEW,
                    (t, f) -> f[IP_CARDS_24H.index()] >= IP_CARDS_PER_DAY),
            FraudRule.of("country_mismatch", FraudOutcome.CHALLENGE,
                    (t, f) -> f[COUNTRY_MISMATCHES.index()] >= 3),
            FraudRule.of("chargeback_history", FraudOutcome.REVIEW,
                    (t, f) -> f[CHARGEBACKS_180D.index()] > 0),
            FraudRule.of("new_account_large_amount", FraudOutcome.REVIEW,
                    (t, f) -> f[ACCOUNT_AGE_DAYS.index()] < NEW_ACCOUNT_DAYS && f[AMOUNT_VS_MERCHANT.index()] > NEW_ACCOUNT_AMOUNT_Z));

    private FraudRules() {
    }

    static boolean isSmall(Transaction t) {
        return t.amountMajor() <= SmallAmounts.threshold(t.currency());
    }
}
