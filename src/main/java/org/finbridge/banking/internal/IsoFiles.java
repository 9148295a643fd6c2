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
 * <p>How Prowide parses (pw-iso20022 SRU2025-10.3.10): {@code MxPain00200110.parse(String)} goes to
 * {@code MxReadImpl.parse}, which builds a lenient view of the text ({@code MxParseUtils.lenientPayload})
 * and unmarshals it with JAXB from a {@code SAXSource} whose reader is {@code SafeXmlUtils.reader(true, null)}:
 * DOCTYPE disallowed and external general/parameter entities and external DTD loading off, so Prowide
 * alone resists XXE. But it sets no document size or depth limit, lifts the JDK's entity size limits
 * ({@code maxGeneralEntitySizeLimit}, {@code totalEntitySizeLimit}) to unlimited, and answers null or a
 * {@link ProwideException} for a file it cannot read; {@code MxReadConfiguration} / {@code MxReadParams}
 * carry only type adapters and a JAXB context, no limits. (Some other {@code MxParseUtils} helpers, such as
 * {@code findByPath}, use an unconfigured {@code XMLInputFactory}; Finbridge calls none of them.)
 *
 * <p>So Prowide never sees the caller's bytes: the file is first parsed by {@link HardenedXml} (every limit
 * applies there), identified, validated against its schema, and only the parsed {@code Document}
 * element, written back to text without any DOCTYPE or entity declaration, is handed to Prowide.
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
