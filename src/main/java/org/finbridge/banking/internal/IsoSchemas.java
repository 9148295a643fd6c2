package org.finbridge.banking.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/**
 * The ISO 20022 schemas shipped under {@code iso20022/xsd/}, compiled once each. A compiled
 * {@link Schema} is immutable and shared between threads.
 */
final class IsoSchemas {

    private static final Map<String, Optional<Schema>> CACHE = new ConcurrentHashMap<>();

    private IsoSchemas() {
    }

    /** The schema of a message such as {@code camt.053.001.08}, when it is shipped. */
    static Optional<Schema> of(String messageType) {
        return CACHE.computeIfAbsent(messageType, IsoSchemas::load);
    }

    /** The schema of a message Finbridge writes: it must be shipped. */
    static Schema required(String messageType) {
        return of(messageType).orElseThrow(() -> new IllegalStateException("schema " + messageType + " is not shipped"));
    }

    private static Optional<Schema> load(String messageType) {
        if (!messageType.matches("[a-z]{4}\\.[0-9]{3}\\.[0-9]{3}\\.[0-9]{2}")) {
            return Optional.empty();
        }
        URL url = IsoSchemas.class.getResource("/iso20022/xsd/" + messageType + ".xsd");
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(HardenedXml.schemaFactory().newSchema(new StreamSource(in, url.toExternalForm())));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("shipped schema " + messageType + " cannot be compiled", e);
        }
    }
}
