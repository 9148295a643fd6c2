package org.finbridge.credit;

/** The answer to a step of a dishonesty case. */
public sealed interface ListingResult {

    record Done(ListingCase listingCase) implements ListingResult {
    }

    record NotFound(String what) implements ListingResult {
    }

    record InvalidField(String field, String reason) implements ListingResult {
    }

    /** The step is not allowed now, e.g. listing before the response window has run, repair before the minimum period. */
    record NotAllowed(String reason) implements ListingResult {
    }
}
