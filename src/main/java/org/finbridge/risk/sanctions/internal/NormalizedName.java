package org.finbridge.risk.sanctions.internal;

import java.util.List;

/**
 * A name as tokens of lower-case ASCII letters and digits.
 *
 * @param abjad the name was written in an abjad (Arabic script): its tokens lack short vowels and are
 *              compared by their consonants
 */
record NormalizedName(List<String> tokens, boolean abjad) {

    static final NormalizedName EMPTY = new NormalizedName(List.of(), false);

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    String joined() {
        return String.join("", tokens);
    }
}
