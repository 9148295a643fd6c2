package org.finbridge.fx;

import java.time.LocalDate;
import java.util.List;

/**
 * A source of reference fixings: the ECB's history file shipped with the platform, the ECB's daily
 * feed, or a market-data vendor. Fixings are imported into the platform's own table, so answering a
 * rate never waits on a remote source.
 */
public interface RateProvider {

    /** The name answered with each rate ("ECB"). */
    String source();

    /** The fixings after {@code after} (every fixing when null), in any order. */
    List<EuroFixing> fixingsAfter(LocalDate after);
}
