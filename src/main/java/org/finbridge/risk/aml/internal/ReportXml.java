package org.finbridge.risk.aml.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.finbridge.risk.aml.ReportType;
import org.xml.sax.SAXException;

/**
 * Writes a report as XML with StAX and checks it against the schema shipped with Finbridge,
 * {@code aml/aml-report-1.xsd}, before it is stored: a report that does not validate is never filed.
 * Items that do not apply or are not known are written {@code @N}, as the monitoring centre's format
 * asks (REGULATIONS §4.2).
 */
public final class ReportXml {

    public static final String NAMESPACE = "urn:finbridge:aml:report:1";
    public static final String SCHEMA = "aml/aml-report-1.xsd";
    static final String NA = "@N";

    private static final Schema COMPILED = compile();

    private ReportXml() {
    }

    /** The report's header and customer, as the monitoring centre's items. */
    public record Header(String reportId, ReportType type, String ricd, String finc, Instant createdAt, LocalDate dueOn,
                         LocalDate keepUntil) {
    }

    public record Customer(String partyId, String name, boolean naturalPerson, String idType, String idNumber,
                           String nationalityAlpha2) {
    }

    public record LargeValue(String featureCode, LocalDate tradeDate, String direction, long totalCnyMinor,
                             long totalUsdMinor) {
    }

    public record RuleHit(String name, String window, String summary) {
    }

    public record Suspicion(String caseId, List<RuleHit> rules, String rationale, String preparedBy, String approvedBy,
                            Instant detectedAt, Instant decidedAt) {
    }

    public static String write(Header header, Customer customer, LargeValue largeValue, Suspicion suspicion,
                               List<AmlTransaction> transactions) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("AmlReport");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeAttribute("version", "1");

            x.writeStartElement("Header");
            text(x, "ReportId", header.reportId());
            text(x, "ReportType", header.type().name());
            text(x, "RICD", orNa(header.ricd()));
            text(x, "FINC", orNa(header.finc()));
            text(x, "CreatedAt", dateTime(header.createdAt()));
            text(x, "DueOn", header.dueOn().toString());
            text(x, "KeepUntil", header.keepUntil().toString());
            x.writeEndElement();

            x.writeStartElement("Customer");
            text(x, "PartyId", customer.partyId());
            text(x, "Name", orNa(customer.name()));
            text(x, "NaturalPerson", Boolean.toString(customer.naturalPerson()));
            text(x, "IdType", orNa(customer.idType()));
            text(x, "IdNumber", orNa(customer.idNumber()));
            text(x, "Nationality", alpha3(customer.nationalityAlpha2()));
            // GB/T 6565 occupation / GB/T 4754 industry codes are not collected at onboarding yet
            text(x, "Occupation", NA);
            x.writeEndElement();

            if (largeValue != null) {
                x.writeStartElement("LargeValue");
                text(x, "CRCD", largeValue.featureCode());
                text(x, "TradeDate", largeValue.tradeDate().toString());
                text(x, "Direction", largeValue.direction());
                text(x, "TotalCny", major(largeValue.totalCnyMinor(), 2));
                text(x, "TotalUsdEquivalent", major(largeValue.totalUsdMinor(), 2));
                x.writeEndElement();
            } else {
                x.writeStartElement("Suspicion");
                text(x, "CaseId", suspicion.caseId());
                x.writeStartElement("Rules");
                for (RuleHit r : suspicion.rules()) {
                    x.writeStartElement("Rule");
                    x.writeAttribute("name", r.name());
                    x.writeAttribute("window", r.window());
                    x.writeCharacters(clip(r.summary()));
                    x.writeEndElement();
                }
                x.writeEndElement();
                text(x, "Rationale", clip(suspicion.rationale()));
                text(x, "PreparedBy", suspicion.preparedBy());
                text(x, "ApprovedBy", suspicion.approvedBy());
                text(x, "DetectedAt", dateTime(suspicion.detectedAt()));
                text(x, "DecidedAt", dateTime(suspicion.decidedAt()));
                x.writeEndElement();
            }

            x.writeStartElement("Transactions");
            x.writeAttribute("count", Integer.toString(transactions.size()));
            for (AmlTransaction t : transactions) {
                x.writeStartElement("Transaction");
                text(x, "Reference", t.id());
                text(x, "Time", dateTime(t.occurredAt()));
                text(x, "Direction", t.direction().name());
                text(x, "Kind", t.kind().name());
                text(x, "Currency", t.amount().currency().code());
                text(x, "Amount", major(t.amount().minorUnits(), t.amount().currency().exponent()));
                if (t.cnyMinor() != null) {
                    text(x, "CnyEquivalent", major(t.cnyMinor(), 2));
                }
                if (t.usdMinor() != null) {
                    text(x, "UsdEquivalent", major(t.usdMinor(), 2));
                }
                text(x, "Counterparty", orNa(t.counterparty()));
                text(x, "CounterpartyCountry", alpha3(t.counterpartyCountry()));
                text(x, "Location", location(t.partyCountry()));
                if (t.orderReference() != null && !t.orderReference().isBlank()) {
                    text(x, "OrderReference", t.orderReference());
                }
                x.writeEndElement();
            }
            x.writeEndElement();

            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the AML report", e);
        }
        return out.toString();
    }

    /** Validates a document against the shipped schema; the message of the first error, or null when valid. */
    public static String problem(String xml) {
        try {
            Validator validator = COMPILED.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
            return null;
        } catch (SAXException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema compile() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL url = ReportXml.class.getClassLoader().getResource(SCHEMA);
            if (url == null) {
                throw new IllegalStateException("the AML report schema is missing from the classpath: " + SCHEMA);
            }
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("the AML report schema does not compile", e);
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String orNa(String value) {
        return value == null || value.isBlank() ? NA : clip(value);
    }

    private static String clip(String value) {
        return value.length() <= 4000 ? value : value.substring(0, 4000);
    }

    private static String major(long minor, int exponent) {
        return BigDecimal.valueOf(minor, exponent).toPlainString();
    }

    private static String dateTime(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MICROS));
    }

    /** GB/T 2659 nationality: the ISO 3166-1 alpha-3 code of an alpha-2 one, {@code @N} when unknown. */
    static String alpha3(String alpha2) {
        if (alpha2 == null || !alpha2.matches("[A-Z]{2}")) {
            return NA;
        }
        try {
            String code = Locale.of("", alpha2).getISO3Country();
            return code.matches("[A-Z]{3}") ? code : NA;
        } catch (MissingResourceException e) {
            return NA;
        }
    }

    /**
     * Transaction location: country code plus the six-digit administrative division code; abroad the
     * division is {@code 000000}. Finbridge does not record the Chinese division of a transaction yet, so a
     * domestic location is {@code @N} rather than a made-up code.
     */
    static String location(String alpha2) {
        String country = alpha3(alpha2);
        if (country.equals(NA) || country.equals("CHN")) {
            return NA;
        }
        return country + "000000";
    }
}
