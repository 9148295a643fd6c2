package org.finbridge.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Identifier validation against published examples and, as properties, against check characters
 * computed here independently (with BigInteger and the standards' formulas).
 */
class IdentifierValidatorsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static final String DIGITS = "0123456789";
    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** The SWIFT IBAN Registry's countries and lengths, written out again to check the table in the code. */
    static final Map<String, Integer> IBAN_LENGTHS = lengths("""
            AD 24 AE 23 AL 28 AT 20 AZ 28 BA 20 BE 16 BG 22 BH 22 BI 27 BR 29 BY 28 CH 21 CR 22 CY 28 CZ 24
            DE 22 DJ 27 DK 18 DO 28 EE 20 EG 29 ES 24 FI 18 FK 18 FO 18 FR 27 GB 22 GE 22 GI 23 GL 18 GR 27
            GT 28 HN 28 HR 21 HU 28 IE 22 IL 23 IQ 23 IS 26 IT 27 JO 30 KW 30 KZ 20 LB 28 LC 32 LI 21 LT 20
            LU 20 LV 21 LY 25 MC 27 MD 24 ME 22 MK 19 MN 20 MR 27 MT 31 MU 30 NI 28 NL 18 NO 15 OM 23 PK 24
            PL 28 PS 29 PT 25 QA 29 RO 24 RS 22 RU 33 SA 24 SC 31 SD 18 SE 24 SI 19 SK 24 SM 27 SO 23 ST 25
            SV 28 TL 23 TN 24 TR 26 UA 29 VA 22 VG 24 XK 20 YE 30""");

    static Validation iban(String value) {
        return Identifiers.validate(IdentifierKind.IBAN, value, TODAY);
    }

    static Validation bic(String value) {
        return Identifiers.validate(IdentifierKind.BIC, value, TODAY);
    }

    static Validation uscc(String value) {
        return Identifiers.validate(IdentifierKind.USCC, value, TODAY);
    }

    static Validation residentId(String value) {
        return Identifiers.validate(IdentifierKind.CN_RESIDENT_ID, value, TODAY);
    }

    static Validation cnaps(String value) {
        return Identifiers.validate(IdentifierKind.CNAPS, value, TODAY);
    }

    static Validation invalid(String reason) {
        return new Validation.Invalid(reason);
    }

    // ---- IBAN, ISO 13616 ----

    @Example
    void ibanRegistryExamplesAreValid() {
        for (String example : new String[] {"DE89370400440532013000", "GB82WEST12345698765432",
                "FR1420041010050500013M02606", "NL91ABNA0417164300", "BE68539007547034", "CH9300762011623852957",
                "GB29NWBK60161331926819", "AT611904300234573201", "NO9386011117947",
                "LC55HEMM000100010012001200023015", "RU0304452522540817810538091310419"}) {
            assertThat(iban(example)).as(example).isEqualTo(new Validation.Valid(example));
        }
    }

    @Example
    void ibanPaperFormatAndLowerCaseAreNormalised() {
        assertThat(iban("de89 3704 0044 0532 0130 00")).isEqualTo(new Validation.Valid("DE89370400440532013000"));
        assertThat(iban("  FR14 2004 1010 0505 0001 3M02 606 ")).isEqualTo(new Validation.Valid("FR1420041010050500013M02606"));
    }

    @Example
    void ibanMutationsAreRefusedWithTheirReason() {
        assertThat(iban("DE89370400440532013001")).isEqualTo(invalid("check digits do not match"));
        assertThat(iban("DE89370400440532031000")).isEqualTo(invalid("check digits do not match"));
        assertThat(iban("GB82WEST12345698765423")).isEqualTo(invalid("check digits do not match"));
        assertThat(iban("DE8937040044053201300")).isEqualTo(invalid("length 21 is not 22 for DE"));
        assertThat(iban("DE893704004405320130000")).isEqualTo(invalid("length 23 is not 22 for DE"));
        assertThat(iban("XX89370400440532013000")).isEqualTo(invalid("unknown country code XX"));
        assertThat(iban("US89370400440532013000")).isEqualTo(invalid("unknown country code US"));
        assertThat(iban("D189370400440532013000")).isEqualTo(invalid("country code D1 is not two letters"));
        assertThat(iban("DE8X370400440532013000")).isEqualTo(invalid("check digits 8X are not two digits"));
        assertThat(iban("DE89-370400440532013000")).isEqualTo(invalid("invalid character '-' at position 5"));
        assertThat(iban("DE8")).isEqualTo(invalid("length 3 is too short"));
        assertThat(iban("   ")).isEqualTo(invalid("empty"));
        // a dotless i would upper-case to I with String.toUpperCase
        assertThat(iban("GB82WEST12345698765432".replace('W', 'ı'))).isInstanceOf(Validation.Invalid.class);
    }

    @Example
    void ibanCheckDigitsThatAreNeverIssuedAreRefusedEvenWhenTheRemainderFits() {
        // 00 ≡ 97, 01 ≡ 98 and 99 ≡ 02 (mod 97), but MOD 97-10 only ever issues 02..98
        String bban97 = bbanWithCheckDigits("DE", 22, "97");
        assertThat(iban("DE97" + bban97)).isInstanceOf(Validation.Valid.class);
        assertThat(iban("DE00" + bban97)).isEqualTo(invalid("check digits 00 are never issued"));
        assertThat(iban("DE01" + bbanWithCheckDigits("DE", 22, "98"))).isEqualTo(invalid("check digits 01 are never issued"));
        assertThat(iban("DE99" + bbanWithCheckDigits("DE", 22, "02"))).isEqualTo(invalid("check digits 99 are never issued"));
    }

    @Example
    void everyRegistryCountryHasItsLength() {
        assertThat(IBAN_LENGTHS).hasSize(89);
        IBAN_LENGTHS.forEach((country, length) -> {
            String valid = withIbanCheckDigits(country, "1".repeat(length - 4));
            assertThat(iban(valid)).as(valid).isInstanceOf(Validation.Valid.class);
            String longer = withIbanCheckDigits(country, "1".repeat(length - 3));
            assertThat(iban(longer)).as(longer)
                    .isEqualTo(invalid("length " + (length + 1) + " is not " + length + " for " + country));
        });
    }

    @Provide
    Arbitrary<String> validIbans() {
        return ibans(DIGITS + LETTERS);
    }

    /** Most BBANs are numeric; transpositions are a numeric error. */
    @Provide
    Arbitrary<String> validNumericIbans() {
        return ibans(DIGITS);
    }

    static Arbitrary<String> ibans(String bbanCharacters) {
        Arbitrary<String> countries = Arbitraries.of(IBAN_LENGTHS.keySet());
        return countries.flatMap(country -> Arbitraries.strings().withChars(bbanCharacters.toCharArray())
                .ofLength(IBAN_LENGTHS.get(country) - 4)
                .map(bban -> withIbanCheckDigits(country, bban)));
    }

    @Property(tries = 500)
    void generatedIbansAreValid(@ForAll("validIbans") String valid) {
        assertThat(iban(valid)).isEqualTo(new Validation.Valid(valid));
    }

    /**
     * MOD 97-10 detects every substitution of a digit by a digit or a letter by a letter: the number
     * changes by d × 10^k with 0 < |d| < 97, and 97 is prime. A digit replaced by a letter turns one
     * digit into two and is caught only with probability 96/97, unless the country's BBAN layout (not
     * checked here) forbids a letter there.
     */
    @Property(tries = 1000)
    void anySameClassSubstitutionInAnIbanIsDetected(@ForAll("validIbans") String valid,
            @ForAll @IntRange(min = 0, max = 1000) int where, @ForAll @IntRange(min = 1, max = 25) int shift) {
        int i = where % valid.length();
        char c = valid.charAt(i);
        String alphabet = Character.isDigit(c) ? DIGITS : LETTERS;
        String mutated = valid.substring(0, i) + substitute(alphabet, c, shift) + valid.substring(i + 1);
        assertThat(iban(mutated)).as(mutated).isInstanceOf(Validation.Invalid.class);
    }

    @Property(tries = 500)
    void anyAdjacentDigitTranspositionInAnIbanIsDetected(@ForAll("validNumericIbans") String valid,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        int i = 2 + where % (valid.length() - 3);
        char a = valid.charAt(i);
        char b = valid.charAt(i + 1);
        Assume.that(a != b);
        String swapped = valid.substring(0, i) + b + a + valid.substring(i + 2);
        assertThat(iban(swapped)).as(swapped).isInstanceOf(Validation.Invalid.class);
    }

    // ---- BIC, ISO 9362 ----

    @Example
    void publishedBicsAreValid() {
        for (String example : new String[] {"DEUTDEFF", "DEUTDEFF500", "BKCHCNBJ", "ICBKCNBJ", "BKCHCNBJ300",
                "NWBKGB2L", "CHASUS33", "COBADEFFXXX"}) {
            assertThat(bic(example)).as(example).isEqualTo(new Validation.Valid(example));
        }
        assertThat(bic(" deutdeff ")).isEqualTo(new Validation.Valid("DEUTDEFF"));
    }

    @Example
    void bicEdgesOfTheStandard() {
        assertThat(bic("DEUTDEF0")).as("test-and-training BIC").isInstanceOf(Validation.Valid.class);
        assertThat(bic("1234DEFF")).as("alphanumeric institution code since ISO 9362:2014")
                .isInstanceOf(Validation.Valid.class);
        assertThat(bic("ABCDXKPR")).as("Kosovo").isInstanceOf(Validation.Valid.class);
    }

    @Example
    void malformedBicsAreRefusedWithTheirReason() {
        assertThat(bic("DEUTXXFF")).isEqualTo(invalid("unknown country code XX"));
        assertThat(bic("DEUTDEF")).isEqualTo(invalid("length 7 is not 8 or 11"));
        assertThat(bic("DEUTDEFF5000")).isEqualTo(invalid("length 12 is not 8 or 11"));
        assertThat(bic("DEUTDEFF50")).isEqualTo(invalid("length 10 is not 8 or 11"));
        assertThat(bic("DEUT1EFF")).isEqualTo(invalid("country code 1E is not two letters"));
        assertThat(bic("DEUT DEFF")).isEqualTo(invalid("invalid character U+0020 at position 5"));
        assertThat(bic("DEUTDEFF_00")).isEqualTo(invalid("invalid character '_' at position 9"));
    }

    // ---- USCC, GB 32100-2015 ----

    @Example
    void publishedCreditCodesAreValid() {
        // printed on published business licences; the first is the standard's usual worked example
        for (String example : new String[] {"91350100M000100Y43", "9144030071526726XG", "91330100716105852F",
                "91440300708461136T", "91110108551385082Q", "91110000802100433B"}) {
            assertThat(uscc(example)).as(example).isEqualTo(new Validation.Valid(example));
        }
        assertThat(uscc("91350100m000100y43")).isEqualTo(new Validation.Valid("91350100M000100Y43"));
    }

    @Example
    void malformedCreditCodesAreRefusedWithTheirReason() {
        assertThat(uscc("91350100M000100Y42")).isEqualTo(invalid("check character does not match"));
        assertThat(uscc("91350100M000101Y43")).isEqualTo(invalid("check character does not match"));
        assertThat(uscc("91350100M00100Y43")).isEqualTo(invalid("length 17 is not 18"));
        assertThat(uscc("91350100O000100Y43")).isEqualTo(invalid("invalid character 'O' at position 9"));
        assertThat(uscc("C1350100M000100Y43")).isEqualTo(invalid("unknown registration authority code C"));
        assertThat(uscc("94350100M000100Y43"))
                .isEqualTo(invalid("unknown organisation type code 4 for registration authority 9"));
        assertThat(uscc("9135A100M000100Y43")).isEqualTo(invalid("administrative division code 35A100 is not 6 digits"));
    }

    @Provide
    Arbitrary<String> validCreditCodes() {
        Arbitrary<String> authorityAndType = Arbitraries.of("11", "12", "13", "19", "51", "52", "53", "59", "91", "92",
                "93", "Y1", "21", "31", "41", "61", "71", "81", "A1", "N1", "N2");
        Arbitrary<String> division = Arbitraries.strings().withChars(DIGITS.toCharArray()).ofLength(6);
        Arbitrary<String> identity = Arbitraries.strings().withChars(USCC_CHARACTERS.toCharArray()).ofLength(9);
        return Combinators.combine(authorityAndType, division, identity)
                .as((a, d, i) -> a + d + i)
                .map(first17 -> first17 + usccCheckCharacter(first17));
    }

    @Property(tries = 500)
    void generatedCreditCodesAreValid(@ForAll("validCreditCodes") String valid) {
        assertThat(uscc(valid)).isEqualTo(new Validation.Valid(valid));
    }

    /** MOD 31 with weights 3^i mod 31, all non-zero modulo the prime 31: every substitution changes the sum. */
    @Property(tries = 1000)
    void anySingleSubstitutionInACreditCodeIsDetected(@ForAll("validCreditCodes") String valid,
            @ForAll @IntRange(min = 0, max = 17) int i, @ForAll @IntRange(min = 1, max = 30) int shift) {
        String mutated = valid.substring(0, i) + substitute(USCC_CHARACTERS, valid.charAt(i), shift) + valid.substring(i + 1);
        assertThat(uscc(mutated)).as(mutated).isInstanceOf(Validation.Invalid.class);
    }

    // ---- resident id, GB 11643-1999 ----

    @Example
    void residentIdsWithCorrectCheckCharactersAreValid() {
        for (String example : new String[] {"11010519491231002X", "440308199901010012", "310104200002290049",
                "650102198001011234", "810000199005050034"}) {
            assertThat(residentId(example)).as(example).isEqualTo(new Validation.Valid(example));
        }
        assertThat(residentId("11010519491231002x")).isEqualTo(new Validation.Valid("11010519491231002X"));
    }

    @Example
    void malformedResidentIdsAreRefusedWithTheirReason() {
        assertThat(residentId("110105194912310021")).isEqualTo(invalid("check character does not match"));
        assertThat(residentId("11010519491231003X")).isEqualTo(invalid("check character does not match"));
        assertThat(residentId("110105491231002")).isEqualTo(invalid("15-digit first-generation id: not accepted"));
        assertThat(residentId("1101051949123100X")).isEqualTo(invalid("length 17 is not 18"));
        assertThat(residentId("1101051949123100X2")).isEqualTo(invalid("invalid character 'X' at position 17"));
        assertThat(residentId("99010519491231002X")).isEqualTo(invalid("unknown province code 99"));
        assertThat(residentId(withResidentCheck("11010519490231002"))).isEqualTo(invalid("birth date 19490231 is not a calendar date"));
        assertThat(residentId(withResidentCheck("11010519000229001"))).isEqualTo(invalid("birth date 19000229 is not a calendar date"));
        assertThat(residentId(withResidentCheck("11010518991231002"))).isEqualTo(invalid("birth date 18991231 is before 1900"));
        assertThat(residentId(withResidentCheck("11010520260316002"))).isEqualTo(invalid("birth date 20260316 is in the future"));
        assertThat(residentId(withResidentCheck("11010520260315002"))).as("born today").isInstanceOf(Validation.Valid.class);
    }

    @Provide
    Arbitrary<String> validResidentIds() {
        Arbitrary<String> province = Arbitraries.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
                "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
                "63", "64", "65", "71", "81", "82", "83");
        Arbitrary<String> area = Arbitraries.strings().withChars(DIGITS.toCharArray()).ofLength(4);
        Arbitrary<LocalDate> birth = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<String> sequence = Arbitraries.strings().withChars(DIGITS.toCharArray()).ofLength(3);
        return Combinators.combine(province, area, birth, sequence)
                .as((p, a, b, s) -> p + a + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s)
                .map(IdentifierValidatorsTest::withResidentCheck);
    }

    @Property(tries = 500)
    void computedCheckCharactersRoundTrip(@ForAll("validResidentIds") String valid) {
        assertThat(residentId(valid)).isEqualTo(new Validation.Valid(valid));
        assertThat(residentId(valid.toLowerCase())).isEqualTo(new Validation.Valid(valid));
    }

    /** MOD 11-2: weights 2^k mod 11 are non-zero and a digit changes by less than 11, so the sum always moves. */
    @Property(tries = 1000)
    void anySingleSubstitutionInAResidentIdIsDetected(@ForAll("validResidentIds") String valid,
            @ForAll @IntRange(min = 0, max = 17) int i, @ForAll @IntRange(min = 1, max = 10) int shift) {
        String alphabet = i == 17 ? "0123456789X" : DIGITS;
        String mutated = valid.substring(0, i) + substitute(alphabet, valid.charAt(i), shift) + valid.substring(i + 1);
        assertThat(residentId(mutated)).as(mutated).isInstanceOf(Validation.Invalid.class);
    }

    @Property(tries = 500)
    void anyAdjacentTranspositionInAResidentIdIsDetected(@ForAll("validResidentIds") String valid,
            @ForAll @IntRange(min = 0, max = 15) int i) {
        Assume.that(valid.charAt(i) != valid.charAt(i + 1));
        String swapped = valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
        assertThat(residentId(swapped)).as(swapped).isInstanceOf(Validation.Invalid.class);
    }

    // ---- CNAPS bank code ----

    @Example
    void wellFormedCnapsCodesAreValid() {
        // the check digit is not verified (its algorithm is unpublished), so these test the structure
        for (String example : new String[] {"102100099996", "104100000004", "308584000013", "403100000004",
                "313290000017", "501290000012", "323584000888", "001100000006"}) {
            assertThat(cnaps(example)).as(example).isEqualTo(new Validation.Valid(example));
        }
        assertThat(cnaps(" 102100099996 ")).isEqualTo(new Validation.Valid("102100099996"));
    }

    @Example
    void malformedCnapsCodesAreRefusedWithTheirReason() {
        assertThat(cnaps("10210009999")).isEqualTo(invalid("length 11 is not 12"));
        assertThat(cnaps("1021000999961")).isEqualTo(invalid("length 13 is not 12"));
        assertThat(cnaps("10210009999A")).isEqualTo(invalid("invalid character 'A' at position 12"));
        assertThat(cnaps("999100099996")).isEqualTo(invalid("unknown bank code 999"));
        assertThat(cnaps("101100099996")).isEqualTo(invalid("unknown bank code 101"));
        assertThat(cnaps("102000099996")).isEqualTo(invalid("city code 0000 is not a city"));
        assertThat(cnaps("")).isEqualTo(invalid("empty"));
    }

    // ---- the API ----

    @Example
    void kindsAreFoundByTheirCommandLineNames() {
        assertThat(Arrays.stream(IdentifierKind.values()).map(IdentifierKind::cliName))
                .containsExactly("iban", "bic", "uscc", "cn-resident-id", "cnaps");
        assertThat(IdentifierKind.ofCliName("cn-resident-id")).contains(IdentifierKind.CN_RESIDENT_ID);
        assertThat(IdentifierKind.ofCliName("IBAN")).isEmpty();
    }

    // ---- independent check-character computations ----

    /** Another character of the same alphabet, chosen by {@code shift}. */
    static char substitute(String alphabet, char c, int shift) {
        int n = alphabet.length();
        return alphabet.charAt((alphabet.indexOf(c) + 1 + shift % (n - 1)) % n);
    }

    /** ISO 13616: check digits = 98 - (BBAN + country + "00" read as a number, A = 10 … Z = 35) mod 97. */
    static String withIbanCheckDigits(String country, String bban) {
        int check = 98 - ibanNumber(bban + country + "00").mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    /** An all-digit BBAN whose IBAN gets the given check digits, found by counting up. */
    static String bbanWithCheckDigits(String country, int length, String checkDigits) {
        for (long n = 0; ; n++) {
            String bban = String.format("%0" + (length - 4) + "d", n);
            if (withIbanCheckDigits(country, bban).substring(2, 4).equals(checkDigits)) {
                return bban;
            }
        }
    }

    static BigInteger ibanNumber(String s) {
        StringBuilder digits = new StringBuilder();
        s.chars().forEach(c -> digits.append(Character.isDigit(c) ? String.valueOf((char) c) : String.valueOf(c - 'A' + 10)));
        return new BigInteger(digits.toString());
    }

    static String usccCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARACTERS.indexOf(first17.charAt(i)) * BigInteger.valueOf(3).modPow(BigInteger.valueOf(i), BigInteger.valueOf(31)).intValue();
        }
        int check = 31 - sum % 31;
        return String.valueOf(USCC_CHARACTERS.charAt(check == 31 ? 0 : check));
    }

    static String withResidentCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * BigInteger.TWO.modPow(BigInteger.valueOf(17 - i), BigInteger.valueOf(11)).intValue();
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    static Map<String, Integer> lengths(String table) {
        String[] words = table.trim().split("\\s+");
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i += 2) {
            lengths.put(words[i], Integer.parseInt(words[i + 1]));
        }
        return lengths;
    }
}
