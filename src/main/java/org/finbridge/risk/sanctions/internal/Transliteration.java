package org.finbridge.risk.sanctions.internal;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names in other scripts to Latin letters with ICU's transliterators: Chinese hanzi to pinyin
 * (surname, then the given name as one word, as passports and the lists write it: 习近平 → "xi jinping"),
 * Cyrillic, Greek and others to Latin, and Arabic-script names to their consonant skeleton (Arabic
 * writes no short vowels, so "محمد" becomes "mhmd" and is compared with "Muhammad" by its consonants).
 */
final class Transliteration {

    /** Chinese surnames of two characters; every other surname is the first character. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "西门", "南宫", "独孤", "呼延");

    private static final Transliterator HAN = Transliterator.getInstance("Han-Latin; Latin-ASCII");
    private static final Transliterator ARABIC = Transliterator.getInstance("Arabic-Latin; Latin-ASCII");
    private static final Transliterator ANY = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    /** The text in Latin letters, and whether it came from an abjad (vowels unwritten). */
    record Latin(String text, boolean abjad) {
    }

    private Transliteration() {
    }

    static Latin toLatin(String text, boolean person) {
        if (isAscii(text)) {
            return new Latin(text, false);
        }
        StringBuilder out = new StringBuilder();
        boolean abjad = false;
        for (Run run : runs(text)) {
            switch (run.script) {
                case HAN -> out.append(' ').append(pinyin(run.text, person)).append(' ');
                case ARABIC -> {
                    abjad = true;
                    // ta marbuta is said "a" at a word's end (أسامة = Usama)
                    out.append(' ').append(translit(ARABIC, run.text.replace('ة', 'ا'))).append(' ');
                }
                case OTHER -> out.append(translit(ANY, run.text));
            }
        }
        return new Latin(out.toString(), abjad);
    }

    private static String pinyin(String han, boolean person) {
        List<String> syllables = new ArrayList<>();
        for (String part : translit(HAN, han).trim().split("\\s+")) {
            if (!part.isEmpty()) {
                syllables.add(part);
            }
        }
        if (!person || syllables.size() < 2 || syllables.size() > 4) {
            return String.join(person ? " " : "", syllables);
        }
        int surname = han.length() >= 3 && COMPOUND_SURNAMES.contains(han.substring(0, 2)) ? 2 : 1;
        if (surname >= syllables.size()) {
            return String.join("", syllables);
        }
        return String.join("", syllables.subList(0, surname)) + " " + String.join("", syllables.subList(surname, syllables.size()));
    }

    /** ICU transliterators keep no state between calls but are not documented as thread-safe: one at a time. */
    private static String translit(Transliterator t, String text) {
        synchronized (t) {
            return t.transliterate(text);
        }
    }

    private enum Script { HAN, ARABIC, OTHER }

    private record Run(Script script, String text) {
    }

    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Script script = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Script s = scriptOf(cp, script);
            if (script != null && s != script) {
                runs.add(new Run(script, current.toString()));
                current.setLength(0);
            }
            script = s;
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (script != null) {
            runs.add(new Run(script, current.toString()));
        }
        return runs;
    }

    /** Spaces and punctuation stay with the run they are in. */
    private static Script scriptOf(int cp, Script current) {
        Character.UnicodeScript us = Character.UnicodeScript.of(cp);
        return switch (us) {
            case HAN -> Script.HAN;
            case ARABIC -> Script.ARABIC;
            case COMMON, INHERITED -> current == null ? Script.OTHER : current;
            default -> Script.OTHER;
        };
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
