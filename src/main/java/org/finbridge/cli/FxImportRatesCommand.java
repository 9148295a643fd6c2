package org.finbridge.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.fx.RateProviders;
import org.springframework.context.ApplicationContext;

/**
 * {@code bin/finbridge fx import-rates <file>}: imports ECB reference rates from a downloaded file (CSV
 * or XML) into the configured database; fixings already stored are kept, newer ones are added.
 * Quotes need a fixing at most {@code finbridge.fx.max-rate-age} old, so an installation without the
 * ECB daily feed runs this daily.
 */
public final class FxImportRatesCommand implements Command {

    @Override
    public String name() {
        return "fx import-rates";
    }

    @Override
    public String summary() {
        return "import ECB reference rates from a downloaded CSV or XML file";
    }

    @Override
    public boolean needsApplication() {
        return true;
    }

    @Override
    public int run(List<String> args, ApplicationContext context, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("usage: fx import-rates <eurofxref file, .csv or .xml>");
        }
        Path file = Path.of(args.get(0));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        int added = context.getBean(ReferenceRates.class).importFrom(RateProviders.ecbFile(file));
        out.println("RESULT fixings_added=" + added);
        return 0;
    }
}
