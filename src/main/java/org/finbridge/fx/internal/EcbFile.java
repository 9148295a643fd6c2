package org.finbridge.fx.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.fx.EuroFixing;
import org.finbridge.fx.RateProvider;

/**
 * A file of ECB reference rates that an operator downloaded: the history or daily CSV
 * ({@code eurofxref-hist.csv}, {@code eurofxref.csv}) or the daily / 90-day / history XML
 * ({@code eurofxref-daily.xml}…). This is how an installation without a route to the ECB refreshes
 * its rates.
 */
public final class EcbFile implements RateProvider {

    private final Path file;

    public EcbFile(Path file) {
        this.file = file;
    }

    @Override
    public String source() {
        return EcbHistoryFile.SOURCE;
    }

    @Override
    public List<EuroFixing> fixingsAfter(LocalDate after) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            boolean xml = new String(head, StandardCharsets.US_ASCII).stripLeading().startsWith("<");
            if (xml) {
                try (InputStream all = Files.newInputStream(file)) {
                    return EcbDailyXml.read(all, source()).stream()
                            .filter(f -> after == null || f.date().isAfter(after)).toList();
                }
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                return EcbCsv.read(reader, source(), after);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
