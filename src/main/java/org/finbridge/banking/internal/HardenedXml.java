package org.finbridge.banking.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.finbridge.banking.Refusal.Reason;
import org.finbridge.banking.XmlLimits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * The one place that builds XML parsers, validators and transformers for files from outside: every
 * bank file Finbridge reads is parsed here first (OWASP XML External Entity Prevention Cheat Sheet;
 * CWE-611 external entities, CWE-776 entity expansion):
 * <ul>
 *   <li>no document type at all ({@code disallow-doctype-decl}): no internal or external DTD, hence no
 *       custom entity, no billion laughs, no quadratic blow-up, no external entity to a file or URL;</li>
 *   <li>external general and parameter entities, external DTD loading and XInclude off, and
 *       {@code ACCESS_EXTERNAL_DTD} / {@code ACCESS_EXTERNAL_SCHEMA} empty, so that even a parser that
 *       let a DOCTYPE through would open no file and no connection;</li>
 *   <li>secure processing on, with the JDK's entity expansion and entity size limits in force (only
 *       the five predefined entities can occur, each expanding to one character);</li>
 *   <li>a maximum document size, checked while reading before anything is parsed, and a maximum element
 *       depth ({@code jdk.xml.maxElementDepth}), checked by the parser as it goes.</li>
 * </ul>
 * A file breaking a rule is refused with a {@link org.finbridge.banking.Refusal} naming the rule.
 */
public final class HardenedXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";
    /** Xerces's validator tells the element it is at while validating a DOM tree. */
    private static final String CURRENT_ELEMENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    private static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
    /** Predefined entities (&amp;amp; …) are the only ones possible; this bounds their count per document. */
    private static final String ENTITY_EXPANSIONS = "10000000";

    private HardenedXml() {
    }

    /**
     * Reads a whole stream, refusing it as soon as it passes the size limit: an oversized file costs at
     * most {@code maxDocumentBytes + 1} bytes of reading, never its full size.
     */
    public static byte[] readBounded(InputStream in, XmlLimits limits) throws IOException {
        byte[] bytes = in.readNBytes((int) limits.maxDocumentBytes() + 1);
        if (bytes.length > limits.maxDocumentBytes()) {
            throw new XmlRefusedException(Reason.TOO_LARGE, "the file is larger than the limit of "
                    + limits.maxDocumentBytes() + " bytes");
        }
        return bytes;
    }

    /** Parses a document (namespace-aware) under the rules above. */
    public static Document parse(byte[] bytes, XmlLimits limits) {
        if (bytes.length == 0) {
            throw new XmlRefusedException(Reason.MALFORMED, "the file is empty");
        }
        if (bytes.length > limits.maxDocumentBytes()) {
            throw new XmlRefusedException(Reason.TOO_LARGE, "the file is larger than the limit of "
                    + limits.maxDocumentBytes() + " bytes");
        }
        try {
            return documentBuilder(limits).parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw refusal(e, limits);
        } catch (SAXException | IOException e) {
            throw new XmlRefusedException(Reason.MALFORMED, "not readable as XML: " + e.getMessage());
        }
    }

    static DocumentBuilder documentBuilder(XmlLimits limits) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(limits.maxDepth()));
            factory.setAttribute(ENTITY_EXPANSION_LIMIT, ENTITY_EXPANSIONS);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            // a JDK without these settings must not quietly parse unprotected
            throw new IllegalStateException("cannot build a hardened XML parser", e);
        }
    }

    /** A schema factory that resolves nothing outside the schema it is given. */
    static SchemaFactory schemaFactory() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("cannot build a hardened schema factory", e);
        }
        return factory;
    }

    /**
     * Validates an already parsed element (the ISO {@code Document}) against a schema. A parsed tree has
     * no line numbers, so a violation is located by its element path ({@code /Document/BkToCstmrStmt/Stmt[1]/…}).
     */
    static void validate(Element element, Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not a violation
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw new SAXException(where(validator) + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    error(e);
                }
            });
            validator.validate(new DOMSource(element));
        } catch (SAXException | IOException e) {
            throw new XmlRefusedException(Reason.SCHEMA_INVALID, e.getMessage());
        }
    }

    private static String where(Validator validator) {
        try {
            Object node = validator.getProperty(CURRENT_ELEMENT_NODE);
            return node instanceof Element e ? "at " + path(e) + ": " : "";
        } catch (SAXException e) {
            return "";
        }
    }

    private static String path(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            int index = 1;
            int same = 0;
            for (Node sibling = e.getParentNode() == null ? null : e.getParentNode().getFirstChild(); sibling != null;
                    sibling = sibling.getNextSibling()) {
                if (sibling instanceof Element s && Dom.localName(s).equals(Dom.localName(e))) {
                    same++;
                    if (s == e) {
                        index = same;
                    }
                }
            }
            path.insert(0, "/" + Dom.localName(e) + (same > 1 ? "[" + index + "]" : ""));
        }
        return path.toString();
    }

    /**
     * Writes a parsed document back to text, for a library that parses only strings: what it then reads
     * is exactly what passed {@link #parse}, with no DOCTYPE and no entity left in it.
     */
    static String serialize(Node node) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("cannot build a hardened XML transformer", e);
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write a parsed document back to text", e);
        }
    }

    private static XmlRefusedException refusal(SAXParseException e, XmlLimits limits) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("doctype")) {
            return new XmlRefusedException(Reason.DOCTYPE_FORBIDDEN, at(e) + "the file declares a document type"
                    + " (<!DOCTYPE …>); bank files have none, and DTDs carry entity-expansion and external-entity attacks");
        }
        if (message.contains(MAX_ELEMENT_DEPTH)) {
            return new XmlRefusedException(Reason.TOO_DEEP, at(e) + "elements are nested deeper than the limit of "
                    + limits.maxDepth() + " levels");
        }
        if (message.contains("JAXP000")) {
            return new XmlRefusedException(Reason.LIMIT_EXCEEDED, at(e) + message);
        }
        return new XmlRefusedException(Reason.MALFORMED, at(e) + "not well-formed XML: " + message);
    }

    private static String at(SAXParseException e) {
        return e.getLineNumber() > 0 ? "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " : "";
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // warnings (e.g. an unknown encoding alias resolved) do not make a file unreadable
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
