package org.finbridge.risk.sanctions;

import java.util.Locale;
import java.util.Optional;

/**
 * The list file layouts Finbridge reads: OFAC's legacy SDN CSV (with its alias and address files), the
 * UN Security Council Consolidated List XML, and a generic CSV ({@code id,name,type,country,dob,aliases…})
 * for any other list.
 */
public enum ListFormat {
    OFAC, UN, CSV;

    public static Optional<ListFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "ofac" -> Optional.of(OFAC);
            case "un" -> Optional.of(UN);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /** The list a file of this format is imported as when the caller names none. */
    public String defaultListCode() {
        return switch (this) {
            case OFAC -> "OFAC-SDN";
            case UN -> "UN-SC";
            case CSV -> "CUSTOM";
        };
    }
}
