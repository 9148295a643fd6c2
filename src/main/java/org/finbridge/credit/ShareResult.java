package org.finbridge.credit;

/** The answer to sharing a listing or revoking a share. */
public sealed interface ShareResult {

    record Done(ListingShare share) implements ShareResult {
    }

    record NotFound(String what) implements ShareResult {
    }

    record InvalidField(String field, String reason) implements ShareResult {
    }

    /** E.g. sharing a case that is not a current listing, or a share already revoked. */
    record NotAllowed(String reason) implements ShareResult {
    }
}
