package org.finbridge.trade.internal;

import java.io.IOException;

/** Reads an import file record by record, in constant memory. */
interface RecordSource<N> extends AutoCloseable {

    /** The next record, or null at the end of the file. */
    SourceRecord<N> next() throws IOException;

    @Override
    void close() throws IOException;
}
