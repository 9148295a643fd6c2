package org.finbridge.risk.sanctions.internal;

/**
 * Bounds on what one list file may hold, so a hostile or broken file cannot exhaust memory: the real
 * lists are far inside them (OFAC SDN: 15,000 entries; UN: about 1,000).
 */
record ListLimits(long maxBytes, int maxEntries, int maxNameLength, int maxAliasesPerEntry) {

    static final ListLimits DEFAULT = new ListLimits(64L * 1024 * 1024, 500_000, 500, 1_000);

    void checkSize(byte[] content, String file) throws ListFormatException {
        if (content != null && content.length > maxBytes) {
            throw new ListFormatException(file + " is larger than " + maxBytes + " bytes");
        }
    }

    void checkEntries(int count) throws ListFormatException {
        if (count > maxEntries) {
            throw new ListFormatException("the list has more than " + maxEntries + " entries");
        }
    }
}
