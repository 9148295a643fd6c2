package org.finbridge.risk.aml.internal;

import java.util.List;
import java.util.Map;

/**
 * A named rule over one customer's {@link Activity} (DESIGN: rules are a list of small named policies;
 * the rules in force are listed in {@link RulesInForce}). Rules are pure: the same activity gives the
 * same findings, so evaluating twice raises nothing twice.
 */
public interface MonitoringRule {

    String name();

    /** The rule's parameters, as shown to analysts with each alert and in the rule list. */
    Map<String, Object> parameters();

    List<Finding> evaluate(Activity activity);
}
