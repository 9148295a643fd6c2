package org.finbridge.risk.sanctions.internal;

import java.util.List;
import org.finbridge.party.PartyScreening;
import org.finbridge.risk.sanctions.PartyScreeningReport;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;

/**
 * The party module's screening step at onboarding, done against the sanctions lists in force. It takes
 * the place of the manual default ({@code @Primary}); hits are raised for review and named in the
 * answer, which the KYB file records before it goes to a reviewer.
 */
@Service
@Primary
class PartySanctionsScreening implements PartyScreening {

    private final SubjectScreening screening;

    PartySanctionsScreening(SubjectScreening screening) {
        this.screening = screening;
    }

    @Override
    public Outcome screen(Subject subject) {
        String ref = subject.partyId().toString();
        List<ScreenedSubject> names = new java.util.ArrayList<>();
        names.add(new ScreenedSubject(ref, "COMPANY", subject.legalName(), org.finbridge.risk.sanctions.SubjectType.ENTITY,
                subject.country(), null));
        if (subject.legalNameOriginal() != null && !subject.legalNameOriginal().isBlank()) {
            names.add(new ScreenedSubject(ref, "COMPANY", subject.legalNameOriginal(),
                    org.finbridge.risk.sanctions.SubjectType.ENTITY, subject.country(), null));
        }
        names.addAll(SubjectScreening.owners(ref, subject.owners() == null ? List.of() : subject.owners()));
        PartyScreeningReport report = screening.screen(names);
        return switch (report.outcome()) {
            case CLEAR -> new Clear(report.detail());
            case POSSIBLE_MATCHES -> new PossibleMatches(report.hits().stream()
                    .filter(h -> h.status() != org.finbridge.risk.sanctions.HitStatus.FALSE_POSITIVE)
                    .map(SubjectScreening::describe).toList());
            case UNAVAILABLE -> new Unavailable(report.detail());
        };
    }
}
