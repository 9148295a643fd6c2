package org.finbridge.banking.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finbridge.banking.Refusal.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The ISO 20022 {@code Document} inside a parsed file and the message it is. The file may be the
 * bare Document, or wrap it with a business application header (AppHdr) in any envelope element.
 *
 * @param version    the message version (8 for camt.053.001.08), or 0 when the file does not say it
 * @param namespaced whether the Document carries its message's ISO namespace; only then can it be
 *                   validated against that message's schema (a misspelt namespace matches no schema)
 */
record IsoMessage(Element document, String family, int version, boolean namespaced) {

    private static final Pattern ID = Pattern.compile("([a-z]{4}\\.[0-9]{3})\\.001\\.([0-9]{2})");
    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:" + ID.pattern());

    /** {@code camt.053.001.08}, or the bare family {@code camt.053} when the version is unknown. */
    String id() {
        return version == 0 ? family : family + ".001." + String.format("%02d", version);
    }

    /**
     * Finds the Document and tells the message from its namespace; where that is missing or misspelt,
     * from the AppHdr's message definition identifier; failing both, from the name of the Document's
     * first element, which each message family has of its own.
     */
    static IsoMessage locate(Document file, java.util.Map<String, String> familiesByRootElement) {
        Element root = file.getDocumentElement();
        Element document = Dom.find(root, "Document");
        if (document == null) {
            throw new XmlRefusedException(Reason.UNKNOWN_MESSAGE_TYPE, "no ISO 20022 <Document> element in the file (root element <"
                    + Dom.localName(root) + ">)");
        }
        Matcher ns = NAMESPACE.matcher(String.valueOf(document.getNamespaceURI()));
        if (ns.matches()) {
            return new IsoMessage(document, ns.group(1), Integer.parseInt(ns.group(2)), true);
        }
        Element appHdr = Dom.find(root, "AppHdr");
        String declared = appHdr == null ? null : Dom.text(appHdr, "MsgDefIdr");
        if (declared != null) {
            Matcher m = ID.matcher(declared.strip());
            if (m.matches()) {
                return new IsoMessage(document, m.group(1), Integer.parseInt(m.group(2)), false);
            }
        }
        Element body = firstElement(document);
        String family = body == null ? null : familiesByRootElement.get(Dom.localName(body));
        if (family == null) {
            throw new XmlRefusedException(Reason.UNKNOWN_MESSAGE_TYPE, "the Document's namespace '" + document.getNamespaceURI()
                    + "' names no ISO 20022 message, and its content <" + (body == null ? "" : Dom.localName(body))
                    + "> is none this reader knows");
        }
        return new IsoMessage(document, family, 0, false);
    }

    private static Element firstElement(Element parent) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
