package org.finbridge.risk.fraud.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plays simulated attempts and their later outcomes (declines at once, refunds and chargebacks when
 * they happen) through a fresh {@link FeatureCache} in time order, recording each attempt's features as
 * they were at that moment: the same features the live path computes, with no look-ahead.
 */
public final class Replay {

    /** One attempt's features and truth. */
    public record Row(Transaction transaction, double[] features, boolean fraud, String pattern) {
    }

    private Replay() {
    }

    public static List<Row> features(List<TransactionSimulator.Simulated> attempts, FeatureCache cache) {
        record Later(long at, FeatureCache.Keys keys, FeatureCache.Outcome outcome) {
        }
        List<Later> later = new ArrayList<>();
        for (var s : attempts) {
            Transaction t = s.transaction();
            var keys = new FeatureCache.Keys(t.card(), t.email(), t.device(), t.ip());
            if (s.refundedAtMillis() > 0) {
                later.add(new Later(s.refundedAtMillis(), keys, FeatureCache.Outcome.REFUNDED));
            }
            if (s.chargedBackAtMillis() > 0) {
                later.add(new Later(s.chargedBackAtMillis(), keys, FeatureCache.Outcome.CHARGED_BACK));
            }
        }
        later.sort(Comparator.comparingLong(Later::at));
        List<Row> rows = new ArrayList<>(attempts.size());
        int next = 0;
        for (var s : attempts) {
            Transaction t = s.transaction();
            while (next < later.size() && later.get(next).at() <= t.atMillis()) {
                Later l = later.get(next++);
                cache.outcome(l.keys(), l.outcome(), l.at());
            }
            rows.add(new Row(t, cache.features(t), s.fraud(), s.pattern()));
            cache.record(t);
            if (s.declined()) {
                cache.outcome(new FeatureCache.Keys(t.card(), t.email(), t.device(), t.ip()), FeatureCache.Outcome.DECLINED,
                        t.atMillis());
            }
        }
        return rows;
    }
}
