package org.finbridge.fx;

/**
 * A class of currency pairs priced alike. The spread reflects what covering the position costs:
 * majors trade in deep markets, the offshore renminbi less so, other currencies least.
 *
 * @param spreadBasisPoints the spread a STANDARD-tier party pays in this corridor
 */
public enum Corridor {
    /** Both currencies are majors (USD, EUR, GBP, JPY, CHF, CAD, AUD, NZD, HKD, SGD, SEK, NOK, DKK). */
    MAJOR(30),
    /** One side is CNY, the other a major. */
    CNY(60),
    /** Any other pair. */
    EXOTIC(150);

    private final int spreadBasisPoints;

    Corridor(int spreadBasisPoints) {
        this.spreadBasisPoints = spreadBasisPoints;
    }

    public int spreadBasisPoints() {
        return spreadBasisPoints;
    }
}
