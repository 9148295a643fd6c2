package org.finbridge.credit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled table for model training: feature columns, each numeric or categorical, and a binary
 * outcome per row ({@code true} = the bad outcome the models predict, e.g. default).
 *
 * <p>A numeric column holds its values as doubles, with {@link Double#NaN} for a missing value; a
 * categorical column holds strings, with null for a missing value.
 */
public final class Table {

    public enum Kind { NUMERIC, CATEGORICAL }

    public record Column(String name, Kind kind, double[] numbers, String[] categories) {

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        public boolean missing(int row) {
            return kind == Kind.NUMERIC ? Double.isNaN(numbers[row]) : categories[row] == null;
        }

        Column rows(int[] rows) {
            if (kind == Kind.NUMERIC) {
                double[] n = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    n[i] = numbers[rows[i]];
                }
                return new Column(name, kind, n, null);
            }
            String[] c = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                c[i] = categories[rows[i]];
            }
            return new Column(name, kind, null, c);
        }
    }

    private final List<Column> columns;
    private final boolean[] bad;

    public Table(List<Column> columns, boolean[] bad) {
        this.columns = List.copyOf(columns);
        this.bad = bad.clone();
        for (Column c : this.columns) {
            int length = c.kind() == Kind.NUMERIC ? c.numbers().length : c.categories().length;
            if (length != bad.length) {
                throw new IllegalArgumentException("column " + c.name() + " has " + length + " rows, the outcome " + bad.length);
            }
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public int rows() {
        return bad.length;
    }

    public boolean bad(int row) {
        return bad[row];
    }

    public boolean[] outcomes() {
        return bad.clone();
    }

    public int badCount() {
        int n = 0;
        for (boolean b : bad) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The sub-table of the given rows, in that order. */
    public Table rows(int[] rows) {
        List<Column> sub = new ArrayList<>(columns.size());
        for (Column c : columns) {
            sub.add(c.rows(rows));
        }
        boolean[] b = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            b[i] = bad[rows[i]];
        }
        return new Table(sub, b);
    }

    /** One row's feature values by column name: Double for numeric columns, String for categorical ones. */
    public Map<String, Object> row(int row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column c : columns) {
            values.put(c.name(), c.kind() == Kind.NUMERIC ? (Object) c.numbers()[row] : c.categories()[row]);
        }
        return values;
    }
}
