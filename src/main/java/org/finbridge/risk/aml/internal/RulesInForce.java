package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.util.List;

/**
 * The one place that lists the monitoring rules in force and their parameters. The large-value triggers
 * are the regulation's (REGULATIONS §4.2); the typologies' parameters are platform policy, chosen to be
 * reviewed with the compliance officer (PBoC Order 2016 No. 3 art. 11 leaves the monitoring standards to
 * the institution) and shown with every alert.
 */
public final class RulesInForce {

    /** How far back per-customer rules look: the longest window below (brushing's 60 days). */
    public static final Duration LOOK_BACK = Duration.ofDays(60);

    /** CBEC retail import single-transaction limit, CNY 5,000 (财关税〔2018〕49号, REGULATIONS §1.1). */
    public static final long CBEC_SINGLE_LIMIT_CNY_MINOR = 5_000_00L;

    private RulesInForce() {
    }

    public static List<MonitoringRule> perCustomer() {
        return List.of(
                new LargeValueRule(LargeValueThreshold.CASH),
                new LargeValueRule(LargeValueThreshold.ENTITY_TRANSFER),
                new LargeValueRule(LargeValueThreshold.PERSON_DOMESTIC),
                new LargeValueRule(LargeValueThreshold.PERSON_CROSS_BORDER),
                new StructuringRule(1_000, 3, Duration.ofDays(7)),
                new RapidInAndOutRule(Duration.ofHours(48), 100_000_00L, 9_000),
                new FanRule(AmlTransaction.Direction.CREDIT, Duration.ofHours(24), 10, 200_000_00L, 10_000_00L),
                new FanRule(AmlTransaction.Direction.DEBIT, Duration.ofHours(24), 10, 200_000_00L, 10_000_00L),
                new DormantAccountRule(Duration.ofDays(180), Duration.ofDays(7), 50_000_00L),
                // USD 1,000: the FATF R.16 line (REGULATIONS §4.3)
                new HighRiskJurisdictionRule(1_000_00L),
                new BrushingRule(LOOK_BACK, Duration.ofDays(30), 5, 2_000),
                new RefundAbuseRule(Duration.ofDays(30), 5, 3_000),
                new InvoicingRule(5_000),
                new SplitOrdersRule("CN", CBEC_SINGLE_LIMIT_CNY_MINOR, 2));
    }

    public static CircularFlowRule network() {
        return new CircularFlowRule(Duration.ofDays(30), 10_000_00L, 4);
    }
}
