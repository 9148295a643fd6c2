package org.finbridge.trade.internal;

import java.util.List;
import java.util.Map;

/** One CSV row with the header's column names, and its line. */
record CsvRow(long line, List<String> cells, Map<String, Integer> columns) {

    /** The cell's text, or null when empty. */
    String get(String column) {
        String v = cells.get(columns.get(column));
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * A whole number, or null when the cell is empty; a cell that is not one adds a problem and answers
     * null, so that the record is rejected with every reason found.
     */
    Long number(String column, List<String> problems) {
        String v = get(column);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            problems.add(column + ": \"" + v + "\" is not a whole number");
            return null;
        }
    }
}
