package org.finbridge.party.internal;

import java.util.Map;
import java.util.Set;
import org.finbridge.party.Validation;

/**
 * Unified social credit code of a Chinese legal person or other organisation (统一社会信用代码),
 * GB 32100-2015: registration authority (1), organisation type (1), administrative division of the
 * registering office (6, GB/T 2260), the organisation's identity code (9, GB 11714) and a check
 * character (1), 18 characters in all.
 *
 * <p>The administrative division is checked for form only (six digits): GB/T 2260 codes change every
 * year and offices keep the codes they were registered under.
 */
public final class UsccValidator {

    /**
     * GB 32100-2015 uses 0-9 and the capital letters except I, O, Z, S and V, which are easily taken
     * for 1, 0, 2, 5 and U; a character's value is its index here, 0 to 30.
     */
    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 3^i mod 31 for positions 1 to 17 (GB 32100-2015). */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /**
     * Registration authority codes and, where GB 32100-2015 table 1 lists them, the organisation type
     * codes each may issue: 1 institutional establishment (机构编制), 5 civil affairs (民政), 9 industry
     * and commerce (工商, now market regulation), Y other. The codes assigned to further authorities
     * since (2 foreign affairs, 3 justice, 4 culture, 6 tourism, 7 religious affairs, 8 trade unions,
     * A the Central Military Commission's establishment office, N agriculture) map to an empty set:
     * their organisation type codes are not checked.
     */
    private static final Map<Character, Set<Character>> TYPES_BY_AUTHORITY = Map.ofEntries(
            Map.entry('1', Set.of('1', '2', '3', '9')),
            Map.entry('5', Set.of('1', '2', '3', '9')),
            Map.entry('9', Set.of('1', '2', '3')),
            Map.entry('Y', Set.of('1')),
            Map.entry('2', Set.of()), Map.entry('3', Set.of()), Map.entry('4', Set.of()),
            Map.entry('6', Set.of()), Map.entry('7', Set.of()), Map.entry('8', Set.of()),
            Map.entry('A', Set.of()), Map.entry('N', Set.of()));

    private UsccValidator() {
    }

    public static Validation validate(String value) {
        String code = Text.asciiUpperCase(value.strip());
        if (code.isEmpty()) {
            return new Validation.Invalid("empty");
        }
        for (int i = 0; i < code.length(); i++) {
            if (CHARACTERS.indexOf(code.charAt(i)) < 0) {
                return new Validation.Invalid(Text.invalidCharacter(code, i));
            }
        }
        if (code.length() != 18) {
            return new Validation.Invalid("length " + code.length() + " is not 18");
        }
        char authority = code.charAt(0);
        Set<Character> types = TYPES_BY_AUTHORITY.get(authority);
        if (types == null) {
            return new Validation.Invalid("unknown registration authority code " + authority);
        }
        char type = code.charAt(1);
        if (!types.isEmpty() && !types.contains(type)) {
            return new Validation.Invalid(
                    "unknown organisation type code " + type + " for registration authority " + authority);
        }
        if (!Text.allDigits(code.substring(2, 8))) {
            return new Validation.Invalid("administrative division code " + code.substring(2, 8) + " is not 6 digits");
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return new Validation.Invalid("check character does not match");
        }
        return new Validation.Valid(code);
    }

    /** GB 32100-2015: C18 = 31 - (Σ value(Ci) × Wi mod 31), where 31 stands for 0. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }
}
