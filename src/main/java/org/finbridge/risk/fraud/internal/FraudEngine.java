package org.finbridge.risk.fraud.internal;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.risk.fraud.FraudOutcome;

/**
 * Decides one attempt: features from the warm cache, the rules in force, the model's score against its
 * thresholds; the most severe outcome wins and every rule that fired and the model's strongest signals
 * become reason codes. Then the attempt is recorded in the cache. No database, no Spring: the
 * authorization path, the simulator and the benchmark all call this.
 */
public final class FraudEngine {

    private final FeatureCache cache;
    private final List<FraudRule> rules;
    private volatile LinearScorer model;

    public FraudEngine(FeatureCache cache, List<FraudRule> rules, LinearScorer model) {
        this.cache = cache;
        this.rules = List.copyOf(rules);
        this.model = model;
    }

    /** An engine's answer: outcome, the model's probability of fraud, the model's version, reasons, features. */
    public record Verdict(FraudOutcome outcome, double score, String modelVersion, List<String> reasons, double[] features) {
    }

    public Verdict decide(Transaction t) {
        Verdict v = evaluate(t);
        cache.record(t);
        return v;
    }

    /** The decision without recording the attempt. */
    public Verdict evaluate(Transaction t) {
        double[] f = cache.features(t);
        LinearScorer m = model;
        List<String> reasons = new ArrayList<>(4);
        FraudOutcome outcome = FraudOutcome.ALLOW;
        for (FraudRule rule : rules) {
            if (rule.firesOn(t, f)) {
                reasons.add("rule:" + rule.code());
                outcome = outcome.atLeast(cardOnly(rule.outcome(), t));
            }
        }
        double score = m.score(f);
        FraudOutcome byModel = score > m.blockAt() ? FraudOutcome.BLOCK
                : score > m.challengeAt() ? cardOnly(FraudOutcome.CHALLENGE, t)
                : score > m.reviewAt() ? FraudOutcome.REVIEW
                : FraudOutcome.ALLOW;
        if (byModel == FraudOutcome.BLOCK && t.device() == null && t.ip() == null && t.email() == null) {
            // a checkout that sent no device, IP address or e-mail gives the model nothing but the card and
            // the amount to go on: it may ask for 3-D Secure (which shifts the liability) but not refuse
            byModel = cardOnly(FraudOutcome.CHALLENGE, t);
        }
        if (byModel != FraudOutcome.ALLOW) {
            reasons.add("model:score_" + (byModel == FraudOutcome.BLOCK ? "very_high" : byModel == FraudOutcome.REVIEW ? "elevated" : "high"));
            reasons.addAll(m.strongestSignals(f, 3));
        }
        return new Verdict(outcome.atLeast(byModel), score, m.version(), reasons, f);
    }

    /** 3-D Secure is for cards; another method that would be challenged goes to review instead. */
    private static FraudOutcome cardOnly(FraudOutcome o, Transaction t) {
        return o == FraudOutcome.CHALLENGE && !t.card3ds() ? FraudOutcome.REVIEW : o;
    }

    public FeatureCache cache() {
        return cache;
    }

    public LinearScorer model() {
        return model;
    }

    public void useModel(LinearScorer model) {
        this.model = model;
    }
}
