package org.finbridge.fx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.finbridge.fx.EuroFixing;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.UnknownCurrencyException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the ECB's XML feeds ({@code eurofxref-daily.xml}, and the 90-day and full-history variants):
 * {@code <Cube time="2024-03-15"><Cube currency="USD" rate="1.0892"/>…</Cube>}, rates in units per 1 EUR.
 * External entities and DTDs are refused: the document comes from the network.
 */
final class EcbDailyXml {

    private EcbDailyXml() {
    }

    static List<EuroFixing> read(InputStream xml, String source) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            NodeList cubes = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "Cube");
            List<EuroFixing> fixings = new ArrayList<>();
            for (int i = 0; i < cubes.getLength(); i++) {
                Element cube = (Element) cubes.item(i);
                if (cube.hasAttribute("time")) {
                    fixings.add(fixing(cube, source));
                }
            }
            return fixings;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not an ECB reference-rate feed: " + e.getMessage(), e);
        }
    }

    private static EuroFixing fixing(Element day, String source) {
        Map<CurrencyCode, BigDecimal> rates = new LinkedHashMap<>();
        NodeList children = day.getElementsByTagNameNS("*", "Cube");
        for (int j = 0; j < children.getLength(); j++) {
            Element rate = (Element) children.item(j);
            try {
                rates.put(CurrencyCode.of(rate.getAttribute("currency")), new BigDecimal(rate.getAttribute("rate")));
            } catch (UnknownCurrencyException e) {
                // a code outside ISO 4217 minor units cannot be held in the ledger: skipped
            }
        }
        return new EuroFixing(LocalDate.parse(day.getAttribute("time")), source, rates);
    }
}
