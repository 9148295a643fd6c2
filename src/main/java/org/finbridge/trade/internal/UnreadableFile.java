package org.finbridge.trade.internal;

/**
 * The file cannot be read as a whole (a CSV header that is not the expected one, a quote never closed):
 * no row after the fault can be trusted, so the import commits nothing.
 */
class UnreadableFile extends RuntimeException {

    private final long line;

    UnreadableFile(long line, String reason) {
        super(reason);
        this.line = line;
    }

    long line() {
        return line;
    }
}
