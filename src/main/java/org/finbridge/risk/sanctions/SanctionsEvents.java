package org.finbridge.risk.sanctions;

import org.finbridge.platform.events.PublishedEvent;

/** What other modules hear about sanctions screening. */
public final class SanctionsEvents {

    private SanctionsEvents() {
    }

    /** A new version of a list is in force; every party is screened again. */
    public record ListChanged(String listCode, ListVersionId versionId) implements PublishedEvent {

        @Override
        public String eventId() {
            return "sanctions-list:" + versionId;
        }

        @Override
        public String eventType() {
            return "sanctions.list_changed";
        }

        @Override
        public String subject() {
            return listCode;
        }
    }

    /**
     * A reviewer confirmed that a party (its owner, or the payee of its payouts) is a listed person or
     * entity. AML Law art. 41: stop serving and freeze. By the time it is published the party is suspended
     * (payments refused) and its unsent payouts are held or blocked, in the same transaction.
     */
    public record MatchConfirmed(HitId hitId, String subjectRef, String listCode, String entryId)
            implements PublishedEvent {

        @Override
        public String eventId() {
            return "sanctions-match:" + hitId;
        }

        @Override
        public String eventType() {
            return "sanctions.match_confirmed";
        }

        @Override
        public String subject() {
            return subjectRef;
        }
    }
}
