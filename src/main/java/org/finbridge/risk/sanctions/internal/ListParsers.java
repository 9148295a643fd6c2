package org.finbridge.risk.sanctions.internal;

import org.finbridge.risk.sanctions.ListFormat;

/** Reads a list file of any supported format, whole or not at all. */
final class ListParsers {

    private ListParsers() {
    }

    static ParsedList parse(ListFormat format, byte[] content, byte[] aliases, byte[] addresses, ListLimits limits)
            throws ListFormatException {
        limits.checkSize(content, "the list file");
        limits.checkSize(aliases, "the alias file");
        limits.checkSize(addresses, "the address file");
        if (format != ListFormat.OFAC && ((aliases != null && aliases.length > 0) || (addresses != null && addresses.length > 0))) {
            throw new ListFormatException("alias and address files belong to the OFAC format only");
        }
        ParsedList list = switch (format) {
            case OFAC -> OfacParser.parse(content, aliases, addresses, limits);
            case UN -> UnListParser.parse(content, limits);
            case CSV -> GenericCsvParser.parse(content, limits);
        };
        if (list.entries().isEmpty()) {
            throw new EmptyList(list.skips());
        }
        return list;
    }

    /** Nothing usable in the file: every record was skipped, or there was none. */
    static final class EmptyList extends ListFormatException {
        final Skips skips;

        EmptyList(Skips skips) {
            super("the file holds no usable entry" + (skips.total() == 0 ? "" : "; skipped " + String.join("; ", skips.summary())));
            this.skips = skips;
        }
    }
}
