package org.finbridge.settlement;

import java.util.List;
import java.util.Optional;

/**
 * What a settlement run moves, read while it runs: how many merchants it pays and, per currency and kind of
 * movement, the amount planned and the amount the ledger has already posted. Operators follow a run with it
 * (together with {@link SettlementRun}'s line counts); it changes nothing.
 */
public interface SettlementRunFigures {

    /** The run's figures; empty when there is no such run. A run not yet planned has no merchants and no totals. */
    Optional<Figures> figures(SettlementRunId run);

    /**
     * @param merchants merchants with at least one line in the run
     * @param totals    per currency and kind, in currency then kind order
     */
    record Figures(int merchants, List<Total> totals) {
        public Figures {
            totals = List.copyOf(totals);
        }
    }

    /**
     * @param kind                    RELEASE, RECOVERY, RESERVE_WITHHOLD or RESERVE_RELEASE
     * @param plannedMinorUnits       what the run's plan moves
     * @param postedMinorUnits        what the ledger has committed of it so far
     */
    record Total(String currency, String kind, long plannedMinorUnits, long postedMinorUnits) {
    }
}
