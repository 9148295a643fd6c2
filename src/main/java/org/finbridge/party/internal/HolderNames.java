package org.finbridge.party.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an account holder name is the party's own legal name, allowing for what banks do to names:
 * case, accents, punctuation, spacing, and the many spellings of a company's legal form
 * ("Co., Ltd." / "Company Limited" / 有限公司). Anything else is a different holder and needs a person.
 */
final class HolderNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal-form words, longest first so that "company limited" goes before "limited". */
    private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司",
            "company limited", "co ltd", "limited liability company", "limited", "ltd", "llc", "inc", "incorporated",
            "corporation", "corp", "gmbh", "ag", "sarl", "sas", "sa", "bv", "nv", "plc", "pte", "pty", "company", "co");

    private HolderNames() {
    }

    static boolean matches(String holder, String legalName, String legalNameOriginal) {
        String h = normalize(holder);
        return !h.isEmpty() && (h.equals(normalize(legalName)) || (legalNameOriginal != null && h.equals(normalize(legalNameOriginal))));
    }

    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = NOT_ALNUM.matcher(s).replaceAll(" ").strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String form : LEGAL_FORMS) {
                if (s.endsWith(" " + form) || (isHan(form) && s.endsWith(form) && s.length() > form.length())) {
                    s = s.substring(0, s.length() - form.length()).strip();
                    changed = true;
                }
            }
        }
        return s.replace(" ", "");
    }

    private static boolean isHan(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
