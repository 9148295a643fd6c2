package org.finbridge.trade.internal;

import java.util.List;

/**
 * The CSV shape of one kind of record: its columns (the header must name exactly these, in any order)
 * and, for records with lines (an order's items, a declaration's lines), the column whose value is shared
 * by the consecutive rows of one record ({@code groupBy} is null for one record per row).
 */
record CsvLayout<N>(List<String> columns, String groupBy, List<String> recordColumns, Decoder<N> decoder) {

    /** One record from its rows; problems found in the text are added to {@code problems}. */
    @FunctionalInterface
    interface Decoder<N> {
        N decode(List<CsvRow> rows, List<String> problems);
    }

    /** One record per row. */
    static <N> CsvLayout<N> perRow(List<String> columns, java.util.function.BiFunction<CsvRow, List<String>, N> decoder) {
        return new CsvLayout<>(columns, null, columns, (rows, problems) -> decoder.apply(rows.getFirst(), problems));
    }

    /**
     * Records with lines: consecutive rows sharing {@code groupBy} form one record, and {@code recordColumns}
     * must repeat identically on each of them.
     */
    static <N> CsvLayout<N> grouped(List<String> columns, String groupBy, List<String> recordColumns, Decoder<N> decoder) {
        return new CsvLayout<>(columns, groupBy, recordColumns, decoder);
    }

    /** One record from its rows; problems found in the text are added to {@code problems}. */
    N decode(List<CsvRow> rows, List<String> problems) {
        return decoder.decode(rows, problems);
    }
}
