package org.finbridge.risk.sanctions;

import java.math.BigDecimal;
import java.util.List;

/** The answer to a screening: screened against named list versions, or not screened at all. */
public sealed interface ScreeningResult {

    /**
     * Screened; {@code hits} holds every entry scoring at or above {@code threshold}, best first (empty
     * when nothing came close).
     *
     * @param listVersions the list versions screened against, e.g. {@code OFAC-SDN 2024-05-03 (sha256 210ca6b4…)}
     */
    record Screened(List<ScreeningHit> hits, List<String> listVersions, BigDecimal threshold) implements ScreeningResult {
        public Screened {
            hits = List.copyOf(hits);
            listVersions = List.copyOf(listVersions);
        }
    }

    /** Nothing could be screened (no list imported, or the name is empty): a person must screen. */
    record Unavailable(String reason) implements ScreeningResult {
    }
}
