package org.finbridge.risk.sanctions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.finbridge.risk.sanctions.SubjectType;
import org.junit.jupiter.api.Test;

/** The real OFAC files as shipped, and what a damaged OFAC file does (issue 6, section 5). */
class OfacListFileTest {

    @Test
    void theSdnSnapshotOf2024IsReadWholeWithItsCtrlZTrailerAndRemarksAliases() {
        ParsedList list = BundledLists.ofac2024();
        assertThat(list.entries()).hasSize(14_965);
        assertThat(list.skips().total()).isZero();
        ListEntry bank = entry(list, "306");
        assertThat(bank.primaryName()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(bank.type()).isEqualTo(SubjectType.ENTITY);
        assertThat(bank.aliases()).extracting(EntryName::name).contains("BNC");
        ListEntry abbas = entry(list, "2674");
        assertThat(abbas.type()).isEqualTo(SubjectType.INDIVIDUAL);
        assertThat(abbas.birthDates()).extracting(BirthDate::toString).containsExactly("1948-12-10");
        assertThat(entry(list, "2677").countries()).contains("EG");
        assertThat(list.entries().stream().filter(e -> e.type() == SubjectType.VESSEL)).hasSize(851);
    }

    @Test
    void theTrioOf2021JoinsAliasesAndAddressesOnTheEntryNumber() {
        ParsedList list = BundledLists.ofac2021();
        assertThat(list.entries()).hasSize(8_890);
        assertThat(list.skips().total()).isZero();
        ListEntry bank = entry(list, "306");
        assertThat(bank.aliases()).extracting(EntryName::name).contains("NATIONAL BANK OF CUBA", "BNC");
        assertThat(bank.countries()).contains("CH");
        assertThat(list.nameCount()).isGreaterThan(20_000);
    }

    @Test
    void aFileCutOffInTheMiddleOfARecordIsRefusedNotImportedWithoutItsTail() {
        byte[] sdn = BundledLists.bytes("ofac-sdn-2024-05-03/sdn.csv");
        byte[] cut = Arrays.copyOf(sdn, sdn.length / 2);
        assertThatThrownBy(() -> OfacParser.parse(cut, null, null, ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void aFileSavedAsUtf16IsRefusedWithTheReason() {
        byte[] utf16 = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                .getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> OfacParser.parse(utf16, null, null, ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("UTF-16");
    }

    @Test
    void aCtrlZFollowedByMoreDataMeansADamagedFile() {
        byte[] joined = ("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001A"
                + "173,\"ANGLO-CARIBBEAN CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> OfacParser.parse(joined, null, null, ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("Ctrl-Z");
    }

    @Test
    void emptyNamesAndBrokenRowsAreSkippedAndCountedWhileTheRestIsRead() throws Exception {
        byte[] sdn = ("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "37,-0- ,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "38,\"\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "39,\"ONLY THREE\",-0- \r\n"
                + "36,\"REPEATED\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "40,\"M\u00DCLLER HANDELS GMBH\",-0- ,\"IRAN\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001A")
                .getBytes(StandardCharsets.ISO_8859_1);
        ParsedList list = OfacParser.parse(sdn, null, null, ListLimits.DEFAULT);
        assertThat(list.entries()).extracting(ListEntry::entryId).containsExactly("36", "40");
        assertThat(list.entries().get(1).primaryName()).isEqualTo("MÜLLER HANDELS GMBH");
        assertThat(list.skips().count("sdn.csv: empty name")).isEqualTo(2);
        assertThat(list.skips().count("sdn.csv: wrong number of columns")).isEqualTo(1);
        assertThat(list.skips().count("sdn.csv: ent_num repeated")).isEqualTo(1);
        assertThat(list.skips().summary()).anyMatch(s -> s.startsWith("sdn.csv: empty name: 2 (lines"));
    }

    @Test
    void aFileWithNothingUsableIsRefusedAsEmpty() {
        assertThatThrownBy(() -> ListParsers.parse(org.finbridge.risk.sanctions.ListFormat.OFAC,
                "37,-0- ,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001A".getBytes(StandardCharsets.ISO_8859_1),
                null, null, ListLimits.DEFAULT)).isInstanceOf(ListParsers.EmptyList.class).hasMessageContaining("empty name");
        assertThatThrownBy(() -> OfacParser.parse(new byte[] {0x1A}, null, null, ListLimits.DEFAULT))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void remarksGiveAliasesDatesAndCountries() {
        OfacRemarks.Facts f = OfacRemarks.read("DOB 19 Jun 1951; alt. DOB circa 1950; DOB 1958 to 1962; POB Giza, Egypt; "
                + "nationality Egypt; citizen Iran; a.k.a. 'ABU 'ABDALLAH'; f.k.a. 'OLD NAME, LTD.'; Gender Male.");
        assertThat(f.birthDates()).extracting(BirthDate::toString).containsExactly("1951-06-19", "1950", "1958 to 1962");
        assertThat(f.countries()).containsExactly("EG", "IR");
        assertThat(f.aliases()).containsExactly(new EntryName("ABU 'ABDALLAH", EntryName.Kind.ALIAS),
                new EntryName("OLD NAME, LTD.", EntryName.Kind.FORMER));
    }

    static ListEntry entry(ParsedList list, String id) {
        return list.entries().stream().filter(e -> e.entryId().equals(id)).findFirst().orElseThrow();
    }
}
