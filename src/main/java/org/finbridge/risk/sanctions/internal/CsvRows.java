package org.finbridge.risk.sanctions.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 rows of a list file (Apache Commons CSV), each with the line it starts on. A file that ends
 * inside a quoted field, or whose last row is short and has no line end, was cut off: refused as
 * truncated rather than imported without its tail.
 */
final class CsvRows {

    record Row(long line, List<String> fields) {
        String field(int i) {
            return i < fields.size() ? fields.get(i) : null;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private CsvRows() {
    }

    /** @param expectedColumns the column count of a complete row, or 0 when rows may vary */
    static List<Row> read(String text, String file, int expectedColumns) throws ListFormatException {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord r : parser) {
                List<String> fields = new ArrayList<>(r.size());
                r.forEach(fields::add);
                rows.add(new Row(lineOf(r, parser), fields));
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            throw new ListFormatException(file + " cannot be read as CSV after line " + (rows.isEmpty() ? 0
                    : rows.getLast().line()) + ": " + rootMessage(e) + " (truncated or not a CSV file?)", e);
        }
        boolean endsWithLineBreak = text.endsWith("\n") || text.endsWith("\r");
        if (expectedColumns > 0 && !rows.isEmpty() && !endsWithLineBreak
                && rows.getLast().fields().size() < expectedColumns) {
            throw new ListFormatException(file + " ends in the middle of a record at line " + rows.getLast().line()
                    + " (" + rows.getLast().fields().size() + " of " + expectedColumns + " columns): truncated?");
        }
        return rows;
    }

    private static long lineOf(CSVRecord r, CSVParser parser) {
        // the parser's line number is where the record ended; fine for reports ("near line")
        return parser.getCurrentLineNumber() == 0 ? r.getRecordNumber() : parser.getCurrentLineNumber();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** OFAC writes "-0-" for an empty field. */
    static String value(String field) {
        if (field == null) {
            return null;
        }
        String s = field.strip();
        return s.isEmpty() || s.equals("-0-") ? null : s;
    }
}
