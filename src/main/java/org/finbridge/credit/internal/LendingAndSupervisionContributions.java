package org.finbridge.credit.internal;

import java.time.ZoneId;
import org.finbridge.credit.ContributionCategory;
import org.finbridge.credit.ContributionResult;
import org.finbridge.credit.NewContribution;
import org.finbridge.financing.LoanEvents;
import org.finbridge.supervision.ViolationDecided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loans and supervisory penalties as data providers (REGULATIONS §3): a loan repaid in full is a positive
 * repayment record; a loan 90 days past due is negative information, reported after the borrower was
 * notified (the lender's first reminder, sent the day the loan fell overdue: Credit Reporting Industry
 * Regulation art. 15); a regulator's decision on a violation is an administrative penalty, public by
 * law, which needs no notice. The source record is the event's identity, so a replay changes nothing.
 */
@Component
class LendingAndSupervisionContributions {

    private static final Logger log = LoggerFactory.getLogger(LendingAndSupervisionContributions.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** From here a loan counts as a serious default (the listing policies' threshold, REGULATIONS §3.3). */
    private static final int SERIOUS_DAYS_PAST_DUE = 90;

    private final ContributionService contributions;

    LendingAndSupervisionContributions(ContributionService contributions) {
        this.contributions = contributions;
    }

    @EventListener
    void on(LoanEvents.Closed event) {
        if (!event.repaidInFull()) {
            return;
        }
        submit(new NewContribution(event.lender(), "finbridge.financing", event.merchant(),
                ContributionCategory.REPAYMENT_ON_TIME, event.loan() + "#closed", 1, null,
                event.on().atStartOfDay(CHINA).toInstant(), null, null, null));
    }

    @EventListener
    void on(LoanEvents.Overdue event) {
        if (event.daysPastDue() < SERIOUS_DAYS_PAST_DUE) {
            return;
        }
        var fellOverdue = event.on().minusDays(event.daysPastDue() - 1L).atStartOfDay(CHINA).toInstant();
        submit(new NewContribution(event.lender(), "finbridge.financing", event.merchant(),
                ContributionCategory.REPAYMENT_OVERDUE, event.loan() + "#overdue-" + SERIOUS_DAYS_PAST_DUE,
                event.daysPastDue(), null, event.on().atStartOfDay(CHINA).toInstant(), null, fellOverdue, null));
    }

    @EventListener
    void on(ViolationDecided event) {
        submit(new NewContribution(event.authority(), "finbridge.supervision", event.subject(),
                ContributionCategory.ADMINISTRATIVE_PENALTY, "violation#" + event.violationId(), 1, null,
                event.decidedAt(), null, null, java.util.Map.of("rule", event.ruleCode(), "decision",
                String.valueOf(event.decision()))));
    }

    private void submit(NewContribution contribution) {
        ContributionResult result = contributions.submit(contribution);
        if (!(result instanceof ContributionResult.Accepted)) {
            log.warn("contribution refused: {} for {}", result, contribution.sourceRecord());
        }
    }
}
