package org.finbridge.trade;

import java.util.List;

/** What became of a reported customs declaration. */
public sealed interface DeclarationResult {

    record Recorded(Declaration declaration) implements DeclarationResult {
    }

    /** The same declaration was reported before: nothing changed. */
    record AlreadyRecorded(Declaration declaration) implements DeclarationResult {
    }

    /** The declaration number is already recorded with different content. */
    record NumberTaken(Declaration existing) implements DeclarationResult {
    }

    record Invalid(List<Violation> violations) implements DeclarationResult {
    }
}
