package org.finbridge.risk.sanctions.internal;

/** A name of a list entry and what kind of name it is. */
record EntryName(String name, Kind kind) {

    enum Kind {
        PRIMARY,
        /** "a.k.a.", UN quality "Good" / "a.k.a." */
        ALIAS,
        /** UN quality "Low": too vague to identify someone alone; matched, but scored lower. */
        WEAK_ALIAS,
        /** "f.k.a.": a former name. */
        FORMER,
        /** The name in its original script (UN {@code NAME_ORIGINAL_SCRIPT}). */
        ORIGINAL_SCRIPT
    }
}
