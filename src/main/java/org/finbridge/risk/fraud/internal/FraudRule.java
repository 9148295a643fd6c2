package org.finbridge.risk.fraud.internal;

import org.finbridge.risk.fraud.FraudOutcome;

/**
 * One named fraud policy: reads the attempt and its features and says whether it fires. The reason
 * code a decision carries is the rule's {@link #code()}; the rules in force are listed in
 * {@link FraudRules#IN_FORCE}.
 */
public interface FraudRule {

    String code();

    /** The outcome the rule asks for when it fires. */
    FraudOutcome outcome();

    boolean firesOn(Transaction t, double[] features);

    static FraudRule of(String code, FraudOutcome outcome, java.util.function.BiPredicate<Transaction, double[]> test) {
        return new FraudRule() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public FraudOutcome outcome() {
                return outcome;
            }

            @Override
            public boolean firesOn(Transaction t, double[] features) {
                return test.test(t, features);
            }

            @Override
            public String toString() {
                return code + " -> " + outcome;
            }
        };
    }
}
