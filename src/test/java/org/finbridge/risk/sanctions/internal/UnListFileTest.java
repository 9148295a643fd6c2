package org.finbridge.risk.sanctions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.finbridge.risk.sanctions.SubjectType;
import org.junit.jupiter.api.Test;

/**
 * The UN Consolidated List reader against a hand-written fixture (made-up entries, not UN data) that
 * validates against the UN schema, and against hostile or broken XML.
 */
class UnListFileTest {

    static byte[] fixture() throws Exception {
        try (InputStream in = UnListFileTest.class.getResourceAsStream("/sanctions/un-consolidated-fixture.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theFixtureIsAValidConsolidatedListByTheUnSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        var schema = factory.newSchema(new StreamSource(getClass().getResourceAsStream("/reference/sanctions/un/sc-sanctions.xsd")));
        schema.newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(fixture())));
    }

    @Test
    void individualsAndEntitiesAreReadWithAliasesDatesCountriesAndOriginalScript() throws Exception {
        ParsedList list = UnListParser.parse(fixture(), ListLimits.DEFAULT);
        assertThat(list.entries()).extracting(ListEntry::entryId).containsExactly("QDi.901", "KPi.902", "KPe.901");
        assertThat(list.skips().count("delisted")).isEqualTo(1);
        ListEntry karim = list.entries().getFirst();
        assertThat(karim.primaryName()).isEqualTo("KARIM ABDUL RAHMAN AL-FIXTURI");
        assertThat(karim.type()).isEqualTo(SubjectType.INDIVIDUAL);
        assertThat(karim.aliases()).containsExactly(new EntryName("Karim al-Fixturi", EntryName.Kind.ALIAS),
                new EntryName("Abu Fixture", EntryName.Kind.WEAK_ALIAS),
                new EntryName("كريم عبد الرحمن الفكستوري", EntryName.Kind.ORIGINAL_SCRIPT));
        assertThat(karim.birthDates()).extracting(BirthDate::toString).containsExactly("1971-04-12");
        assertThat(karim.countries()).containsExactly("YE");
        ListEntry vasily = list.entries().get(1);
        assertThat(vasily.birthDates()).extracting(BirthDate::toString).containsExactly("1960 to 1962");
        assertThat(vasily.countries()).containsExactly("RU");
        ListEntry company = list.entries().get(2);
        assertThat(company.type()).isEqualTo(SubjectType.ENTITY);
        assertThat(company.countries()).containsExactly("KP");
        assertThat(company.aliases()).extracting(EntryName::kind).contains(EntryName.Kind.ORIGINAL_SCRIPT);
    }

    @Test
    void aTruncatedListIsRefusedWithWhereItBroke() throws Exception {
        byte[] xml = fixture();
        byte[] cut = Arrays.copyOf(xml, xml.length * 2 / 3);
        assertThatThrownBy(() -> UnListParser.parse(cut, ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("not well-formed XML at line");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE CONSOLIDATED_LIST [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>
                <FIRST_NAME>&secret;</FIRST_NAME><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>
                </CONSOLIDATED_LIST>""";
        assertThatThrownBy(() -> UnListParser.parse(xxe.getBytes(StandardCharsets.UTF_8), ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("DOCTYPE");
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>""";
        assertThatThrownBy(() -> UnListParser.parse(laughs.getBytes(StandardCharsets.UTF_8), ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class);
    }

    @Test
    void deepNestingAnotherRootAndAnotherEncodingAreRefused() {
        String deep = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>" + "<X>".repeat(40) + "</X>".repeat(40)
                + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        assertThatThrownBy(() -> UnListParser.parse(deep.getBytes(StandardCharsets.UTF_8), ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("deeper");
        assertThatThrownBy(() -> UnListParser.parse("<sdnList/>".getBytes(StandardCharsets.UTF_8), ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("root element is <sdnList>");
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CONSOLIDATED_LIST><X>M\u00FCller</X></CONSOLIDATED_LIST>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> UnListParser.parse(latin1, ListLimits.DEFAULT)).isInstanceOf(ListFormatException.class);
    }
}
