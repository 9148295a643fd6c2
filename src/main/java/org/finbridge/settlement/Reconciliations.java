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

    /**
     * One page of the reconciliation exceptions (operators only; anyone else gets an empty page). Sorts:
     * {@code created} (newest first, the default), {@code valueDate}, {@code reason}, {@code amount}.
     */
    org.finbridge.platform.QueuePage<ReconciliationOutcome.ExceptionLine> exceptions(Actor actor,
                                                                                      org.finbridge.platform.QueuePage.Request page);

    /**
     * Keeps a connector's daily settlement report (its totals per currency) for the three-way reconciliation.
     * Operators only: anyone else gets {@link ConnectorReportResult.Unreadable} and nothing is kept.
     */
    ConnectorReportResult importConnectorReport(Actor actor, String fileName, String csv);

    /**
     * Three-way reconciliation of a day: the ledger's clearing accounts, the connectors' reports and the bank's
     * credits in the given imported statement files, per connector and currency; breaks go to the exception
     * queue. Empty when a statement file is unknown or the actor is no operator.
     */
    Optional<List<ThreeWayLine>> reconcileThreeWay(Actor actor, LocalDate date, List<String> statementFileIds);

    /** The day's last three-way reconciliation, per connector and currency (operators only). */
    List<ThreeWayLine> threeWay(Actor actor, LocalDate date);

    /** Computes and keeps the day's safeguarding report (again: the kept one is replaced by a fresh computation). */
    SafeguardingReport safeguarding(LocalDate date, String actor);

    /** Kept reports, newest first. */
    List<SafeguardingReport> safeguardingReports(Actor actor, int limit);
}
