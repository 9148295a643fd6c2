package org.finbridge.trade.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * RFC 4180 CSV with a header line, read through Jackson's CSV parser. A row with the wrong number of
 * columns is rejected on its own; consecutive rows sharing the layout's group column form one record.
 * A quoting error makes the rest of the file unreadable ({@link UnreadableFile}).
 */
final class CsvSource<N> implements RecordSource<N> {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private final MappingIterator<String[]> rows;
    private final CsvLayout<N> layout;
    private final Map<String, Integer> columns = new HashMap<>();
    private long nextLine = 1;
    /** A row read ahead: the first row of the next record. */
    private CsvRow pending;

    CsvSource(Reader in, CsvLayout<N> layout) throws IOException {
        this.layout = layout;
        this.rows = CSV.readerFor(String[].class).readValues(in);
        readHeader();
    }

    private void readHeader() {
        Row header = read();
        if (header == null) {
            throw new UnreadableFile(1, "the file is empty: a CSV import starts with a header line");
        }
        Set<String> missing = new LinkedHashSet<>(layout.columns());
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i) == null ? "" : header.cells().get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (!layout.columns().contains(name)) {
                throw new UnreadableFile(header.line(), "unknown column \"" + name + "\"; the columns are " + layout.columns());
            }
            if (columns.put(name, i) != null) {
                throw new UnreadableFile(header.line(), "column \"" + name + "\" appears twice");
            }
            missing.remove(name);
        }
        if (!missing.isEmpty()) {
            throw new UnreadableFile(header.line(), "the header lacks the columns " + missing);
        }
    }

    private record Row(long line, List<String> cells) {
    }

    /** The next non-blank row, or null at the end. */
    private Row read() {
        try {
            while (rows.hasNextValue()) {
                long line = nextLine;
                String[] cells = rows.nextValue();
                nextLine = rows.parser().currentLocation().getLineNr();
                if (cells.length == 0 || (cells.length == 1 && (cells[0] == null || cells[0].isBlank()))) {
                    continue;
                }
                return new Row(line, Arrays.asList(cells));
            }
            return null;
        } catch (JacksonIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFile(nextLine, "the file is not UTF-8 text (line " + nextLine + ")");
            }
            throw new UncheckedIOException(e.getCause() instanceof IOException io ? io : new IOException(e));
        } catch (JacksonException e) {
            throw new UnreadableFile(nextLine, "unreadable CSV from line " + nextLine + ": " + e.getOriginalMessage());
        }
    }

    @Override
    public SourceRecord<N> next() {
        CsvRow first = pending != null ? pending : nextRow();
        pending = null;
        if (first == null) {
            return null;
        }
        if (first.cells().size() != columns.size()) {
            return wrongWidth(first);
        }
        List<CsvRow> group = new ArrayList<>();
        group.add(first);
        List<String> problems = new ArrayList<>();
        if (layout.groupBy() != null && first.get(layout.groupBy()) != null) {
            collectGroup(first, group, problems);
        }
        N value = layout.decode(group, problems);
        return problems.isEmpty() ? SourceRecord.of(first.line(), value) : SourceRecord.unreadable(first.line(), problems);
    }

    /** Adds the following rows of the same record; a row of the wrong width ends the record's rows. */
    private void collectGroup(CsvRow first, List<CsvRow> group, List<String> problems) {
        String key = first.get(layout.groupBy());
        CsvRow row;
        while ((row = nextRow()) != null) {
            if (row.cells().size() != columns.size() || !key.equals(row.get(layout.groupBy()))) {
                pending = row;
                return;
            }
            for (String column : layout.recordColumns()) {
                if (!Objects.equals(first.get(column), row.get(column))) {
                    problems.add("line " + row.line() + ": " + column + " differs from line " + first.line()
                            + " of the same " + layout.groupBy());
                }
            }
            group.add(row);
        }
    }

    private SourceRecord<N> wrongWidth(CsvRow row) {
        return SourceRecord.unreadable(row.line(), List.of("wrong column count: expected " + columns.size() + " columns, found "
                + row.cells().size()));
    }

    private CsvRow nextRow() {
        Row row = read();
        return row == null ? null : new CsvRow(row.line(), row.cells(), columns);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
