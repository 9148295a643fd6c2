package org.finbridge.trade.internal;

import java.util.List;

/**
 * The CSV shape of one kind of record: its columns (the header must name exactly these, in any order)
 * and, for records with lines (an order's items, a declaration's lines), the column whose value is shared
 * by the consecutive rows of one record.
 */
interface CsvLayout<N> {

    List<String> columns();

    /** The column that groups consecutive rows into one record, or null for one record per row. */
    String groupBy();

    /** The columns that must repeat identically on every row of a grouped record. */
    List<String> recordColumns();

    /** One record from its rows; problems found in the text are added to {@code problems}. */
    N decode(List<CsvRow> rows, List<String> problems);
}
