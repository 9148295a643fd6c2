package org.finbridge.risk.sanctions.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.finbridge.risk.sanctions.SubjectType;

/**
 * Screens one name against an index: retrieve similar tokens through the index's keys, gather the
 * names holding them, keep those whose best possible score can still reach the threshold, score those
 * fully (token pairing, joined spelling, then supporting evidence) and answer the best name per entry.
 */
final class NameMatcher {

    static final int MAX_QUERY_TOKENS = 8;
    static final int MAX_CANDIDATES = 300;
    static final int MAX_HITS = 20;

    record Query(String name, SubjectType type, String country, LocalDate dateOfBirth) {
    }

    record Match(ScreeningIndex.Entry entry, EntryName name, float score, float nameScore, List<String> reasons) {
    }

    private final ScreeningIndex index;
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();

    NameMatcher(ScreeningIndex index) {
        this.index = index;
    }

    ScreeningIndex index() {
        return index;
    }

    List<Match> match(Query q, float threshold) {
        NormalizedName norm = NameNormalizer.normalize(q.name(), q.type());
        if (norm.isEmpty() || index.isEmpty()) {
            return List.of();
        }
        List<String> qt = norm.tokens().size() > MAX_QUERY_TOKENS ? norm.tokens().subList(0, MAX_QUERY_TOKENS) : norm.tokens();
        int qn = qt.size();
        int[] wq = new int[qn];
        List<Map<Integer, Float>> similar = new ArrayList<>(qn);
        for (int i = 0; i < qn; i++) {
            wq[i] = NameScore.weight(qt.get(i));
            similar.add(similarTokens(qt.get(i), norm.abjad()));
        }
        Scratch s = acquire();
        try {
            Set<Integer> joinedCandidates = new HashSet<>();
            gather(similar, qn, s, joinedCandidates);
            gatherJoined(qt, joinedCandidates);
            List<Integer> candidates = shortlist(s, qn, wq, threshold, joinedCandidates);
            return score(q, norm, qt, wq, similar, candidates, threshold);
        } finally {
            scratches.offer(s);
        }
    }

    /** List tokens within reach of a query token, with their similarity. */
    private Map<Integer, Float> similarTokens(String token, boolean abjad) {
        Set<String> keys = new HashSet<>();
        ScreeningIndex.deletionKeys(token, keys);
        String[] codes = TokenSimilarity.phoneticCodes(token);
        for (String c : codes) {
            keys.add("p:" + c);
        }
        if (abjad) {
            keys.add("s:" + TokenSimilarity.skeleton(token));
        }
        Map<Integer, Float> out = new HashMap<>();
        for (String key : keys) {
            for (int t : index.tokensFor(key)) {
                if (out.containsKey(t)) {
                    continue;
                }
                String listed = index.tokens[t];
                float sim = abjad
                        ? Math.max(TokenSimilarity.consonants(token, index.tokenSkeletons[t]), TokenSimilarity.spelling(token, listed))
                        : TokenSimilarity.similarity(token, listed, codes, index.tokenCodes[t]);
                out.put(t, sim >= TokenSimilarity.FLOOR ? sim : 0f);
            }
        }
        out.values().removeIf(v -> v == 0f);
        return out;
    }

    /** For every name holding a similar token: the best similarity per query token. */
    private void gather(List<Map<Integer, Float>> similar, int qn, Scratch s, Set<Integer> joinedCandidates) {
        for (int i = 0; i < qn; i++) {
            for (Map.Entry<Integer, Float> e : similar.get(i).entrySet()) {
                int t = e.getKey();
                float sim = e.getValue();
                if (index.compound[t]) {
                    for (int n : index.postings[t]) {
                        joinedCandidates.add(n);
                    }
                    continue;
                }
                for (int n : index.postings[t]) {
                    if (s.stamp[n] != s.generation) {
                        s.stamp[n] = s.generation;
                        Arrays.fill(s.best, n * MAX_QUERY_TOKENS, n * MAX_QUERY_TOKENS + qn, 0f);
                        s.touched[s.touchedCount++] = n;
                    }
                    int slot = n * MAX_QUERY_TOKENS + i;
                    if (sim > s.best[slot]) {
                        s.best[slot] = sim;
                    }
                }
            }
        }
    }

    /** Two adjacent query tokens written as one listed token ("abdul rahman" → "abdulrahman"). */
    private void gatherJoined(List<String> qt, Set<Integer> joinedCandidates) {
        for (int i = 0; i + 1 < qt.size(); i++) {
            String joined = qt.get(i) + qt.get(i + 1);
            Set<String> keys = new HashSet<>();
            ScreeningIndex.deletionKeys(joined, keys);
            for (String key : keys) {
                for (int t : index.tokensFor(key)) {
                    if (!index.compound[t] && TokenSimilarity.spelling(joined, index.tokens[t]) >= TokenSimilarity.FLOOR) {
                        for (int n : index.postings[t]) {
                            joinedCandidates.add(n);
                        }
                    }
                }
            }
        }
    }

    /**
     * Names whose best case still reaches the threshold: every similar query token paired with a listed
     * token of its own weight, no listed token left over, evidence at its most favourable.
     */
    private List<Integer> shortlist(Scratch s, int qn, int[] wq, float threshold, Set<Integer> joinedCandidates) {
        float floor = threshold - Evidence.MOST;
        List<long[]> ranked = new ArrayList<>();
        for (int k = 0; k < s.touchedCount; k++) {
            int n = s.touched[k];
            float num = 0;
            float den = 0;
            for (int i = 0; i < qn; i++) {
                float b = s.best[n * MAX_QUERY_TOKENS + i];
                if (b > 0) {
                    num += b * 2 * wq[i];
                    den += 2 * wq[i];
                } else {
                    den += NameScore.UNPAIRED_QUERY * wq[i];
                }
            }
            float bound = den == 0 ? 0 : num / den;
            if (bound >= floor || joinedCandidates.contains(n)) {
                ranked.add(new long[] {Float.floatToIntBits(bound), n});
            }
        }
        for (int n : joinedCandidates) {
            if (s.stamp[n] != s.generation) {
                ranked.add(new long[] {Float.floatToIntBits(1f), n});
            }
        }
        ranked.sort((a, b) -> Float.compare(Float.intBitsToFloat((int) b[0]), Float.intBitsToFloat((int) a[0])));
        List<Integer> out = new ArrayList<>(Math.min(ranked.size(), MAX_CANDIDATES));
        for (int k = 0; k < ranked.size() && k < MAX_CANDIDATES; k++) {
            out.add((int) ranked.get(k)[1]);
        }
        return out;
    }

    private List<Match> score(Query q, NormalizedName norm, List<String> qt, int[] wq, List<Map<Integer, Float>> similar,
                              List<Integer> candidates, float threshold) {
        int qn = qt.size();
        String qJoined = String.join("", qt);
        Map<Integer, Match> bestPerEntry = new LinkedHashMap<>();
        for (int n : candidates) {
            int[] ct = index.nameTokens[n];
            float[][] sim = new float[qn][ct.length];
            int[] wc = new int[ct.length];
            for (int j = 0; j < ct.length; j++) {
                wc[j] = NameScore.weight(index.tokens[ct[j]]);
                for (int i = 0; i < qn; i++) {
                    sim[i][j] = similar.get(i).getOrDefault(ct[j], 0f);
                }
            }
            float nameScore = NameScore.score(sim, wq, wc).score();
            if (nameScore < 1f && ct.length != qn) {
                float joined = 0;
                for (String listed : new String[] {index.nameJoined[n], index.nameJoinedRotated[n]}) {
                    joined = Math.max(joined, norm.abjad()
                            ? 0.95f * NameScore.joined(TokenSimilarity.skeleton(qJoined), TokenSimilarity.skeleton(listed))
                            : NameScore.joined(qJoined, listed));
                }
                nameScore = Math.max(nameScore, joined);
            }
            if (nameScore + Evidence.MOST < threshold) {
                continue;
            }
            ScreeningIndex.Entry entry = index.entries.get(index.nameEntry[n]);
            EntryName name = index.names[n];
            Evidence.Adjustment adj = Evidence.weigh(q.type(), q.country(), q.dateOfBirth(), entry.entry(), name.kind());
            if (adj.excluded()) {
                continue;
            }
            float score = Math.max(0f, Math.min(1f, nameScore + adj.delta()));
            if (score < threshold) {
                continue;
            }
            Match current = bestPerEntry.get(index.nameEntry[n]);
            if (current == null || score > current.score()) {
                List<String> reasons = new ArrayList<>();
                reasons.add(String.format(Locale.ROOT, "name similarity %.4f with the %s '%s'", nameScore,
                        kindLabel(name.kind()), name.name()));
                reasons.addAll(adj.reasons());
                bestPerEntry.put(index.nameEntry[n], new Match(entry, name, score, nameScore, reasons));
            }
        }
        return bestPerEntry.values().stream()
                .sorted((a, b) -> Float.compare(b.score(), a.score()))
                .limit(MAX_HITS).toList();
    }

    private static String kindLabel(EntryName.Kind kind) {
        return switch (kind) {
            case PRIMARY -> "primary name";
            case ALIAS -> "alias";
            case WEAK_ALIAS -> "low-quality alias";
            case FORMER -> "former name";
            case ORIGINAL_SCRIPT -> "name in original script";
        };
    }

    private Scratch acquire() {
        Scratch s = scratches.poll();
        if (s == null) {
            s = new Scratch(index.nameCount());
        }
        s.generation++;
        s.touchedCount = 0;
        return s;
    }

    /** Per-query working arrays, reused (a generation stamp marks what this query wrote). */
    private static final class Scratch {
        int generation;
        final int[] stamp;
        final float[] best;
        final int[] touched;
        int touchedCount;

        Scratch(int names) {
            stamp = new int[names];
            best = new float[names * MAX_QUERY_TOKENS];
            touched = new int[names];
        }
    }
}
