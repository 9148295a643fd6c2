package org.finbridge.risk.sanctions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.finbridge.risk.sanctions.SubjectType;
import org.junit.jupiter.api.Test;

/** Normalisation, transliteration, fuzzy and phonetic matching, and supporting evidence. */
class NameMatchingTest {

    static List<String> tokens(String name, SubjectType type) {
        return NameNormalizer.normalize(name, type).tokens();
    }

    @Test
    void companySuffixesCaseDiacriticsAndPunctuationGo() {
        assertThat(tokens("Shenzhen Bright Trading Co., Ltd.", SubjectType.ENTITY)).containsExactly("shenzhen", "bright", "trading");
        assertThat(tokens("MÜLLER Handels-GmbH", SubjectType.ENTITY)).containsExactly("muller", "handels");
        assertThat(tokens("CIMEX, S.A.", SubjectType.UNKNOWN)).containsExactly("cimex");
        assertThat(tokens("Acme Holdings LLC", SubjectType.ENTITY)).containsExactly("acme", "holdings");
        assertThat(tokens("OOO \"Romashka\"", SubjectType.ENTITY)).containsExactly("romashka");
        assertThat(tokens("Rosneft JSC", SubjectType.ENTITY)).containsExactly("rosneft");
        assertThat(tokens("深圳市光明贸易有限公司", SubjectType.ENTITY)).containsExactly("shenzhenshiguangmingmaoyi");
        assertThat(tokens("华为技术股份有限公司", SubjectType.ENTITY)).containsExactly("huaweijishu");
    }

    @Test
    void individualsAreTurnedFromListOrderAndParticlesAndTitlesGo() {
        assertThat(tokens("AL ZAWAHIRI, Dr. Ayman", SubjectType.INDIVIDUAL)).containsExactly("ayman", "zawahiri");
        assertThat(tokens("Osama bin Laden", SubjectType.INDIVIDUAL)).containsExactly("osama", "laden");
        assertThat(tokens("Minh Le", SubjectType.INDIVIDUAL)).containsExactly("minh", "le");
        assertThat(tokens("O'Brien, Seán", SubjectType.INDIVIDUAL)).containsExactly("sean", "obrien");
    }

    @Test
    void otherScriptsAreTransliterated() {
        assertThat(tokens("王芳", SubjectType.INDIVIDUAL)).containsExactly("wang", "fang");
        assertThat(tokens("习近平", SubjectType.INDIVIDUAL)).containsExactly("xi", "jinping");
        assertThat(tokens("欧阳修", SubjectType.INDIVIDUAL)).containsExactly("ouyang", "xiu");
        assertThat(tokens("Владимир Путин", SubjectType.INDIVIDUAL)).containsExactly("vladimir", "putin");
        NormalizedName arabic = NameNormalizer.normalize("محمد علي", SubjectType.INDIVIDUAL);
        assertThat(arabic.abjad()).isTrue();
        assertThat(TokenSimilarity.skeleton(arabic.tokens().getFirst())).isEqualTo(TokenSimilarity.skeleton("muhammad"));
    }

    @Test
    void tokenSimilarityForgivesTyposAndTransliterationButNotAnotherShortName() {
        assertThat(TokenSimilarity.spelling("mohammed", "mohammde")).isEqualTo(0.92f);
        assertThat(TokenSimilarity.spelling("zawahiri", "zawahri")).isGreaterThan(0.9f);
        assertThat(sim("mohammed", "muhammad")).isGreaterThanOrEqualTo(TokenSimilarity.PHONETIC);
        assertThat(sim("hussein", "husayn")).isGreaterThanOrEqualTo(TokenSimilarity.PHONETIC);
        assertThat(sim("qaddafi", "gaddafi")).isGreaterThanOrEqualTo(TokenSimilarity.PHONETIC);
        assertThat(sim("zhang", "zhao")).isZero();
        assertThat(sim("jiang", "zhang")).isZero();
        assertThat(sim("wei", "lei")).isZero();
    }

    static float sim(String a, String b) {
        return TokenSimilarity.similarity(a, b, TokenSimilarity.phoneticCodes(a), TokenSimilarity.phoneticCodes(b));
    }

    static NameMatcher matcher(ListEntry... entries) {
        return new NameMatcher(new ScreeningIndex.Builder().add(IndexedList.of("T", "T test", List.of(entries))).build());
    }

    static ListEntry person(String id, String name, List<BirthDate> dates, Set<String> countries, String... aliases) {
        return new ListEntry(id, SubjectType.INDIVIDUAL, name,
                java.util.Arrays.stream(aliases).map(a -> new EntryName(a, EntryName.Kind.ALIAS)).toList(), dates, countries, List.of());
    }

    static List<NameMatcher.Match> match(NameMatcher m, String name, SubjectType type, String country, LocalDate dob) {
        return m.match(new NameMatcher.Query(name, type, country, dob), 0.88f);
    }

    @Test
    void namesMatchInAnyOrderWithTyposDroppedMiddleNamesAndAcrossScripts() {
        NameMatcher m = matcher(
                person("1", "WANG, Fang", List.of(BirthDate.exact(LocalDate.of(1949, 12, 31))), Set.of("CN")),
                person("2", "BIN LADIN, Usama bin Muhammad bin Awad", List.of(BirthDate.year(1957)), Set.of("SA"), "BIN LADEN, Osama"),
                person("3", "PUTIN, Vladimir Vladimirovich", List.of(BirthDate.exact(LocalDate.of(1952, 10, 7))), Set.of("RU")),
                person("4", "XI, Jinping", List.of(), Set.of("CN")),
                new ListEntry("5", SubjectType.ENTITY, "ANGLO-CARIBBEAN CO., LTD.", List.of(), List.of(), Set.of(), List.of()));
        assertThat(match(m, "王芳", SubjectType.INDIVIDUAL, null, null)).extracting(x -> x.entry().entry().entryId()).containsExactly("1");
        assertThat(match(m, "Fang Wang", SubjectType.UNKNOWN, null, null)).extracting(x -> x.entry().entry().entryId()).containsExactly("1");
        assertThat(match(m, "Osama bin Laden", SubjectType.INDIVIDUAL, null, null).getFirst().name().name()).isEqualTo("BIN LADEN, Osama");
        assertThat(match(m, "أسامة بن لادن", SubjectType.INDIVIDUAL, null, null)).extracting(x -> x.entry().entry().entryId()).contains("2");
        assertThat(match(m, "Владимир Путин", SubjectType.INDIVIDUAL, null, null)).extracting(x -> x.entry().entry().entryId()).containsExactly("3");
        assertThat(match(m, "Vladimir Puitn", SubjectType.INDIVIDUAL, null, null)).extracting(x -> x.entry().entry().entryId()).containsExactly("3");
        assertThat(match(m, "Xi Jin Ping", SubjectType.UNKNOWN, null, null)).extracting(x -> x.entry().entry().entryId()).containsExactly("4");
        assertThat(match(m, "Anglo Caribbean Company Limited", SubjectType.ENTITY, null, null)).hasSize(1);
        assertThat(match(m, "Wang Wei", SubjectType.INDIVIDUAL, null, null)).isEmpty();
        assertThat(match(m, "Fang Huang", SubjectType.INDIVIDUAL, null, null)).isEmpty();
    }

    @Test
    void dateOfBirthAndCountryRaiseOrLowerTheScore() {
        NameMatcher m = matcher(person("1", "PUTIN, Vladimir Vladimirovich", List.of(BirthDate.exact(LocalDate.of(1952, 10, 7))),
                Set.of("RU")));
        float plain = match(m, "Vladimir Putin", SubjectType.INDIVIDUAL, null, null).getFirst().score();
        NameMatcher.Match same = match(m, "Vladimir Putin", SubjectType.INDIVIDUAL, "RU", LocalDate.of(1952, 10, 7)).getFirst();
        assertThat(same.score()).isGreaterThan(plain);
        assertThat(same.reasons()).anyMatch(r -> r.startsWith("date of birth matches")).anyMatch(r -> r.startsWith("country matches"));
        List<NameMatcher.Match> other = match(m, "Vladimir Putin", SubjectType.INDIVIDUAL, "DE", LocalDate.of(1990, 1, 1));
        assertThat(other).isEmpty();
    }

    @Test
    void aPersonIsNeverMatchedWithAVessel() {
        NameMatcher m = matcher(new ListEntry("9", SubjectType.VESSEL, "PATRICIA", List.of(), List.of(), Set.of(), List.of()));
        assertThat(match(m, "Patricia", SubjectType.INDIVIDUAL, null, null)).isEmpty();
        assertThat(match(m, "Patricia", SubjectType.UNKNOWN, null, null)).hasSize(1);
    }
}
