package org.finbridge.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;

/** Operators' reconciliation and safeguarding duties; regulators read the safeguarding reports. */
public interface Reconciliations {

    /**
     * Reconciles an imported statement file (see {@code BankStatements.importFile}) against payouts, and records
     * the closing balances of safeguarding accounts it reports. Reconciling a file again handles only new lines.
     */
    Optional<ReconciliationOutcome> reconcile(Actor actor, String fileId);

    List<ReconciliationOutcome.ExceptionLine> exceptions(Actor actor, int limit);

    /** Computes and keeps the day's safeguarding report (again: the kept one is replaced by a fresh computation). */
    SafeguardingReport safeguarding(LocalDate date, String actor);

    /** Kept reports, newest first. */
    List<SafeguardingReport> safeguardingReports(Actor actor, int limit);
}
