package org.finbridge.party;

import java.util.List;

/** The outcome of a KYB step: done, or refused for a named reason. */
public sealed interface KybResult {

    record Done(KybApplication application) implements KybResult {
    }

    record NotFound(String what) implements KybResult {
    }

    /** The lifecycle does not allow this step from the application's state. */
    record IllegalTransition(KybState from, KybState to) implements KybResult {
    }

    /** Submission refused: the file lacks what a reviewer needs. */
    record Incomplete(List<String> missing) implements KybResult {
    }

    record InvalidField(String field, String reason) implements KybResult {
    }
}
