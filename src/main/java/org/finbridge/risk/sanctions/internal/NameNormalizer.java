package org.finbridge.risk.sanctions.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * A name reduced to what identifies its bearer: Latin letters without diacritics, lower case, no
 * punctuation, no legal-form suffixes (Co., Ltd. / LLC / GmbH / S.A. / JSC / 有限公司 …), no honorifics
 * or name particles (al-, bin, van, de …), "LAST, First" turned to "First LAST". Token order is not
 * normalised here: the scorer compares tokens in any order.
 */
final class NameNormalizer {

    /** Chinese company forms, longest first (股份有限公司 before 有限公司). */
    private static final List<String> HAN_COMPANY_FORMS = List.of("股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
            "股份公司", "集团公司", "公司");

    /** Legal forms written as several tokens once dots are dropped ("s. a." → "s a", "co., ltd." → "co ltd"). */
    private static final List<List<String>> MULTI_TOKEN_FORMS = List.of(List.of("co", "ltd"), List.of("co", "limited"),
            List.of("company", "limited"), List.of("company", "ltd"), List.of("pte", "ltd"), List.of("pty", "ltd"),
            List.of("sdn", "bhd"), List.of("s", "a"), List.of("s", "l"), List.of("l", "l", "c"), List.of("s", "a", "s"),
            List.of("s", "r", "l"), List.of("s", "p", "a"), List.of("b", "v"), List.of("n", "v"), List.of("co", "inc"),
            List.of("public", "joint", "stock", "company"), List.of("joint", "stock", "company"),
            List.of("limited", "liability", "company"), List.of("private", "limited"), List.of("fz", "llc"));

    private static final Set<String> SUFFIX_FORMS = Set.of("ltd", "limited", "llc", "inc", "incorporated", "corp",
            "corporation", "co", "plc", "llp", "lp", "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv",
            "oy", "ab", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "oao", "zao", "pao", "tov", "fze", "fzco", "fzc", "fzllc",
            "bhd", "kft", "doo", "sl", "sae", "pte", "pty", "lda", "ltda", "cia", "eirl", "sociedad", "anonima");

    /** Russian and Ukrainian legal forms come first: OOO "Romashka". */
    private static final Set<String> PREFIX_FORMS = Set.of("ooo", "oao", "zao", "pao", "ojsc", "cjsc", "jsc", "pjsc", "tov");

    /** Particles that join a name part: dropped when one follows ("al Zawahiri", "van Gogh"). */
    private static final Set<String> PARTICLES = Set.of("al", "el", "ul", "bin", "ibn", "bint", "binti", "bn", "van",
            "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "the");

    /** Honorifics and titles: not names wherever they stand. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sheikh", "shaykh",
            "sheik", "shaikh", "haji", "hajji", "hadji", "mullah", "maulana", "maulvi");

    private NameNormalizer() {
    }

    static NormalizedName normalize(String raw, SubjectType type) {
        if (raw == null || raw.isBlank()) {
            return NormalizedName.EMPTY;
        }
        String text = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
        if (type != SubjectType.INDIVIDUAL) {
            text = stripHanCompanyForm(text);
        }
        if (type == SubjectType.INDIVIDUAL || (type == SubjectType.UNKNOWN && !endsWithLegalForm(text))) {
            text = surnameLast(text);
        }
        Transliteration.Latin latin = Transliteration.toLatin(text, type != SubjectType.ENTITY);
        List<String> tokens = tokens(latin.text());
        if (type != SubjectType.INDIVIDUAL) {
            tokens = stripLegalForms(tokens);
        }
        tokens = dropParticles(tokens, latin.abjad());
        return new NormalizedName(List.copyOf(tokens), latin.abjad());
    }

    private static String stripHanCompanyForm(String text) {
        for (String form : HAN_COMPANY_FORMS) {
            if (text.endsWith(form) && text.length() > form.length()) {
                return text.substring(0, text.length() - form.length());
            }
        }
        return text;
    }

    /** "AL ZAWAHIRI, Dr. Ayman" → "Dr. Ayman AL ZAWAHIRI" (only for one comma: lists write individuals so). */
    private static String surnameLast(String text) {
        int comma = text.indexOf(',');
        if (comma <= 0 || text.indexOf(',', comma + 1) >= 0) {
            return text;
        }
        return text.substring(comma + 1).strip() + " " + text.substring(0, comma).strip();
    }

    /** "CIMEX, S.A.": the comma sets off a legal form, not a given name. */
    private static boolean endsWithLegalForm(String text) {
        int comma = text.lastIndexOf(',');
        if (comma < 0) {
            return false;
        }
        List<String> after = tokens(text.substring(comma + 1));
        return !after.isEmpty() && (after.stream().allMatch(SUFFIX_FORMS::contains)
                || MULTI_TOKEN_FORMS.stream().anyMatch(after::equals));
    }

    /** Lower case ASCII letters and digits; apostrophes and dots join ("O'Brien" → obrien, "S.A." → sa). */
    static List<String> tokens(String latin) {
        String lower = Normalizer.normalize(latin, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else if (c == '\'' || c == '.' || c == '\u2019' || c == '`' || c == '\u02BF' || c == '\u02BE'
                    || c == '\u00B4' || Character.getType(c) == Character.NON_SPACING_MARK) {
                // joined: apostrophes, abbreviation dots, 'ayn and hamza marks, stray accents
            } else {
                b.append(' ');
            }
        }
        List<String> tokens = new ArrayList<>();
        for (String t : b.toString().split(" ")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private static List<String> stripLegalForms(List<String> tokens) {
        List<String> t = new ArrayList<>(tokens);
        boolean changed = true;
        while (changed && t.size() > 1) {
            changed = false;
            for (List<String> form : MULTI_TOKEN_FORMS) {
                if (t.size() > form.size() && t.subList(t.size() - form.size(), t.size()).equals(form)) {
                    t.subList(t.size() - form.size(), t.size()).clear();
                    changed = true;
                    break;
                }
            }
            if (!changed && t.size() > 1 && SUFFIX_FORMS.contains(t.getLast())) {
                t.removeLast();
                changed = true;
            }
            if (!changed && t.size() > 1 && PREFIX_FORMS.contains(t.getFirst())) {
                t.removeFirst();
                changed = true;
            }
        }
        return t;
    }

    /**
     * Honorifics go; particles go when a name part follows them ("al Zawahiri", "bin Laden", "van Gogh");
     * at the end they are a name themselves (Minh Le, Kavya Das). "alrhmn" (Arabic al- written joined) → "rhmn".
     */
    private static List<String> dropParticles(List<String> tokens, boolean abjad) {
        List<String> kept = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (abjad && t.startsWith("al") && t.length() > 4) {
                t = t.substring(2);
            }
            if (!TITLES.contains(t) && !(PARTICLES.contains(t) && i + 1 < tokens.size())) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? tokens : kept;
    }
}
