package org.finbridge.banking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.finbridge.banking.BankStatement;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.Refusal.Reason;
import org.finbridge.banking.XmlLimits;
import org.w3c.dom.Document;

/**
 * Reads a camt.053 / camt.054 file: bounded read, hardened parse, message identification, schema
 * validation where the version's schema is shipped, then the statements. Any failure refuses the
 * whole file.
 */
public final class StatementFiles {

    /** Versions .02 to .08: the range the statement import is specified and tested for. */
    static final int OLDEST_VERSION = 2;
    static final int NEWEST_VERSION = 8;

    private static final Map<String, String> FAMILIES = Map.of(
            "BkToCstmrStmt", "camt.053",
            "BkToCstmrDbtCdtNtfctn", "camt.054");

    private StatementFiles() {
    }

    public static ParseResult<List<BankStatement>> parse(InputStream content, XmlLimits limits) {
        byte[] bytes;
        try {
            bytes = HardenedXml.readBounded(content, limits);
        } catch (XmlRefusedException e) {
            return new ParseResult.Refused<>(e.refusal());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the statement file", e);
        }
        return parse(bytes, limits);
    }

    public static ParseResult<List<BankStatement>> parse(byte[] bytes, XmlLimits limits) {
        try {
            return new ParseResult.Parsed<>(read(bytes, limits));
        } catch (XmlRefusedException e) {
            return new ParseResult.Refused<>(e.refusal());
        }
    }

    static List<BankStatement> read(byte[] bytes, XmlLimits limits) {
        Document file = HardenedXml.parse(bytes, limits);
        IsoMessage message = IsoMessage.locate(file, FAMILIES);
        if (!FAMILIES.containsValue(message.family())) {
            throw new XmlRefusedException(Reason.UNKNOWN_MESSAGE_TYPE, message.id()
                    + " is not a bank statement (camt.053) or debit/credit notification (camt.054)");
        }
        if (message.version() != 0 && (message.version() < OLDEST_VERSION || message.version() > NEWEST_VERSION)) {
            throw new XmlRefusedException(Reason.UNSUPPORTED_VERSION, message.id() + " is not supported: "
                    + message.family() + " is read in versions .0" + OLDEST_VERSION + " to .0" + NEWEST_VERSION);
        }
        if (message.namespaced()) {
            IsoSchemas.of(message.id()).ifPresent(schema -> HardenedXml.validate(message.document(), schema));
        }
        return CamtReader.read(message);
    }
}
