package org.finbridge.banking.internal;

import com.prowidesoftware.ProwideException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.Refusal.Reason;
import org.finbridge.banking.XmlLimits;
import org.w3c.dom.Document;

/**
 * Reading a payment file of one expected message type with Prowide's model, safely.
 *
 * <p>Prowide parses from a String with its own SAX reader ({@code SafeXmlUtils.reader}: DOCTYPE
 * disallowed, external entities off), but sets no size or depth limit, lifts the JDK's entity size
 * limits and answers null or a {@link ProwideException} for a broken file. So Prowide never sees the
 * caller's bytes: the file is first parsed by {@link HardenedXml} (every limit applies there),
 * identified, validated against its schema, and only the parsed {@code Document} element, written back
 * to text without any DOCTYPE or entity, is handed to Prowide.
 */
final class IsoFiles {

    private IsoFiles() {
    }

    /**
     * @param prowideParse Prowide's parser of the message type (e.g. {@code MxPain00200110::parse})
     * @param read         from Prowide's model to Finbridge's value; may refuse with an {@link XmlRefusedException}
     */
    static <M, T> ParseResult<T> parse(InputStream content, XmlLimits limits, String messageType,
            Function<String, M> prowideParse, Function<M, T> read) {
        try {
            byte[] bytes = HardenedXml.readBounded(content, limits);
            IsoMessage message = IsoMessage.locate(HardenedXml.parse(bytes, limits), Map.of());
            if (!message.id().equals(messageType)) {
                throw new XmlRefusedException(Reason.UNKNOWN_MESSAGE_TYPE, "expected a " + messageType + " file, got "
                        + message.id());
            }
            HardenedXml.validate(message.document(), IsoSchemas.required(messageType));
            M parsed;
            try {
                parsed = prowideParse.apply(HardenedXml.serialize(message.document()));
            } catch (ProwideException e) {
                throw new XmlRefusedException(Reason.MALFORMED, "the " + messageType + " model cannot read it: " + e.getMessage());
            }
            if (parsed == null) {
                throw new XmlRefusedException(Reason.MALFORMED, "the " + messageType + " model cannot read it");
            }
            return new ParseResult.Parsed<>(read.apply(parsed));
        } catch (XmlRefusedException e) {
            return new ParseResult.Refused<>(e.refusal());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + messageType + " file", e);
        }
    }

    /** Validates a file Finbridge wrote against its schema; a failure is a field the caller's checks missed. */
    static void validateWritten(String xml, String messageType, XmlLimits limits) {
        Document written = HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8), limits);
        HardenedXml.validate(written.getDocumentElement(), IsoSchemas.required(messageType));
    }
}
