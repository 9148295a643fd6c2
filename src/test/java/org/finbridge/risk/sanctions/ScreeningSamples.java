package org.finbridge.risk.sanctions;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Test queries for measuring screening quality, shared by the test suite and {@code bench/screening}:
 *
 * <ul>
 *   <li>{@link #variants}: listed names changed the way names get changed in real data (a typo, two
 *       letters swapped, the tokens in another order, a middle name dropped, another transliteration),
 *       each remembering the entry it came from: screening should still find that entry (recall).</li>
 *   <li>{@link #unlisted}: real-looking names of people who are not on the list (a common given name and
 *       a common family name of one language, from {@code sanctions/common-names.txt}); a name that is
 *       on the list, or whose tokens all appear in one listed name, is left out as not "unlisted":
 *       any hit on the rest is a false hit.</li>
 * </ul>
 */
public final class ScreeningSamples {

    public enum Change { TYPO, TRANSPOSITION, REORDER, DROPPED_MIDDLE_NAME, TRANSLITERATION }

    public record Variant(String query, String entryId, String original, Change change) {
    }

    public record Unlisted(List<String> names, int excludedAsListed) {
    }

    /** Spellings of one sound across transliteration systems; a variant swaps one for another. */
    private static final String[][] SPELLINGS = {
            {"mohammed", "muhammad", "mohamed", "mohammad", "muhammed"}, {"ou", "u"}, {"kh", "h"}, {"sh", "ch"},
            {"j", "dj"}, {"q", "k"}, {"ei", "ey"}, {"ks", "x"}, {"ya", "ia"}, {"yu", "iu"}, {"oo", "u"},
            {"ee", "i"}, {"ph", "f"}, {"v", "w"}, {"iy", "y"}, {"yev", "ev"}, {"ck", "k"}, {"dh", "d"},
            {"aa", "a"}, {"ii", "i"}, {"ie", "ye"}, {"hussein", "husayn", "hussain", "husain"},
            {"abdel", "abdul", "abd al"}, {"yusuf", "yousef", "youssef"}, {"ahmed", "ahmad"}};

    private static final Transliterator TO_CYRILLIC = Transliterator.getInstance("Latin-Cyrillic");

    private ScreeningSamples() {
    }

    /** {@code count} variants of names of people and entities on the list, evenly spread over the changes. */
    public static List<Variant> variants(LoadedList list, int count, long seed) {
        Random random = new Random(seed);
        List<ListedName> names = list.names().stream()
                .filter(n -> n.type() == SubjectType.INDIVIDUAL || n.type() == SubjectType.ENTITY)
                .filter(n -> letters(list.normalize(n.name())) >= 6)
                .toList();
        List<Variant> out = new ArrayList<>(count);
        Change[] changes = Change.values();
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 50) {
            Change change = changes[out.size() % changes.length];
            ListedName n = names.get(random.nextInt(names.size()));
            String changed = apply(change, n, list.normalize(n.name()), random);
            if (changed != null && !changed.equals(list.normalize(n.name()))) {
                out.add(new Variant(changed, n.entryId(), n.name(), change));
            }
        }
        return out;
    }

    private static String apply(Change change, ListedName n, String normalized, Random random) {
        List<String> tokens = new ArrayList<>(Arrays.asList(normalized.split(" ")));
        return switch (change) {
            case TYPO -> editOneToken(tokens, random, ScreeningSamples::typo);
            case TRANSPOSITION -> editOneToken(tokens, random, ScreeningSamples::transpose);
            case REORDER -> {
                if (new HashSet<>(tokens).size() < 2) {
                    yield null;
                }
                List<String> shuffled = new ArrayList<>(tokens);
                while (shuffled.equals(tokens)) {
                    java.util.Collections.shuffle(shuffled, random);
                }
                yield String.join(" ", shuffled);
            }
            case DROPPED_MIDDLE_NAME -> {
                if (n.type() != SubjectType.INDIVIDUAL || tokens.size() < 3) {
                    yield null;
                }
                tokens.remove(1 + random.nextInt(tokens.size() - 2));
                yield String.join(" ", tokens);
            }
            case TRANSLITERATION -> transliterate(n, tokens, random);
        };
    }

    private interface TokenEdit {
        String edit(String token, Random random);
    }

    private static String editOneToken(List<String> tokens, Random random, TokenEdit edit) {
        List<Integer> editable = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length() >= 4 && tokens.get(i).chars().allMatch(Character::isLetter)) {
                editable.add(i);
            }
        }
        if (editable.isEmpty()) {
            return null;
        }
        int i = editable.get(random.nextInt(editable.size()));
        tokens.set(i, edit.edit(tokens.get(i), random));
        return String.join(" ", tokens);
    }

    /** One letter replaced, inserted or deleted, away from the first letter (people rarely mistype that one). */
    private static String typo(String t, Random random) {
        int at = 1 + random.nextInt(t.length() - 1);
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(3)) {
            case 0 -> t.substring(0, at) + letter + t.substring(at + 1);
            case 1 -> t.substring(0, at) + letter + t.substring(at);
            default -> t.substring(0, at) + t.substring(at + 1);
        };
    }

    private static String transpose(String t, Random random) {
        int at = 1 + random.nextInt(t.length() - 2);
        return t.substring(0, at) + t.charAt(at + 1) + t.charAt(at) + t.substring(at + 2);
    }

    /** Another Latin spelling of one token, or for a Russian name the name written in Cyrillic. */
    private static String transliterate(ListedName n, List<String> tokens, Random random) {
        if (n.type() == SubjectType.INDIVIDUAL && tokens.stream().anyMatch(t -> t.matches(".*(ovich|evich|ovna|evna)"))
                && random.nextBoolean()) {
            return TO_CYRILLIC.transliterate(String.join(" ", tokens));
        }
        List<int[]> options = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int s = 0; s < SPELLINGS.length; s++) {
                for (int v = 0; v < SPELLINGS[s].length; v++) {
                    if (tokens.get(i).contains(SPELLINGS[s][v])) {
                        options.add(new int[] {i, s, v});
                    }
                }
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        int[] o = options.get(random.nextInt(options.size()));
        String[] group = SPELLINGS[o[1]];
        String other = group[(o[2] + 1 + random.nextInt(group.length - 1)) % group.length];
        tokens.set(o[0], tokens.get(o[0]).replaceFirst(java.util.regex.Pattern.quote(group[o[2]]), other));
        return String.join(" ", tokens);
    }

    /** {@code count} names of people not on the list, from the common names of several languages. */
    public static Unlisted unlisted(LoadedList list, int count, long seed) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        Map<String, List<String>> family = new LinkedHashMap<>();
        for (String line : commonNames()) {
            String[] p = line.split("\\|");
            (p[1].equals("given") ? given : family).put(p[0], List.of(p[2].split(",")));
        }
        // token → the listed names holding it, to find names whose tokens all appear in one listed name
        Map<String, Set<Integer>> holders = new java.util.HashMap<>();
        List<ListedName> all = list.names();
        for (int i = 0; i < all.size(); i++) {
            for (String t : list.normalize(all.get(i).name()).split(" ")) {
                holders.computeIfAbsent(t, k -> new HashSet<>()).add(i);
            }
        }
        Random random = new Random(seed);
        List<String> languages = new ArrayList<>(given.keySet());
        Set<String> out = new java.util.LinkedHashSet<>();
        Set<String> excluded = new HashSet<>();
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 20) {
            String language = languages.get(random.nextInt(languages.size()));
            List<String> g = given.get(language);
            List<String> f = family.get(language);
            String name = g.get(random.nextInt(g.size())) + " " + f.get(random.nextInt(f.size()));
            if (out.contains(name) || excluded.contains(name)) {
                continue;
            }
            Set<Integer> common = null;
            for (String t : list.normalize(name).split(" ")) {
                Set<Integer> h = holders.getOrDefault(t, Set.of());
                common = common == null ? new HashSet<>(h) : common;
                common.retainAll(h);
            }
            if (common != null && !common.isEmpty()) {
                excluded.add(name);
            } else {
                out.add(name);
            }
        }
        return new Unlisted(List.copyOf(out), excluded.size());
    }

    private static List<String> commonNames() {
        try (InputStream in = ScreeningSamples.class.getResourceAsStream("/sanctions/common-names.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }

    /** The share of variants whose own entry is among the hits. */
    public static double recall(LoadedList list, List<Variant> variants) {
        int found = 0;
        for (Variant v : variants) {
            if (list.screen(ScreeningQuery.of(v.query())) instanceof ScreeningResult.Screened s
                    && s.hits().stream().anyMatch(h -> h.entryId().equals(v.entryId()))) {
                found++;
            }
        }
        return variants.isEmpty() ? 0 : (double) found / variants.size();
    }

    /** The share of unlisted names with any hit. */
    public static double falseHitRate(LoadedList list, List<String> unlisted) {
        int hits = 0;
        for (String name : unlisted) {
            if (list.screen(ScreeningQuery.of(name)) instanceof ScreeningResult.Screened s && !s.hits().isEmpty()) {
                hits++;
            }
        }
        return unlisted.isEmpty() ? 0 : (double) hits / unlisted.size();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
