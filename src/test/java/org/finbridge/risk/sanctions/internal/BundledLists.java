package org.finbridge.risk.sanctions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OFAC files shipped in the product, read once per test JVM. */
final class BundledLists {

    private static volatile ParsedList ofac2021;
    private static volatile ParsedList ofac2024;

    private BundledLists() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = BundledLists.class.getResourceAsStream("/reference/sanctions/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized ParsedList ofac2021() {
        if (ofac2021 == null) {
            ofac2021 = parse(bytes("ofac-sdn-2021-04-25/sdn.csv"), bytes("ofac-sdn-2021-04-25/alt.csv"),
                    bytes("ofac-sdn-2021-04-25/add.csv"));
        }
        return ofac2021;
    }

    static synchronized ParsedList ofac2024() {
        if (ofac2024 == null) {
            ofac2024 = parse(bytes("ofac-sdn-2024-05-03/sdn.csv"), null, null);
        }
        return ofac2024;
    }

    private static ParsedList parse(byte[] sdn, byte[] alt, byte[] add) {
        try {
            return OfacParser.parse(sdn, alt, add, ListLimits.DEFAULT);
        } catch (ListFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static NameMatcher matcher(ParsedList list, String code) {
        return new NameMatcher(new ScreeningIndex.Builder().add(IndexedList.of(code, code + " test", list.entries())).build());
    }
}
