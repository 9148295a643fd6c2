package org.finbridge.risk.sanctions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.finbridge.risk.sanctions.SubjectType;
import org.junit.jupiter.api.Test;

class GenericCsvListTest {

    @Test
    void rowsWithTypesCountriesDatesAndAliasColumnsAreRead() throws Exception {
        String csv = """
                id,name,type,country,dob,aliases,alias2
                W-1,"Zhang, Wei",individual,CN,1975-03-02,张伟;Wei Zhang,Chang Wei
                W-2,Example Shell Trading LLC,entity,Cayman Islands;HK,,EST LLC,
                W-3,,entity,,,,
                W-4,Odd Kind,spaceship,,,,
                W-1,Repeated,individual,,,,
                """;
        ParsedList list = GenericCsvParser.parse(csv.getBytes(StandardCharsets.UTF_8), ListLimits.DEFAULT);
        assertThat(list.entries()).extracting(ListEntry::entryId).containsExactly("W-1", "W-2");
        ListEntry zhang = list.entries().getFirst();
        assertThat(zhang.type()).isEqualTo(SubjectType.INDIVIDUAL);
        assertThat(zhang.aliases()).extracting(EntryName::name).containsExactly("张伟", "Wei Zhang", "Chang Wei");
        assertThat(zhang.birthDates()).extracting(BirthDate::toString).containsExactly("1975-03-02");
        assertThat(list.entries().get(1).countries()).containsExactlyInAnyOrder("KY", "HK");
        assertThat(list.skips().count("empty name")).isEqualTo(1);
        assertThat(list.skips().count("unknown type")).isEqualTo(1);
        assertThat(list.skips().count("id repeated")).isEqualTo(1);
    }

    @Test
    void aFileInAnotherEncodingOrWithoutAHeaderIsRefused() {
        byte[] latin1 = "id,name\nX-1,M\u00FCller Handels GmbH\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> GenericCsvParser.parse(latin1, ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> GenericCsvParser.parse("X-1,Someone\n".getBytes(StandardCharsets.UTF_8), ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> GenericCsvParser.parse("id,name\nX-1,\"unterminated\n".getBytes(StandardCharsets.UTF_8),
                ListLimits.DEFAULT)).isInstanceOf(ListFormatException.class).hasMessageContaining("truncated");
    }
}
