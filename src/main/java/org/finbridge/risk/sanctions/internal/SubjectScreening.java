package org.finbridge.risk.sanctions.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.party.KybApplication;
import org.finbridge.party.Party;
import org.finbridge.party.PartyKind;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.PartyScreeningReport;
import org.finbridge.risk.sanctions.ReviewHit;
import org.finbridge.risk.sanctions.SubjectType;
import org.springframework.stereotype.Component;

/**
 * Screens the names of one party (its legal name in Latin and original script, each beneficial owner)
 * and raises what it finds for review. The outcome is CLEAR only when every name was screened, nothing
 * reached the threshold, and every required list is in force; settled false positives do not count,
 * confirmed matches always do.
 */
@Component
class SubjectScreening {

    private final ScreeningService screening;
    private final HitStore hits;

    SubjectScreening(ScreeningService screening, HitStore hits) {
        this.screening = screening;
        this.hits = hits;
    }

    PartyScreeningReport screen(List<ScreenedSubject> subjects) {
        ScreeningService.Loaded loaded = screening.loaded();
        if (loaded.versions().isEmpty()) {
            return new PartyScreeningReport(PartyScreeningReport.Outcome.UNAVAILABLE,
                    "no sanctions list has been imported: screen by hand", List.of());
        }
        Map<String, ReviewHit> found = new LinkedHashMap<>();
        boolean anyOpenOrConfirmed = false;
        for (ScreenedSubject subject : subjects) {
            if (subject.name() == null || subject.name().isBlank()) {
                continue;
            }
            for (NameMatcher.Match m : screening.matches(subject.query())) {
                HitStore.Raised raised = hits.raise(subject, m);
                found.put(raised.hit().id().toString(), raised.hit());
                anyOpenOrConfirmed |= !raised.suppressed();
            }
        }
        List<ReviewHit> all = List.copyOf(found.values());
        String lists = String.join(", ", loaded.versions().stream().map(ScreeningService::label).toList());
        if (anyOpenOrConfirmed) {
            return new PartyScreeningReport(PartyScreeningReport.Outcome.POSSIBLE_MATCHES, "screened against " + lists, all);
        }
        List<String> missing = screening.missingRequiredLists();
        if (!missing.isEmpty()) {
            return new PartyScreeningReport(PartyScreeningReport.Outcome.UNAVAILABLE, "screened against " + lists
                    + " without a hit, but the required list(s) " + String.join(", ", missing) + " are not imported", all);
        }
        return new PartyScreeningReport(PartyScreeningReport.Outcome.CLEAR, lists, all);
    }

    /** The names to screen for a party: legal names, and for a merchant its beneficial owners. */
    static List<ScreenedSubject> subjects(Party party, List<KybApplication.BeneficialOwner> owners) {
        String ref = party.id().toString();
        boolean person = party.kind() == PartyKind.BUYER;
        SubjectType type = person ? SubjectType.INDIVIDUAL : SubjectType.ENTITY;
        String role = person ? "PARTY" : "COMPANY";
        List<ScreenedSubject> out = new ArrayList<>();
        out.add(new ScreenedSubject(ref, role, party.legalName(), type, party.country(), null));
        if (party.legalNameOriginal() != null && !party.legalNameOriginal().isBlank()) {
            out.add(new ScreenedSubject(ref, role, party.legalNameOriginal(), type, party.country(), null));
        }
        out.addAll(owners(ref, owners));
        return out;
    }

    static List<ScreenedSubject> owners(String ref, List<KybApplication.BeneficialOwner> owners) {
        List<ScreenedSubject> out = new ArrayList<>();
        for (KybApplication.BeneficialOwner o : owners) {
            out.add(new ScreenedSubject(ref, "OWNER", o.fullName(), SubjectType.INDIVIDUAL, o.nationality(), o.birthDate()));
            if (o.fullNameOriginal() != null && !o.fullNameOriginal().isBlank()) {
                out.add(new ScreenedSubject(ref, "OWNER", o.fullNameOriginal(), SubjectType.INDIVIDUAL, o.nationality(),
                        o.birthDate()));
            }
        }
        return out;
    }

    /** One line per hit for the KYB file: id, who, what it matched, score, status. */
    static String describe(ReviewHit h) {
        return h.id() + " " + h.subjectRole().toLowerCase(java.util.Locale.ROOT) + " '" + h.subjectName() + "' ~ "
                + h.listCode() + " " + h.entryId() + " '" + h.matchedName() + "' " + h.score().toPlainString()
                + (h.status() == HitStatus.OPEN ? "" : " (" + h.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
    }
}
