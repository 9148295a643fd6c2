package org.finbridge.risk.sanctions.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lists in force, indexed for candidate retrieval so that a query looks at a few dozen names
 * instead of scanning the list. Immutable: a list change builds a new index and swaps it in.
 *
 * <p>Every name (primary and aliases) is normalised into tokens. Each distinct token is reachable by
 * keys: its deletion neighbourhood (the token with any one letter removed, SymSpell's trick: two tokens
 * within one edit share a key), its Double Metaphone codes (transliteration variants) and its consonant
 * skeleton (names written in Arabic script). Adjacent tokens are also indexed joined ("abdul rahman" as
 * "abdulrahman") so that a name written in one word finds the one written in two, and back.
 */
final class ScreeningIndex {

    static final ScreeningIndex EMPTY = new Builder().build();

    /** An entry and where it came from. */
    record Entry(String listCode, String versionLabel, String versionId, ListEntry entry, String hash) {
    }

    final List<Entry> entries;
    final List<String> versionLabels;
    // names
    final int[] nameEntry;
    final EntryName[] names;
    final int[][] nameTokens;
    final String[] nameJoined;
    /** The joined name with its last token first: a listed "First LAST" also compared as written "LAST First". */
    final String[] nameJoinedRotated;
    // tokens
    final String[] tokens;
    final String[][] tokenCodes;
    final String[] tokenSkeletons;
    final boolean[] compound;
    final int[][] postings;
    final Map<String, Integer> tokenIds;
    final Map<String, int[]> keys;

    private ScreeningIndex(Builder b) {
        this.entries = List.copyOf(b.entries);
        this.versionLabels = List.copyOf(b.versionLabels);
        this.nameEntry = b.nameEntry.toArray();
        this.names = b.names.toArray(EntryName[]::new);
        this.nameTokens = b.nameTokens.toArray(int[][]::new);
        this.nameJoined = b.nameJoined.toArray(String[]::new);
        this.nameJoinedRotated = b.nameJoinedRotated.toArray(String[]::new);
        this.tokens = b.tokens.toArray(String[]::new);
        this.compound = new boolean[tokens.length];
        this.tokenCodes = new String[tokens.length][];
        this.tokenSkeletons = new String[tokens.length];
        this.postings = new int[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            compound[t] = b.compound.get(t);
            tokenCodes[t] = TokenSimilarity.phoneticCodes(tokens[t]);
            tokenSkeletons[t] = TokenSimilarity.skeleton(tokens[t]);
            postings[t] = b.postings.get(t).toDistinctArray();
        }
        this.tokenIds = Map.copyOf(b.tokenIds);
        Map<String, IntList> k = new HashMap<>(tokens.length * 12);
        Set<String> tokenKeys = new HashSet<>();
        for (int t = 0; t < tokens.length; t++) {
            tokenKeys.clear();
            addKeys(tokens[t], tokenCodes[t], tokenSkeletons[t], tokenKeys);
            for (String key : tokenKeys) {
                k.computeIfAbsent(key, x -> new IntList()).add(t);
            }
        }
        Map<String, int[]> frozen = new HashMap<>(k.size() * 2);
        k.forEach((key, ids) -> frozen.put(key, ids.toArray()));
        this.keys = frozen;
    }

    int nameCount() {
        return names.length;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Keys of a list token: deletion neighbourhood, phonetic codes, consonant skeleton. */
    static void addKeys(String token, String[] codes, String skeleton, Set<String> keys) {
        deletionKeys(token, keys);
        for (String c : codes) {
            keys.add("p:" + c);
        }
        if (!skeleton.isEmpty()) {
            keys.add("s:" + skeleton);
        }
    }

    static void deletionKeys(String token, Set<String> out) {
        out.add("d:" + token);
        if (token.length() >= 4) {
            for (int i = 0; i < token.length(); i++) {
                out.add("d:" + token.substring(0, i) + token.substring(i + 1));
            }
        }
    }

    int[] tokensFor(String key) {
        int[] ids = keys.get(key);
        return ids == null ? new int[0] : ids;
    }

    /** Collects the lists' names; {@link #build()} freezes them. */
    static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final List<String> versionLabels = new ArrayList<>();
        private final IntList nameEntry = new IntList();
        private final List<EntryName> names = new ArrayList<>();
        private final List<int[]> nameTokens = new ArrayList<>();
        private final List<String> nameJoined = new ArrayList<>();
        private final List<String> nameJoinedRotated = new ArrayList<>();
        private final List<String> tokens = new ArrayList<>();
        private final List<Boolean> compound = new ArrayList<>();
        private final List<IntList> postings = new ArrayList<>();
        private final Map<String, Integer> tokenIds = new HashMap<>();
        private final Map<String, Integer> compoundIds = new HashMap<>();

        Builder add(IndexedList list) {
            versionLabels.add(list.versionLabel());
            for (int i = 0; i < list.entries().size(); i++) {
                ListEntry e = list.entries().get(i);
                int entryIndex = entries.size();
                entries.add(new Entry(list.listCode(), list.versionLabel(), list.versionId(), e, list.entryHashes().get(i)));
                Set<List<String>> seen = new HashSet<>();
                for (EntryName name : e.names()) {
                    NormalizedName n = NameNormalizer.normalize(name.name(), e.type());
                    if (!n.isEmpty() && seen.add(n.tokens())) {
                        addName(entryIndex, name, n);
                    }
                }
            }
            return this;
        }

        private void addName(int entryIndex, EntryName name, NormalizedName n) {
            int id = names.size();
            names.add(name);
            nameEntry.add(entryIndex);
            nameJoined.add(n.joined());
            nameJoinedRotated.add(n.tokens().getLast() + String.join("", n.tokens().subList(0, n.tokens().size() - 1)));
            int[] ids = new int[n.tokens().size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = token(n.tokens().get(i), false, tokenIds);
                postings.get(ids[i]).add(id);
            }
            nameTokens.add(ids);
            for (int i = 0; i + 1 < ids.length; i++) {
                int c = token(n.tokens().get(i) + n.tokens().get(i + 1), true, compoundIds);
                postings.get(c).add(id);
            }
        }

        private int token(String text, boolean isCompound, Map<String, Integer> ids) {
            Integer id = ids.get(text);
            if (id != null) {
                return id;
            }
            int t = tokens.size();
            tokens.add(text);
            compound.add(isCompound);
            postings.add(new IntList());
            ids.put(text, t);
            return t;
        }

        ScreeningIndex build() {
            return new ScreeningIndex(this);
        }
    }

    @Override
    public String toString() {
        return "ScreeningIndex[" + entries.size() + " entries, " + names.length + " names, " + tokens.length
                + " tokens, " + keys.size() + " keys, lists " + Arrays.toString(versionLabels.toArray()) + "]";
    }

    /** A growing array of ints, without boxing: the index holds a few hundred thousand of them. */
    static final class IntList {
        private int[] values = new int[2];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }

        /** Values were added in increasing order, with repeats side by side. */
        int[] toDistinctArray() {
            int[] out = new int[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n == 0 || out[n - 1] != values[i]) {
                    out[n++] = values[i];
                }
            }
            return Arrays.copyOf(out, n);
        }
    }
}
