package org.finbridge.risk.sanctions.internal;

import java.util.Comparator;
import java.util.List;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.PartyScreeningReport;
import org.finbridge.risk.sanctions.ReviewHit;
import org.finbridge.risk.sanctions.SubjectType;
import org.finbridge.settlement.PayoutScreening;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settlement module's beneficiary screening, done against the sanctions lists in force (AML Law
 * art. 41: counterparties too). The account holder is screened as a subject of the merchant's file (role
 * {@code PAYEE}), so a possible match joins the same review queue, a settled false positive is not
 * raised again for the next payout to the same holder, and confirming it stops the merchant.
 */
@Service
@Primary
class PayoutSanctionsScreening implements PayoutScreening {

    static final String PAYEE = "PAYEE";

    private final SubjectScreening screening;

    PayoutSanctionsScreening(SubjectScreening screening) {
        this.screening = screening;
    }

    @Override
    @Transactional
    public Outcome screen(Beneficiary beneficiary) {
        if (beneficiary.holderName() == null || beneficiary.holderName().isBlank()) {
            return new Unavailable("the bank account has no holder name");
        }
        PartyScreeningReport report = screening.screen(List.of(new ScreenedSubject(beneficiary.merchantId().toString(),
                PAYEE, beneficiary.holderName(), SubjectType.UNKNOWN, beneficiary.country(), null)));
        return switch (report.outcome()) {
            case CLEAR -> new Clear(report.detail());
            case UNAVAILABLE -> new Unavailable(report.detail());
            case POSSIBLE_MATCHES -> report.hits().stream()
                    .filter(h -> h.status() != HitStatus.FALSE_POSITIVE)
                    // a confirmed match first: it is what the payout will be blocked for
                    .min(Comparator.comparing((ReviewHit h) -> h.status() != HitStatus.TRUE_MATCH)
                            .thenComparing(ReviewHit::score, Comparator.reverseOrder()))
                    .<Outcome>map(h -> new Held("possible sanctions match of the beneficiary: " + SubjectScreening.describe(h),
                            h.id().toString()))
                    .orElseGet(() -> new Unavailable(report.detail()));
        };
    }
}
