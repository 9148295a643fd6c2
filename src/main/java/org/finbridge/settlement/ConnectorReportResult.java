package org.finbridge.settlement;

import java.time.LocalDate;
import java.util.List;

/** What importing a connector's daily settlement report did. */
public sealed interface ConnectorReportResult {

    /** @param currencies the currencies the report settles, each with its totals kept */
    record Imported(String connector, LocalDate date, List<String> currencies, int lines) implements ConnectorReportResult {
    }

    /** The same report (same totals) was imported before: nothing changed. */
    record AlreadyImported(String connector, LocalDate date) implements ConnectorReportResult {
    }

    /** A report for this connector, day and currency with other totals is already kept: reports are facts, never replaced. */
    record Conflicting(String connector, LocalDate date, String currency) implements ConnectorReportResult {
    }

    /** The file is not a settlement report Finbridge reads; nothing was kept. */
    record Unreadable(String problem) implements ConnectorReportResult {
    }
}
