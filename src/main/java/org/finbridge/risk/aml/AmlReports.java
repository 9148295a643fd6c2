package org.finbridge.risk.aml;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;

/** Filed LTRs and STRs: read by operators and by supervisors, kept ten years. */
public interface AmlReports {

    /** @param type null for both */
    List<AmlReport> list(ReportType type, int limit);

    Optional<AmlReport> find(ReportId id);

    /**
     * Files the LTR of a large-value alert whose day is over now, at an analyst's request, rather than at the
     * next monitoring pass (audited, with the analyst's name). Once per alert, whoever files first: the
     * monitoring pass and every request lock the alert. Operators only.
     */
    LtrFiling fileLargeValue(Actor actor, AlertId alert);

    /** The report's XML as filed (valid against {@code aml/aml-report-1.xsd}). */
    Optional<String> xml(ReportId id);

    /** Deletes a report whose retention period is over; refuses before (AML Law 2024 art. 34). Audited. */
    DeletionResult delete(Actor actor, ReportId id);
}
