package org.finbridge.risk.sanctions.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The score of a query name against one listed name, from the similarities of their tokens, in any
 * order. Tokens are paired greedily, most similar first; each token weighs its length (3 to 8), so an
 * initial counts less than a surname, yet a short Chinese or Korean syllable still counts.
 *
 * <pre>
 *   score = Σ paired sim·(wq + wc) / (Σ paired (wq + wc) + 0.8·Σ unpaired wq + 0.3·Σ unpaired wc)
 * </pre>
 *
 * An unpaired listed token (a middle name the query left out) costs less than an unpaired query token
 * (a name the list does not have): "John Smith" against "John Michael Smith" keeps 0.89, while a query
 * that adds names of its own is a different person more often.
 */
final class NameScore {

    static final float UNPAIRED_QUERY = 0.8f;
    static final float UNPAIRED_LISTED = 0.3f;

    record Pairing(float score, int[] pairOf, float[] pairSim) {
    }

    private NameScore() {
    }

    static int weight(String token) {
        return Math.max(3, Math.min(token.length(), 8));
    }

    /** @param sim query token × listed token similarities (0 where not similar) */
    static Pairing score(float[][] sim, int[] wq, int[] wc) {
        int n = wq.length;
        int m = wc.length;
        int[] pairOf = new int[n];
        float[] pairSim = new float[n];
        java.util.Arrays.fill(pairOf, -1);
        boolean[] usedC = new boolean[m];
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (sim[i][j] > 0) {
                    pairs.add(new long[] {Float.floatToIntBits(sim[i][j]), i, j});
                }
            }
        }
        // most similar first; among equals, the heavier tokens first
        pairs.sort((a, b) -> {
            int c = Float.compare(Float.intBitsToFloat((int) b[0]), Float.intBitsToFloat((int) a[0]));
            return c != 0 ? c : Integer.compare(wq[(int) b[1]] + wc[(int) b[2]], wq[(int) a[1]] + wc[(int) a[2]]);
        });
        for (long[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (pairOf[i] < 0 && !usedC[j]) {
                pairOf[i] = j;
                pairSim[i] = Float.intBitsToFloat((int) p[0]);
                usedC[j] = true;
            }
        }
        float numerator = 0;
        float denominator = 0;
        for (int i = 0; i < n; i++) {
            if (pairOf[i] >= 0) {
                numerator += pairSim[i] * (wq[i] + wc[pairOf[i]]);
                denominator += wq[i] + wc[pairOf[i]];
            } else {
                denominator += UNPAIRED_QUERY * wq[i];
            }
        }
        for (int j = 0; j < m; j++) {
            if (!usedC[j]) {
                denominator += UNPAIRED_LISTED * wc[j];
            }
        }
        return new Pairing(denominator == 0 ? 0 : numerator / denominator, pairOf, pairSim);
    }

    /**
     * The names written as one word each ("xi jinping" / "xi jin ping", "abdulrahman" / "abdul rahman"):
     * Damerau-Levenshtein on the joined letters, one edit allowed per ten letters.
     */
    static float joined(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1f;
        }
        int longest = Math.max(a.length(), b.length());
        int allowed = longest / 10;
        if (Math.abs(a.length() - b.length()) > allowed) {
            return 0;
        }
        int d = new org.apache.commons.text.similarity.DamerauLevenshteinDistance().apply(a, b);
        return d <= allowed ? 1f - 0.5f * d / longest : 0;
    }
}
