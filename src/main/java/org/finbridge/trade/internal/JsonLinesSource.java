package org.finbridge.trade.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON lines (one JSON object per line, application/x-ndjson). A line that is not a JSON object of the
 * expected shape is rejected on its own; blank lines are skipped; a line over {@link #MAX_LINE_CHARS} is
 * rejected without being held in memory.
 */
final class JsonLinesSource<N> implements RecordSource<N> {

    static final int MAX_LINE_CHARS = 1 << 20;

    private final BufferedReader in;
    private final ObjectReader reader;
    private long lineNumber;

    JsonLinesSource(Reader in, JsonMapper mapper, Class<N> type) {
        this.in = new BufferedReader(in, 1 << 16);
        this.reader = mapper.readerFor(type);
    }

    @Override
    public SourceRecord<N> next() throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder(256);
            boolean tooLong = false;
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (line.length() < MAX_LINE_CHARS) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1 && line.isEmpty()) {
                return null;
            }
            lineNumber++;
            if (tooLong) {
                return SourceRecord.unreadable(lineNumber, List.of("the line is longer than " + MAX_LINE_CHARS + " characters"));
            }
            String text = line.toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            return decode(text);
        }
    }

    private SourceRecord<N> decode(String text) {
        if (text.charAt(0) != '{') {
            return SourceRecord.unreadable(lineNumber, List.of("malformed JSON line: not a JSON object"));
        }
        try {
            N value = reader.readValue(text);
            return value == null ? SourceRecord.unreadable(lineNumber, List.of("malformed JSON line: empty"))
                    : SourceRecord.of(lineNumber, value);
        } catch (JacksonException e) {
            return SourceRecord.unreadable(lineNumber, List.of("malformed JSON line: " + e.getOriginalMessage()));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
