package org.finbridge.risk.fraud.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The warm store behind fraud scoring: per card, BIN, device, IP address, e-mail and merchant, the
 * recent attempts and history that the features need, kept in memory so that a decision reads no
 * database (Stripe Radar's "features computed in real time over your and the network's history").
 *
 * <p>It is fed by every attempt ({@link #record}, after the decision) and by what later happens to the
 * payment ({@link #outcome}: declined, refunded, charged back, confirmed fraud by a review), and rebuilt
 * from the stored decisions when the application starts. Windows are sliding: each count looks back
 * from the attempt's own time, so replaying history gives the features it gave live.
 */
public final class FeatureCache {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    /** A merchant profile needs this many payments before an amount can be called unusual for it. */
    static final int MERCHANT_MIN_HISTORY = 20;
    static final int BUYER_MIN_HISTORY = 3;

    private final Map<String, History> cards = new ConcurrentHashMap<>();
    private final Map<String, History> bins = new ConcurrentHashMap<>();
    private final Map<String, History> devices = new ConcurrentHashMap<>();
    private final Map<String, History> ips = new ConcurrentHashMap<>();
    private final Map<String, History> emails = new ConcurrentHashMap<>();
    private final Map<String, History> merchants = new ConcurrentHashMap<>();
    private final Map<String, History> merchantProfiles = new ConcurrentHashMap<>();
    /**
     * Recent attempts by reference, two generations so that memory stays bounded: when the current one
     * holds {@link #REFERENCES_PER_GENERATION}, it becomes the previous one and the oldest is dropped. An
     * outcome for an older attempt is attached through its stored keys instead ({@link #outcome(Keys, Outcome, long)}).
     */
    static final int REFERENCES_PER_GENERATION = 250_000;
    private volatile Map<String, Keys> references = new ConcurrentHashMap<>();
    private volatile Map<String, Keys> previousReferences = Map.of();

    /** The entities one attempt touched, to attach its later outcomes to. */
    public record Keys(String card, String email, String device, String ip) {
    }

    public enum Outcome { DECLINED, REFUNDED, CHARGED_BACK, CONFIRMED_FRAUD }

    /** The attempt's raw feature vector (see {@link Feature}); reads the cache, changes nothing. */
    public double[] features(Transaction t) {
        long now = t.atMillis();
        double[] f = new double[Feature.COUNT];
        f[Feature.AMOUNT.index()] = t.amountMajor();
        double small = SmallAmounts.threshold(t.currency());
        int cardHash = t.card() == null ? 0 : t.card().hashCode();
        int smallAuths = 0;
        int chargebacks = 0;
        int refunds = 0;
        boolean confirmed = false;
        long firstSeen = now;

        History merchantProfile = merchantProfiles.get(profileKey(t.merchant(), t.currency()));
        if (merchantProfile != null) {
            synchronized (merchantProfile) {
                f[Feature.AMOUNT_VS_MERCHANT.index()] = merchantProfile.zScore(t.amountMajor(), MERCHANT_MIN_HISTORY);
            }
        }
        History card = get(cards, t.card());
        if (card != null) {
            synchronized (card) {
                f[Feature.AMOUNT_VS_BUYER.index()] = card.zScore(t.amountMajor(), BUYER_MIN_HISTORY);
                f[Feature.CARD_ATTEMPTS_1H.index()] = card.attemptsSince(now - HOUR);
                f[Feature.CARD_ATTEMPTS_24H.index()] = card.attemptsSince(now - DAY);
                f[Feature.CARD_DECLINES_24H.index()] = card.declinesSince(now - DAY);
                smallAuths = card.smallAttemptsSince(now - 10 * MINUTE, small);
                chargebacks += card.chargebacksSince(now - 180 * DAY);
                refunds += card.refundsSince(now - 90 * DAY);
                f[Feature.NEW_DEVICE_FOR_CARD.index()] = t.device() != null && card.newDevice(t.device().hashCode()) ? 1 : 0;
                f[Feature.NEW_EMAIL_FOR_CARD.index()] = t.email() != null && card.newEmail(t.email().hashCode()) ? 1 : 0;
                f[Feature.NEW_SHIPPING_COUNTRY.index()] = t.shippingCountry() != null
                        && card.newShipping(t.shippingCountry().hashCode()) ? 1 : 0;
                confirmed |= card.confirmedFraud;
                firstSeen = Math.min(firstSeen, card.firstSeenMillis);
            }
        } else {
            f[Feature.NEW_CARD.index()] = t.card() == null ? 0 : 1;
        }
        History device = get(devices, t.device());
        if (device != null) {
            synchronized (device) {
                f[Feature.DEVICE_ATTEMPTS_1H.index()] = device.attemptsSince(now - HOUR);
                f[Feature.DEVICE_CARDS_24H.index()] = device.cardsSince(now - DAY, cardHash);
                smallAuths = Math.max(smallAuths, device.smallAttemptsSince(now - 10 * MINUTE, small));
                chargebacks += device.chargebacksSince(now - 180 * DAY);
                confirmed |= device.confirmedFraud;
            }
        } else if (t.device() != null) {
            f[Feature.DEVICE_CARDS_24H.index()] = 1;
        }
        History ip = get(ips, t.ip());
        if (ip != null) {
            synchronized (ip) {
                f[Feature.IP_ATTEMPTS_1H.index()] = ip.attemptsSince(now - HOUR);
                f[Feature.IP_CARDS_24H.index()] = ip.cardsSince(now - DAY, cardHash);
                smallAuths = Math.max(smallAuths, ip.smallAttemptsSince(now - 10 * MINUTE, small));
                confirmed |= ip.confirmedFraud;
            }
        } else if (t.ip() != null) {
            f[Feature.IP_CARDS_24H.index()] = 1;
        }
        History email = get(emails, t.email());
        if (email != null) {
            synchronized (email) {
                f[Feature.EMAIL_ATTEMPTS_24H.index()] = email.attemptsSince(now - DAY);
                f[Feature.EMAIL_CARDS_24H.index()] = email.cardsSince(now - DAY, cardHash);
                f[Feature.NEW_DEVICE_FOR_EMAIL.index()] = t.device() != null && email.newDevice(t.device().hashCode()) ? 1 : 0;
                if (t.shippingCountry() != null && email.newShipping(t.shippingCountry().hashCode())) {
                    f[Feature.NEW_SHIPPING_COUNTRY.index()] = 1;
                }
                if (card == null || card.profileCount() < BUYER_MIN_HISTORY) {
                    f[Feature.AMOUNT_VS_BUYER.index()] = email.zScore(t.amountMajor(), BUYER_MIN_HISTORY);
                }
                chargebacks += email.chargebacksSince(now - 180 * DAY);
                refunds += email.refundsSince(now - 90 * DAY);
                confirmed |= email.confirmedFraud;
                firstSeen = Math.min(firstSeen, email.firstSeenMillis);
            }
        } else if (t.email() != null) {
            f[Feature.EMAIL_CARDS_24H.index()] = 1;
        }
        f[Feature.NO_EMAIL.index()] = t.email() == null ? 1 : 0;
        f[Feature.NO_DEVICE.index()] = t.device() == null ? 1 : 0;
        f[Feature.NO_IP.index()] = t.ip() == null ? 1 : 0;
        History merchant = get(merchants, t.merchant());
        long merchantSince = t.merchantCreatedMillis() >= 0 ? t.merchantCreatedMillis() : now;
        if (merchant != null) {
            synchronized (merchant) {
                f[Feature.MERCHANT_SMALL_AUTHS_10M.index()] = merchant.smallAttemptsSince(now - 10 * MINUTE, small);
                f[Feature.MERCHANT_ATTEMPTS_1H.index()] = merchant.attemptsSince(now - HOUR);
                merchantSince = Math.min(merchantSince, merchant.firstSeenMillis);
            }
        }
        f[Feature.MERCHANT_AGE_DAYS.index()] = Math.max(0, now - merchantSince) / (double) DAY;
        History bin = get(bins, t.bin());
        if (bin != null) {
            synchronized (bin) {
                f[Feature.BIN_ATTEMPTS_1H.index()] = bin.attemptsSince(now - HOUR);
            }
        }
        f[Feature.SMALL_AUTHS_10M.index()] = smallAuths;
        f[Feature.CHARGEBACKS_180D.index()] = chargebacks;
        f[Feature.REFUNDS_90D.index()] = refunds;
        f[Feature.CONFIRMED_FRAUD.index()] = confirmed ? 1 : 0;
        long opened = t.accountCreatedMillis() >= 0 ? Math.min(t.accountCreatedMillis(), firstSeen) : firstSeen;
        f[Feature.ACCOUNT_AGE_DAYS.index()] = Math.max(0, now - opened) / (double) DAY;
        int mismatches = 0;
        mismatches += flag(f, Feature.BIN_COUNTRY_NOT_IP_COUNTRY, differ(t.binCountry(), t.ipCountry()));
        mismatches += flag(f, Feature.BIN_COUNTRY_NOT_SHIPPING_COUNTRY, differ(t.binCountry(), t.shippingCountry()));
        mismatches += flag(f, Feature.IP_COUNTRY_NOT_SHIPPING_COUNTRY, differ(t.ipCountry(), t.shippingCountry()));
        f[Feature.COUNTRY_MISMATCHES.index()] = mismatches;
        f[Feature.TAKEOVER_SHAPE.index()] = f[Feature.NEW_DEVICE_FOR_EMAIL.index()]
                * Math.max(0, f[Feature.AMOUNT_VS_BUYER.index()]);
        return f;
    }

    /** Remembers the attempt (after its decision): it now counts in every window of every entity it touched. */
    public void record(Transaction t) {
        long now = t.atMillis();
        double amount = t.amountMajor();
        int cardHash = t.card() == null ? 0 : t.card().hashCode();
        Function<String, History> fresh = k -> new History(now);
        History merchantProfile = merchantProfiles.computeIfAbsent(profileKey(t.merchant(), t.currency()), fresh);
        synchronized (merchantProfile) {
            merchantProfile.profile(amount);
        }
        if (t.card() != null) {
            History card = cards.computeIfAbsent(t.card(), fresh);
            synchronized (card) {
                card.attempt(now, amount);
                card.profile(amount);
                if (t.device() != null) {
                    card.linkDevice(t.device().hashCode());
                }
                if (t.email() != null) {
                    card.linkEmail(t.email().hashCode());
                }
                if (t.shippingCountry() != null) {
                    card.linkShipping(t.shippingCountry().hashCode());
                }
            }
        }
        if (t.device() != null) {
            History device = devices.computeIfAbsent(t.device(), fresh);
            synchronized (device) {
                device.attempt(now, amount);
                if (t.card() != null) {
                    device.linkCard(cardHash, now);
                }
            }
        }
        if (t.ip() != null) {
            History ip = ips.computeIfAbsent(t.ip(), fresh);
            synchronized (ip) {
                ip.attempt(now, amount);
                if (t.card() != null) {
                    ip.linkCard(cardHash, now);
                }
            }
        }
        if (t.email() != null) {
            History email = emails.computeIfAbsent(t.email(), fresh);
            synchronized (email) {
                email.attempt(now, amount);
                email.profile(amount);
                if (t.card() != null) {
                    email.linkCard(cardHash, now);
                }
                if (t.device() != null) {
                    email.linkDevice(t.device().hashCode());
                }
                if (t.shippingCountry() != null) {
                    email.linkShipping(t.shippingCountry().hashCode());
                }
            }
        }
        if (t.merchant() != null) {
            History merchant = merchants.computeIfAbsent(t.merchant(), fresh);
            synchronized (merchant) {
                merchant.attempt(now, amount);
            }
        }
        if (t.bin() != null) {
            History bin = bins.computeIfAbsent(t.bin(), fresh);
            synchronized (bin) {
                bin.attempt(now, amount);
            }
        }
        if (t.reference() != null) {
            Map<String, Keys> current = references;
            current.put(t.reference(), new Keys(t.card(), t.email(), t.device(), t.ip()));
            if (current.size() >= REFERENCES_PER_GENERATION) {
                synchronized (this) {
                    if (references == current) {
                        previousReferences = current;
                        references = new ConcurrentHashMap<>();
                    }
                }
            }
        }
    }

    /** Attaches a later outcome to the attempt {@code reference}; false when the cache does not know it. */
    public boolean outcome(String reference, Outcome outcome, long atMillis) {
        Keys keys = references.get(reference);
        if (keys == null) {
            keys = previousReferences.get(reference);
        }
        if (keys == null) {
            return false;
        }
        outcome(keys, outcome, atMillis);
        return true;
    }

    /** Attaches an outcome to the entities of an attempt (also for attempts older than the cache). */
    public void outcome(Keys keys, Outcome outcome, long atMillis) {
        Function<String, History> fresh = k -> new History(atMillis);
        switch (outcome) {
            case DECLINED -> apply(cards, keys.card(), fresh, h -> h.declined(atMillis));
            case REFUNDED -> {
                apply(cards, keys.card(), fresh, h -> h.refunded(atMillis));
                apply(emails, keys.email(), fresh, h -> h.refunded(atMillis));
            }
            case CHARGED_BACK -> {
                apply(cards, keys.card(), fresh, h -> h.chargedBack(atMillis));
                apply(emails, keys.email(), fresh, h -> h.chargedBack(atMillis));
                apply(devices, keys.device(), fresh, h -> h.chargedBack(atMillis));
            }
            case CONFIRMED_FRAUD -> {
                apply(cards, keys.card(), fresh, h -> h.confirmedFraud = true);
                apply(emails, keys.email(), fresh, h -> h.confirmedFraud = true);
                apply(devices, keys.device(), fresh, h -> h.confirmedFraud = true);
                apply(ips, keys.ip(), fresh, h -> h.confirmedFraud = true);
            }
        }
    }

    /** How many entities the cache holds (cards, devices, IPs, e-mails, merchants, BINs). */
    public int size() {
        return cards.size() + devices.size() + ips.size() + emails.size() + merchants.size() + bins.size();
    }

    public void clear() {
        cards.clear();
        bins.clear();
        devices.clear();
        ips.clear();
        emails.clear();
        merchants.clear();
        merchantProfiles.clear();
        references = new ConcurrentHashMap<>();
        previousReferences = Map.of();
    }

    private static void apply(Map<String, History> map, String key, Function<String, History> fresh,
                              java.util.function.Consumer<History> change) {
        if (key == null) {
            return;
        }
        History h = map.computeIfAbsent(key, fresh);
        synchronized (h) {
            change.accept(h);
        }
    }

    private static History get(Map<String, History> map, String key) {
        return key == null ? null : map.get(key);
    }

    private static String profileKey(String merchant, String currency) {
        return merchant + '|' + currency;
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equalsIgnoreCase(b);
    }

    private static int flag(double[] f, Feature feature, boolean on) {
        f[feature.index()] = on ? 1 : 0;
        return on ? 1 : 0;
    }
}
