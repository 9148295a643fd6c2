package org.finbridge.audit;

/**
 * What is to be recorded: who did what to which object, and in answer to which request.
 *
 * @param actor who acted: a user id, an API key id, or {@code "system"} for the platform itself
 * @param role the role the actor acted in, or null where roles do not apply (the system)
 * @param action what was done, as {@code module.object.verb}, e.g. {@code "ledger.account.create"},
 *               {@code "party.kyb.approve"}
 * @param objectType the kind of object acted on, e.g. {@code "ledger_account"}
 * @param objectId the object's id
 * @param beforeSummary the object before the change (a short string or small JSON text), or null
 * @param afterSummary the object after the change, or null (e.g. when it was closed)
 * @param requestId the request that caused the change, to join the record with access logs, or null
 */
public record AuditEntry(String actor, String role, String action, String objectType, String objectId,
                         String beforeSummary, String afterSummary, String requestId) {

    public static final int MAX_ACTOR = 200;
    public static final int MAX_ROLE = 100;
    public static final int MAX_ACTION = 100;
    public static final int MAX_OBJECT_TYPE = 100;
    public static final int MAX_OBJECT_ID = 200;
    public static final int MAX_SUMMARY = 4000;
    public static final int MAX_REQUEST_ID = 200;

    /**
     * Checks the fields against the columns that hold them, so a bad entry is refused here with a
     * clear message rather than by the database in the middle of the caller's transaction.
     */
    /** A summary cut to {@link #MAX_SUMMARY} characters (ending in an ellipsis when cut); null stays null. */
    public static String clip(String summary) {
        return summary == null || summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
    }

    public AuditEntry {
        required("actor", actor, MAX_ACTOR);
        optional("role", role, MAX_ROLE);
        required("action", action, MAX_ACTION);
        required("objectType", objectType, MAX_OBJECT_TYPE);
        required("objectId", objectId, MAX_OBJECT_ID);
        optional("beforeSummary", beforeSummary, MAX_SUMMARY);
        optional("afterSummary", afterSummary, MAX_SUMMARY);
        optional("requestId", requestId, MAX_REQUEST_ID);
    }

    private static void required(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit entry: " + name + " is required");
        }
        optional(name, value, max);
    }

    private static void optional(String name, String value, int max) {
        if (value == null) {
            return;
        }
        // String.length() counts UTF-16 units, never fewer than the characters the column counts
        if (value.length() > max) {
            throw new IllegalArgumentException("audit entry: " + name + " is longer than " + max + " characters");
        }
        // PostgreSQL cannot store NUL in text; refusing it everywhere keeps H2 and PostgreSQL alike
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("audit entry: " + name + " contains a NUL character");
        }
    }
}
