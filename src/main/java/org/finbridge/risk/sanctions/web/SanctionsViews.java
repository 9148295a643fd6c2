package org.finbridge.risk.sanctions.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.finbridge.risk.sanctions.ListVersion;
import org.finbridge.risk.sanctions.ReviewHit;
import org.finbridge.risk.sanctions.ScreeningHit;

/** What the sanctions API answers. */
final class SanctionsViews {

    private SanctionsViews() {
    }

    record ListVersionView(String id, String list, String format, String sourceName, String sha256, Instant importedAt,
                           String importedBy, int entries, int names, int skippedCount, List<String> skipped, int added,
                           int removed, int changed, boolean current) {
        static ListVersionView of(ListVersion v) {
            return new ListVersionView(v.id().toString(), v.listCode(), v.format().name(), v.sourceName(), v.sha256(),
                    v.importedAt(), v.importedBy(), v.entries(), v.names(), v.skippedCount(), v.skipped(), v.added(),
                    v.removed(), v.changed(), v.current());
        }
    }

    record ImportView(String outcome, ListVersionView version) {
    }

    record HitView(String list, String entryId, String entryName, String matchedName, String entryType, BigDecimal score,
                   List<String> reasons) {
        static HitView of(ScreeningHit h) {
            return new HitView(h.listCode(), h.entryId(), h.entryName(), h.matchedName(), h.entryType().name(), h.score(),
                    h.reasons());
        }
    }

    record ScreeningView(String outcome, String reason, List<HitView> hits, List<String> listVersions, BigDecimal threshold) {
    }

    record ReviewHitView(String id, String subjectRef, String subjectName, String subjectRole, String list, String entryId,
                         String entryName, String matchedName, BigDecimal score, List<String> reasons, String status,
                         String listVersion, Instant raisedAt, String decidedBy, Instant decidedAt, String note) {
        static ReviewHitView of(ReviewHit h) {
            return new ReviewHitView(h.id().toString(), h.subjectRef(), h.subjectName(), h.subjectRole(), h.listCode(),
                    h.entryId(), h.entryName(), h.matchedName(), h.score(), h.reasons(), h.status().name(),
                    h.listVersion().toString(), h.raisedAt(), h.decidedBy(), h.decidedAt(), h.note());
        }
    }

    record PartyScreeningView(String outcome, String detail, List<ReviewHitView> hits) {
    }
}
