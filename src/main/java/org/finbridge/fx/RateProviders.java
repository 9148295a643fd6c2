package org.finbridge.fx;

import java.nio.file.Path;
import org.finbridge.fx.internal.EcbFile;

/** Rate providers that other modules and the command line may build. */
public final class RateProviders {

    private RateProviders() {
    }

    /** ECB reference rates from a downloaded file: {@code eurofxref-hist.csv}, {@code eurofxref.csv} or the XML feeds. */
    public static RateProvider ecbFile(Path file) {
        return new EcbFile(file);
    }
}
