package org.finbridge.credit.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.finbridge.credit.Contribution;
import org.finbridge.credit.CreditReport;
import org.finbridge.credit.CreditScore;
import org.finbridge.credit.DishonestyListing;
import org.finbridge.credit.ListingCase;
import org.finbridge.credit.Objection;
import org.finbridge.credit.PublicGrade;
import org.finbridge.credit.ReasonCode;
import org.finbridge.credit.ReportAccess;

/** The credit registry's documents as the API writes them: ids in their API form, times in UTC. */
final class CreditViews {

    private CreditViews() {
    }

    record ContributionView(String id, String subjectId, String provider, String category, String sourceRecord,
                            double amount, String currency, Instant occurredAt, Instant receivedAt, boolean negative,
                            Instant eventEndsAt, Instant subjectNotifiedAt, String state) {
        static ContributionView of(Contribution c) {
            return new ContributionView(c.id(), c.subject().toString(), c.provider(), c.category().name(), c.sourceRecord(),
                    c.amount(), c.currency(), c.occurredAt(), c.receivedAt(), c.negative(), c.eventEndsAt(),
                    c.subjectNotifiedAt(), c.state());
        }
    }

    record ScoreView(int points, String grade, double probabilityOfDefault, List<ReasonCode> reasons, String modelVersion,
                     Instant scoredAt) {
        static ScoreView of(CreditScore s) {
            return s == null ? null : new ScoreView(s.points(), s.grade().name(), s.probabilityOfDefault(), s.reasons(),
                    s.modelVersion(), s.scoredAt());
        }
    }

    record EntryView(String contributionId, String category, double amount, Instant occurredAt, String provider,
                     boolean disputed, List<String> statements) {
        static EntryView of(CreditReport.Entry e) {
            return new EntryView(e.contributionId(), e.category().name(), e.amount(), e.occurredAt(), e.provider(),
                    e.disputed(), e.statements());
        }
    }

    record ReportView(String reportId, String subjectId, String kind, String name, String country,
                      Map<String, String> identifiers, ScoreView score, Map<String, Long> behaviour,
                      List<EntryView> repayments, List<EntryView> negativeRecords, List<ObjectionView> objectionsInProgress,
                      Instant issuedAt, boolean freeOfCharge) {
        static ReportView of(CreditReport r) {
            return new ReportView(r.reportId(), r.subject().toString(), r.kind(), r.name(), r.country(), r.identifiers(),
                    ScoreView.of(r.score()), r.behaviour(), r.repayments().stream().map(EntryView::of).toList(),
                    r.negativeRecords().stream().map(EntryView::of).toList(),
                    r.objectionsInProgress().stream().map(ObjectionView::of).toList(), r.issuedAt(), r.freeOfCharge());
        }
    }

    record ObjectionView(String id, String contributionId, String subjectId, String reason, Instant raisedAt,
                         Instant dueBy, String state, String answer, Instant answeredAt) {
        static ObjectionView of(Objection o) {
            return new ObjectionView(o.id(), o.contributionId(), o.subject().toString(), o.reason(), o.raisedAt(),
                    o.dueBy(), o.state().name(), o.answer(), o.answeredAt());
        }
    }

    record AccessView(String granteeId, String actor, String purpose, String consentId, boolean selfQuery,
                      Instant accessedAt, String content) {
        static AccessView of(ReportAccess a) {
            return new AccessView(a.grantee().toString(), a.actor(), a.purpose(), a.consentId(), a.selfQuery(),
                    a.accessedAt(), a.content());
        }
    }

    record ListingView(String listingId, String partyId, String name, String registrationCode, String policy,
                       String severity, String conduct, Instant listedAt, Instant publishedUntil) {
        static ListingView of(DishonestyListing l) {
            return new ListingView(l.listingId(), l.party().toString(), l.name(), l.registrationCode(), l.policy(),
                    l.severity(), l.conduct(), l.listedAt(), l.publishedUntil());
        }
    }

    record CaseView(String id, String partyId, String policy, String severity, String measure, String state,
                    String conduct, String evidence, Instant noticedAt, Instant respondBy, String subjectResponse,
                    Instant listedAt, Instant repairEligibleAt, Instant publishedUntil, String appealGrounds,
                    String appealDecision, Instant endedAt, String endReason) {
        static CaseView of(ListingCase c) {
            return new CaseView(c.id(), c.party().toString(), c.policy().name(), c.policy().severity().name(),
                    c.measure().name(), c.state(), c.conduct(), c.evidence(), c.noticedAt(), c.respondBy(),
                    c.subjectResponse(), c.listedAt(), c.repairEligibleAt(), c.publishedUntil(), c.appealGrounds(),
                    c.appealDecision(), c.endedAt(), c.endReason());
        }
    }

    record GradeView(String partyId, String name, String grade, Instant scoredAt) {
        static GradeView of(PublicGrade g) {
            return new GradeView(g.party().toString(), g.name(), g.grade().name(), g.scoredAt());
        }
    }
}
