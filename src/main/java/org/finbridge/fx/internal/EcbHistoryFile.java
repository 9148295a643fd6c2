package org.finbridge.fx.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.fx.EuroFixing;
import org.finbridge.fx.RateProvider;

/**
 * The ECB's history of euro reference rates shipped with the platform (Source: ECB; see the README
 * beside the file for its origin and how to refresh it).
 */
final class EcbHistoryFile implements RateProvider {

    static final String RESOURCE = "/reference/fx/eurofxref-hist.csv";
    static final String SOURCE = "ECB";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<EuroFixing> fixingsAfter(LocalDate after) {
        var stream = EcbHistoryFile.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("the ECB reference-rate history " + RESOURCE + " is missing from the build");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII), 1 << 16)) {
            return EcbCsv.read(in, SOURCE, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
