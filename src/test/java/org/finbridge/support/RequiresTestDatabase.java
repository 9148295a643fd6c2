package org.finbridge.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL pass, skips a database test with a clear message when no PostgreSQL answers,
 * instead of letting it fail on a connection error.
 */
public class RequiresTestDatabase implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgresRun()) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        return TestDatabase.postgresProblem()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabase.postgresUrl()));
    }
}
