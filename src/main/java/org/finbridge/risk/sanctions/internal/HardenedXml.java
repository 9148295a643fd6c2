package org.finbridge.risk.sanctions.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads untrusted XML safely (OWASP XML External Entity Prevention Cheat Sheet): no DTD at all (a
 * document with a DOCTYPE is refused, which rules out external entities and entity-expansion bombs),
 * no external access, and bounds on size, nesting depth, text length and element count. A small
 * element tree per record is enough for list files and keeps callers free of StAX.
 *
 * <p>Kept small and inside this module for now; a shared hardened XML helper can replace it.
 */
final class HardenedXml {

    record Limits(long maxBytes, int maxDepth, int maxTextLength, int maxElementsPerRecord) {
        static final Limits LISTS = new Limits(64L * 1024 * 1024, 24, 100_000, 20_000);
    }

    /** An element with its text (trimmed) and children; attributes are kept for the root only. */
    record Element(String name, String text, List<Element> children) {
        Element child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
        }

        List<Element> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        String value(String childName) {
            Element c = child(childName);
            return c == null || c.text.isEmpty() ? null : c.text;
        }
    }

    /** Receives the root element's name and attributes, then each record element under it. */
    interface Handler {
        void root(String name, java.util.Map<String, String> attributes) throws ListFormatException;

        /** Whether an element at depth 2 or 3 (below the root, or below a grouping element) is a record. */
        boolean isRecord(String name);

        void record(Element element, int line) throws ListFormatException;
    }

    private HardenedXml() {
    }

    static void read(byte[] bytes, String file, Limits limits, Handler handler) throws ListFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new ListFormatException(file + " is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ListFormatException(file + " is larger than " + limits.maxBytes() + " bytes");
        }
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            walk(r, file, limits, handler);
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            throw new ListFormatException(file + " is not well-formed XML" + (at == null ? "" : " at line "
                    + at.getLineNumber() + ", column " + at.getColumnNumber()) + ": " + firstLine(e.getMessage())
                    + " (truncated or damaged?)", e);
        } catch (RuntimeException e) {
            // the JDK parser reports some encoding errors as unchecked exceptions
            throw new ListFormatException(file + " cannot be read as XML: " + firstLine(String.valueOf(e.getMessage())), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static void walk(XMLStreamReader r, String file, Limits limits, Handler handler)
            throws XMLStreamException, ListFormatException {
        int depth = 0;
        boolean rootSeen = false;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new ListFormatException(file
                        + " declares a DOCTYPE; list files must not (DTDs and entities are refused)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new ListFormatException(file
                        + " uses an entity reference &" + r.getLocalName() + "; at line " + r.getLocation().getLineNumber());
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 1) {
                        rootSeen = true;
                        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        handler.root(r.getLocalName(), attributes);
                    } else if (depth <= 3 && handler.isRecord(r.getLocalName())) {
                        int line = r.getLocation().getLineNumber();
                        int[] count = {0};
                        handler.record(element(r, depth, limits, count, file), line);
                        depth--;
                    } else if (depth > limits.maxDepth()) {
                        throw new ListFormatException(file + " nests elements deeper than " + limits.maxDepth());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // text between records, comments, processing instructions: nothing to read
                }
            }
        }
        if (!rootSeen) {
            throw new ListFormatException(file + " has no root element");
        }
    }

    /** Reads the element the reader is on, with its subtree, leaving the reader on its end tag. */
    private static Element element(XMLStreamReader r, int depth, Limits limits, int[] count, String file)
            throws XMLStreamException, ListFormatException {
        if (depth > limits.maxDepth()) {
            throw new ListFormatException(file + " nests elements deeper than " + limits.maxDepth());
        }
        if (++count[0] > limits.maxElementsPerRecord()) {
            throw new ListFormatException(file + ": a record at line " + r.getLocation().getLineNumber() + " has more than "
                    + limits.maxElementsPerRecord() + " elements");
        }
        String name = r.getLocalName();
        StringBuilder text = new StringBuilder();
        List<Element> children = new ArrayList<>();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(r, depth + 1, limits, count, file));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + r.getTextLength() > limits.maxTextLength()) {
                        throw new ListFormatException(file + ": text longer than " + limits.maxTextLength()
                                + " characters in <" + name + "> at line " + r.getLocation().getLineNumber());
                    }
                    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new ListFormatException(file
                        + " uses an entity reference &" + r.getLocalName() + "; at line " + r.getLocation().getLineNumber());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Element(name, text.toString().strip(), List.copyOf(children));
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ends inside <" + name + ">",
                        r.getLocation());
                default -> {
                    // comments and processing instructions inside a record carry nothing
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(nl + 1).strip().isEmpty() ? m.substring(0, nl) : m.substring(m.lastIndexOf('\n') + 1);
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
