package org.finbridge.risk.aml;

import java.time.LocalDate;

/** The answer to an analyst's request to file a large-value report (LTR) now; refusals are named after their rule. */
public sealed interface LtrFiling {

    record Filed(AmlReport report) implements LtrFiling {
    }

    /** No large-value alert with that id (or the asker is no operator: AML work is confidential, AML Law art. 35). */
    record NotFound(AlertId alert) implements LtrFiling {
    }

    /** The alert is no longer waiting: its LTR was filed already (by the monitoring pass or another analyst). */
    record AlreadyFiled(AlertStatus status, ReportId report) implements LtrFiling {
    }

    /**
     * An LTR reports a customer's day (REGULATIONS §4.2: the day's cumulative amounts): it is filed once that day
     * is over on the reporting calendar, not while transactions may still join it.
     */
    record DayNotOver(LocalDate day) implements LtrFiling {
    }
}
