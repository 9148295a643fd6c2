package org.finbridge.fx.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.fx.EuroFixing;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.UnknownCurrencyException;

/**
 * Reads the ECB's history file: a header {@code Date,USD,JPY,…,}, then one line per fixing day, newest
 * first, each value the units of that currency per 1 EUR, {@code N/A} where there is no rate, every line
 * ending with a comma. The format is fixed and has no quoting, so a split is the whole parser.
 */
final class EcbCsv {

    static final String NO_RATE = "N/A";

    private EcbCsv() {
    }

    /** The fixings after {@code after} (all when null); reading stops at the first older line. */
    static List<EuroFixing> read(BufferedReader in, String source, LocalDate after) {
        try {
            String header = in.readLine();
            if (header == null || !header.startsWith("Date,")) {
                throw new IllegalArgumentException("not an ECB history file: the header must start with Date,");
            }
            CurrencyCode[] columns = columns(header.split(","));
            List<EuroFixing> fixings = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                EuroFixing fixing = fixing(line.split(","), columns, source, lineNumber);
                if (after != null && !fixing.date().isAfter(after)) {
                    break; // newest first: everything below is older still
                }
                fixings.add(fixing);
            }
            return fixings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The currency of each column; null for the date column and for codes the ISO table lacks. */
    private static CurrencyCode[] columns(String[] header) {
        CurrencyCode[] columns = new CurrencyCode[header.length];
        for (int i = 1; i < header.length; i++) {
            try {
                columns[i] = CurrencyCode.of(header[i].trim());
            } catch (UnknownCurrencyException e) {
                columns[i] = null; // not an ISO 4217 currency with minor units: the ledger cannot hold it
            }
        }
        return columns;
    }

    private static EuroFixing fixing(String[] cells, CurrencyCode[] columns, String source, int lineNumber) {
        if (cells.length > columns.length) {
            throw new IllegalArgumentException("line " + lineNumber + " has more values than the header");
        }
        LocalDate date = LocalDate.parse(cells[0].trim());
        Map<CurrencyCode, BigDecimal> rates = new LinkedHashMap<>();
        for (int i = 1; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (columns[i] != null && !cell.isEmpty() && !cell.equals(NO_RATE)) {
                rates.put(columns[i], new BigDecimal(cell));
            }
        }
        return new EuroFixing(date, source, rates);
    }
}
