package org.finbridge.risk.sanctions.internal;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two name tokens are, in [0, 1]; 0 below {@link #FLOOR}.
 *
 * <ul>
 *   <li>Spelling: Damerau-Levenshtein distance (a transposition is one edit), allowed in proportion to
 *       length: none for tokens of up to 3 letters, one up to 7, two from 8. Jaro-Winkler alone is too
 *       lenient on short tokens (zhang / zhao 0.88), which is where Chinese names live.</li>
 *   <li>Sound: transliteration variants (a common Double Metaphone code and nearly the same
 *       consonants) score at least 0.86: below the threshold on their own, a hit only with other tokens.</li>
 *   <li>Consonants: a token written in an abjad (no short vowels) is compared by its consonant skeleton.</li>
 * </ul>
 */
final class TokenSimilarity {

    static final float FLOOR = 0.75f;
    static final float PHONETIC = 0.86f;

    private static final DamerauLevenshteinDistance DAMERAU = new DamerauLevenshteinDistance();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    /** Configured once and then only read: safe to share between threads. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    static {
        METAPHONE.setMaxCodeLen(6);
    }

    private TokenSimilarity() {
    }

    static int allowedEdits(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }

    /**
     * Spelling similarity. Two letters swapped is the commonest slip and rarely another name: 0.92.
     * Any other edit costs more in a short token, where one letter is often another name (Song / Bong).
     */
    static float spelling(String a, String b) {
        if (a.equals(b)) {
            return 1f;
        }
        int longest = Math.max(a.length(), b.length());
        if (Math.abs(a.length() - b.length()) > 2) {
            return 0f;
        }
        int d = DAMERAU.apply(a, b);
        if (d <= allowedEdits(longest)) {
            if (d == 1 && isAdjacentSwap(a, b)) {
                return 0.92f;
            }
            return 1f - (longest <= 5 ? 0.8f : longest <= 7 ? 0.5f : 0.4f) * d / longest;
        }
        // a long token with a third edit can still be the same word when the beginning agrees
        if (longest >= 10 && d == 3 && JARO_WINKLER.apply(a, b) >= 0.93) {
            return 0.85f;
        }
        return 0f;
    }

    private static boolean isAdjacentSwap(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /**
     * Spelling, or sound: tokens of four letters or more with a common Double Metaphone code and nearly
     * the same consonants are transliteration variants (Mohammed / Muhammad, Hussein / Husayn,
     * Qaddafi / Gaddafi). The consonant check keeps Metaphone from joining pinyin syllables it
     * codes alike (Jiang / Zhang).
     */
    static float similarity(String a, String b, String[] aCodes, String[] bCodes) {
        float s = spelling(a, b);
        if (s >= PHONETIC || a.length() < 4 || b.length() < 4) {
            return s;
        }
        if (sharesCode(aCodes, bCodes) && nearlySameConsonants(skeleton(a), skeleton(b))) {
            return Math.max(s, PHONETIC);
        }
        return s;
    }

    private static boolean nearlySameConsonants(String a, String b) {
        return a.equals(b) || (!a.isEmpty() && !b.isEmpty() && a.charAt(0) == b.charAt(0) && DAMERAU.apply(a, b) == 1);
    }

    /** An abjad query token (consonants only) against a list token, by consonant skeletons. */
    static float consonants(String abjadToken, String listSkeleton) {
        String q = skeleton(abjadToken);
        if (q.isEmpty() || listSkeleton.isEmpty()) {
            return 0f;
        }
        if (q.equals(listSkeleton)) {
            return 0.92f;
        }
        int longest = Math.max(q.length(), listSkeleton.length());
        if (longest >= 4 && DAMERAU.apply(q, listSkeleton) == 1) {
            return 0.82f;
        }
        return 0f;
    }

    static boolean sharesCode(String[] a, String[] b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Double Metaphone primary and alternate codes (one when they agree; none for digits). */
    static String[] phoneticCodes(String token) {
        if (token.length() < 3 || !Character.isLetter(token.charAt(0))) {
            return new String[0];
        }
        DoubleMetaphone m = METAPHONE;
        String p = m.doubleMetaphone(token);
        String alt = m.doubleMetaphone(token, true);
        if (p == null || p.isEmpty()) {
            return new String[0];
        }
        return alt == null || alt.isEmpty() || alt.equals(p) ? new String[] {p} : new String[] {p, alt};
    }

    /**
     * Consonants only, doubled letters once: how a name written without vowels compares with its
     * vowelled spelling (mhmd = Muhammad = Mohammed; hsyn = Hussein).
     */
    static String skeleton(String token) {
        String t = token.replace("ph", "f").replace("x", "ks");
        StringBuilder b = new StringBuilder(t.length());
        char last = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) {
                last = 0;
                continue;
            }
            if (c == 'h' && i > 0 && "kstdgcz".indexOf(t.charAt(i - 1)) >= 0) {
                continue; // kh, sh, th, dh, gh, ch, zh: the h only marks the sound of the letter before it
            }
            if (c == 'q' || c == 'g' || c == 'c') {
                c = 'k';
            }
            if (c != last || b.isEmpty()) {
                if (c != last) {
                    b.append(c);
                }
            }
            last = c;
        }
        return b.toString();
    }

    static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }
}
