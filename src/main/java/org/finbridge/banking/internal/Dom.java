package org.finbridge.banking.internal;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Navigation by local name. ISO 20022 element names are stable across message versions while the
 * namespaces change with every version (and some banks misspell or omit them), so readers that serve
 * several versions find elements by local name alone.
 */
final class Dom {

    private Dom() {
    }

    /** The first child element with this local name along the path, or null. */
    static Element child(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            current = firstChild(current, name);
        }
        return current;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                found.add(e);
            }
        }
        return found;
    }

    /** The trimmed text of the element at the path, or null when it is missing or blank. */
    static String text(Element parent, String... path) {
        Element e = child(parent, path);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    /** The first descendant (or the element itself) with this local name, in document order, or null. */
    static Element find(Element root, String name) {
        if (name.equals(localName(root))) {
            return root;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Element found = find(e, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static Element firstChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }
}
