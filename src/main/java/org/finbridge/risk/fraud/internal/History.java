package org.finbridge.risk.fraud.internal;

/**
 * What the warm cache remembers of one card, device, IP address, e-mail, BIN or merchant: its most
 * recent attempts (time, amount, whether small), recent declines, a running profile of its amounts,
 * the cards and devices seen with it, and its refund, chargeback and confirmed-fraud history.
 *
 * <p>Bounded on purpose: the last {@link #CAPACITY} attempts are enough to count any window the rules
 * use (a count that reaches the capacity reads as "at least that many"), so memory per entity is fixed.
 * Callers synchronize on the instance.
 */
final class History {

    static final int CAPACITY = 64;
    private static final int LINKS = 16;
    private static final int DECLINES = 16;
    private static final int DISPUTES = 8;

    final long firstSeenMillis;
    private long[] at = new long[4];
    private float[] amount = new float[4];
    private int size;
    private int head; // index of the next write

    private final long[] declinedAt = new long[DECLINES];
    private int declines;

    // running mean and variance of log amounts, per Welford; one currency per profile key
    private long profileCount;
    private double profileMean;
    private double profileM2;

    private int[] linkedCards;
    private long[] linkedCardsAt;
    private final SmallSet devicesSeen = new SmallSet();
    private final SmallSet emailsSeen = new SmallSet();
    private final SmallSet shippingSeen = new SmallSet();

    private final long[] refundAt = new long[DISPUTES];
    private int refunds;
    private final long[] chargebackAt = new long[DISPUTES];
    private int chargebacks;
    boolean confirmedFraud;

    History(long firstSeenMillis) {
        this.firstSeenMillis = firstSeenMillis;
    }

    void attempt(long atMillis, double amountMajor) {
        if (size == at.length && size < CAPACITY) {
            grow();
        }
        at[head] = atMillis;
        amount[head] = (float) amountMajor;
        head = (head + 1) % at.length;
        size = Math.min(size + 1, at.length);
    }

    private void grow() {
        int n = Math.min(CAPACITY, at.length * 2);
        long[] a = new long[n];
        float[] m = new float[n];
        // unroll the ring oldest first
        for (int i = 0; i < size; i++) {
            int j = (head - size + i + at.length) % at.length;
            a[i] = at[j];
            m[i] = amount[j];
        }
        at = a;
        amount = m;
        head = size % n;
    }

    /** Attempts in (now - window, now]. */
    int attemptsSince(long fromMillis) {
        int n = 0;
        for (int k = 1; k <= size; k++) {
            int j = (head - k + at.length) % at.length;
            if (at[j] <= fromMillis) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Attempts in the window whose amount was at most {@code smallMajor}. */
    int smallAttemptsSince(long fromMillis, double smallMajor) {
        int n = 0;
        for (int k = 1; k <= size; k++) {
            int j = (head - k + at.length) % at.length;
            if (at[j] <= fromMillis) {
                break;
            }
            if (amount[j] <= smallMajor) {
                n++;
            }
        }
        return n;
    }

    int attempts() {
        return size;
    }

    void declined(long atMillis) {
        declinedAt[declines % DECLINES] = atMillis;
        declines++;
    }

    int declinesSince(long fromMillis) {
        int n = 0;
        for (int i = 0; i < Math.min(declines, DECLINES); i++) {
            if (declinedAt[i] > fromMillis) {
                n++;
            }
        }
        return n;
    }

    void profile(double amountMajor) {
        double x = Math.log1p(Math.max(0, amountMajor));
        profileCount++;
        double d = x - profileMean;
        profileMean += d / profileCount;
        profileM2 += d * (x - profileMean);
    }

    /** How many standard deviations the amount's log lies above the profile's mean; 0 below {@code minHistory}. */
    double zScore(double amountMajor, int minHistory) {
        if (profileCount < minHistory) {
            return 0;
        }
        double sd = Math.sqrt(profileM2 / (profileCount - 1));
        // a floor on the spread: a buyer who always paid the same amount is not infinitely surprised
        return (Math.log1p(Math.max(0, amountMajor)) - profileMean) / Math.max(sd, 0.25);
    }

    long profileCount() {
        return profileCount;
    }

    /** Records that this entity was used with the card {@code cardHash}; the oldest link makes room. */
    void linkCard(int cardHash, long atMillis) {
        if (linkedCards == null) {
            linkedCards = new int[LINKS];
            linkedCardsAt = new long[LINKS];
        }
        int oldest = 0;
        for (int i = 0; i < LINKS; i++) {
            if (linkedCardsAt[i] != 0 && linkedCards[i] == cardHash) {
                linkedCardsAt[i] = atMillis;
                return;
            }
            if (linkedCardsAt[i] < linkedCardsAt[oldest]) {
                oldest = i;
            }
        }
        linkedCards[oldest] = cardHash;
        linkedCardsAt[oldest] = atMillis;
    }

    /** Distinct cards used with this entity since then, counting {@code cardHash} (the attempt's own). */
    int cardsSince(long fromMillis, int cardHash) {
        if (linkedCards == null) {
            return 1;
        }
        int n = 0;
        boolean self = false;
        for (int i = 0; i < LINKS; i++) {
            if (linkedCardsAt[i] > fromMillis) {
                n++;
                self |= linkedCards[i] == cardHash;
            }
        }
        return self ? n : n + 1;
    }

    void linkDevice(int deviceHash) {
        devicesSeen.add(deviceHash);
    }

    void linkEmail(int emailHash) {
        emailsSeen.add(emailHash);
    }

    void linkShipping(int countryHash) {
        shippingSeen.add(countryHash);
    }

    /** Whether this entity was used from devices before and never from this one. */
    boolean newDevice(int deviceHash) {
        return devicesSeen.isNew(deviceHash);
    }

    boolean newEmail(int emailHash) {
        return emailsSeen.isNew(emailHash);
    }

    boolean newShipping(int countryHash) {
        return shippingSeen.isNew(countryHash);
    }

    /** A few hashes, the oldest replaced once full: "seen with this entity before?" */
    private static final class SmallSet {
        private int[] values;
        private int count;

        void add(int v) {
            if (values == null) {
                values = new int[4];
            }
            for (int i = 0; i < Math.min(count, values.length); i++) {
                if (values[i] == v) {
                    return;
                }
            }
            if (count == values.length && values.length < LINKS) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[count % values.length] = v;
            count++;
        }

        /** Known values exist and this is none of them. */
        boolean isNew(int v) {
            if (count == 0) {
                return false;
            }
            for (int i = 0; i < Math.min(count, values.length); i++) {
                if (values[i] == v) {
                    return false;
                }
            }
            return true;
        }
    }

    void refunded(long atMillis) {
        refundAt[refunds % DISPUTES] = atMillis;
        refunds++;
    }

    void chargedBack(long atMillis) {
        chargebackAt[chargebacks % DISPUTES] = atMillis;
        chargebacks++;
    }

    int refundsSince(long fromMillis) {
        return countSince(refundAt, refunds, fromMillis);
    }

    int chargebacksSince(long fromMillis) {
        return countSince(chargebackAt, chargebacks, fromMillis);
    }

    private static int countSince(long[] times, int total, long fromMillis) {
        int n = 0;
        for (int i = 0; i < Math.min(total, times.length); i++) {
            if (times[i] > fromMillis) {
                n++;
            }
        }
        return n;
    }
}
