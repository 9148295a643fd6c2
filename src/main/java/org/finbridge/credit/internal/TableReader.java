package org.finbridge.credit.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a labelled table from a CSV file (a header line; comma, semicolon or tab separated) or a Weka
 * ARFF file, and detects each column's kind: numeric when every present value is a number, otherwise
 * categorical. Empty cells, {@code ?}, {@code NA}, {@code NaN} and {@code null} are missing values.
 *
 * <p>Columns that cannot inform a model are left out and named in {@link Result#dropped()}: a constant
 * column, and a categorical column with almost one distinct value per row (an identifier or free text).
 */
public final class TableReader {

    private static final Set<String> MISSING = Set.of("", "?", "na", "n/a", "nan", "null", "none");

    public record Result(Table table, String target, String positive, String negative, int positiveCount,
                         List<String> dropped) {
    }

    private TableReader() {
    }

    /**
     * @param positive the target value meaning the bad outcome; when null, {@code 1} if the target is
     *                 0/1, {@code bad} if the values are good/bad, otherwise the rarer value
     */
    public static Result read(Path file, String target, String positive) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Raw raw = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arff") ? arff(text) : csv(text);
        return build(raw, target, positive);
    }

    record Raw(List<String> names, List<String[]> rows) {
    }

    static Raw csv(String text) throws IOException {
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = ',';
        int best = count(firstLine, ',');
        for (char d : new char[] {';', '\t', '|'}) {
            if (count(firstLine, d) > best) {
                best = count(firstLine, d);
                delimiter = d;
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new IllegalArgumentException("the file is empty");
            }
            List<String> names = new ArrayList<>();
            CSVRecord header = records.get(0);
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                names.add(name.isEmpty() ? "column" + (i + 1) : name);
            }
            List<String[]> rows = new ArrayList<>();
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                if (record.size() != names.size()) {
                    throw new IllegalArgumentException("line " + record.getRecordNumber() + " has " + record.size()
                            + " fields, the header " + names.size());
                }
                rows.add(record.values());
            }
            return new Raw(names, rows);
        }
    }

    /** ARFF: {@code @attribute name type} lines, then CSV after {@code @data}; values may be single-quoted. */
    static Raw arff(String text) throws IOException {
        List<String> names = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        boolean inData = false;
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("%")) {
                continue;
            }
            if (inData) {
                data.append(l).append('\n');
                continue;
            }
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@attribute")) {
                names.add(attributeName(l.substring("@attribute".length()).strip()));
            } else if (lower.startsWith("@data")) {
                inData = true;
            }
        }
        if (!inData || names.isEmpty()) {
            throw new IllegalArgumentException("not an ARFF file: no @attribute or @data section");
        }
        if (data.indexOf("{") >= 0 && data.toString().strip().startsWith("{")) {
            throw new IllegalArgumentException("sparse ARFF data is not supported");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setQuote('\'').setIgnoreSurroundingSpaces(true).get();
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = new StringReader(data.toString()); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                if (record.size() != names.size()) {
                    throw new IllegalArgumentException("data line " + record.getRecordNumber() + " has " + record.size()
                            + " values, " + names.size() + " attributes declared");
                }
                rows.add(record.values());
            }
        }
        return new Raw(names, rows);
    }

    private static String attributeName(String rest) {
        if (rest.startsWith("'") || rest.startsWith("\"")) {
            int end = rest.indexOf(rest.charAt(0), 1);
            return rest.substring(1, end);
        }
        int space = rest.indexOf(' ');
        int tab = rest.indexOf('\t');
        int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
        return end < 0 ? rest : rest.substring(0, end);
    }

    static Result build(Raw raw, String target, String positive) {
        int targetIndex = raw.names().indexOf(target);
        if (targetIndex < 0) {
            throw new IllegalArgumentException("no column named '" + target + "'; columns: " + String.join(", ", raw.names()));
        }
        if (raw.rows().isEmpty()) {
            throw new IllegalArgumentException("the file has no data rows");
        }
        // the outcome: rows whose target is missing are left out
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < raw.rows().size(); r++) {
            String v = raw.rows().get(r)[targetIndex].strip();
            if (!isMissing(v)) {
                counts.merge(normaliseLabel(v), 1, Integer::sum);
                kept.add(r);
            }
        }
        if (counts.size() != 2) {
            throw new IllegalArgumentException("the target '" + target + "' must have exactly two values, it has "
                    + counts.size() + (counts.size() <= 10 ? " " + counts.keySet() : ""));
        }
        String chosen = positive != null ? normaliseLabel(positive) : defaultPositive(counts);
        if (!counts.containsKey(chosen)) {
            throw new IllegalArgumentException("the target '" + target + "' has no value '" + positive + "'; values: "
                    + counts.keySet());
        }
        String negative = counts.keySet().stream().filter(k -> !k.equals(chosen)).findFirst().orElseThrow();
        boolean[] bad = new boolean[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            bad[i] = normaliseLabel(raw.rows().get(kept.get(i))[targetIndex].strip()).equals(chosen);
        }
        List<Table.Column> columns = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int c = 0; c < raw.names().size(); c++) {
            if (c == targetIndex) {
                continue;
            }
            Table.Column column = column(raw, c, kept);
            String why = uninformative(column);
            if (why != null) {
                dropped.add(column.name() + " (" + why + ")");
            } else {
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no usable feature columns");
        }
        return new Result(new Table(columns, bad), target, chosen, negative, counts.get(chosen), dropped);
    }

    /** "1.0" and "1" are the same label. */
    private static String normaliseLabel(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        } catch (NumberFormatException e) {
            // a word
        }
        return v;
    }

    private static String defaultPositive(Map<String, Integer> counts) {
        if (counts.containsKey("1") && counts.containsKey("0")) {
            return "1";
        }
        for (String word : List.of("bad", "default", "yes", "true", "y")) {
            for (String k : counts.keySet()) {
                if (k.equalsIgnoreCase(word)) {
                    return k;
                }
            }
        }
        // otherwise the rarer value: in credit data the bad outcome is the minority
        return counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static Table.Column column(Raw raw, int c, List<Integer> kept) {
        boolean numeric = true;
        for (int r : kept) {
            String v = raw.rows().get(r)[c].strip();
            if (!isMissing(v) && parse(v) == null) {
                numeric = false;
                break;
            }
        }
        String name = raw.names().get(c);
        if (numeric) {
            double[] values = new double[kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                String v = raw.rows().get(kept.get(i))[c].strip();
                Double d = isMissing(v) ? null : parse(v);
                values[i] = d == null ? Double.NaN : d;
            }
            return new Table.Column(name, Table.Kind.NUMERIC, values, null);
        }
        String[] values = new String[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            String v = raw.rows().get(kept.get(i))[c].strip();
            values[i] = isMissing(v) ? null : v;
        }
        return new Table.Column(name, Table.Kind.CATEGORICAL, null, values);
    }

    private static String uninformative(Table.Column column) {
        Set<Object> distinct = new HashSet<>();
        int present = 0;
        int n = column.kind() == Table.Kind.NUMERIC ? column.numbers().length : column.categories().length;
        for (int r = 0; r < n; r++) {
            if (!column.missing(r)) {
                present++;
                distinct.add(column.kind() == Table.Kind.NUMERIC ? (Object) column.numbers()[r] : column.categories()[r]);
            }
        }
        if (distinct.size() <= 1 && present == n) {
            return "constant";
        }
        if (present == 0) {
            return "always missing";
        }
        if (column.kind() == Table.Kind.CATEGORICAL && distinct.size() > 50 && distinct.size() > present / 2) {
            return "an identifier or free text: " + distinct.size() + " distinct values";
        }
        return null;
    }

    private static boolean isMissing(String v) {
        return MISSING.contains(v.toLowerCase(Locale.ROOT));
    }

    private static Double parse(String v) {
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }

}
