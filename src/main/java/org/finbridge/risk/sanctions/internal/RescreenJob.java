package org.finbridge.risk.sanctions.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.finbridge.party.Onboarding;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyKind;
import org.finbridge.risk.sanctions.SanctionsEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index current and screens every party again when the lists in force change (FATF R.6 and
 * AML Law art. 41: a newly listed customer must be found without waiting for its periodic review).
 *
 * <p>After an import on this node the index is rebuilt before the import call answers, and the
 * re-screening starts in the background; a node that learns of a change by polling does the same. A
 * pass is remembered in memory only, so after a restart each node screens once more: raising a hit is
 * idempotent (one open hit per pair, settled pairs stay settled), so passes that overlap cost time,
 * never duplicates.
 */
@Component
class RescreenJob {

    private static final Logger log = LoggerFactory.getLogger(RescreenJob.class);

    /** The platform's own parties and supervisors are not customers to screen. */
    private static final List<PartyKind> SCREENED = List.of(PartyKind.MERCHANT, PartyKind.BUYER, PartyKind.MARKETPLACE,
            PartyKind.LOGISTICS_PROVIDER, PartyKind.LENDER, PartyKind.GUARANTOR, PartyKind.PAYMENT_INSTITUTION);

    private final ScreeningService screening;
    private final SubjectScreening subjects;
    private final Parties parties;
    private final Onboarding onboarding;
    private final TransactionTemplate tx;
    private final SanctionsProperties properties;
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("sanctions-rescreen").factory());
    private volatile String rescreened = "";

    RescreenJob(ScreeningService screening, SubjectScreening subjects, Parties parties, Onboarding onboarding,
                TransactionTemplate tx, SanctionsProperties properties) {
        this.screening = screening;
        this.subjects = subjects;
        this.parties = parties;
        this.onboarding = onboarding;
        this.tx = tx;
        this.properties = properties;
    }

    @TransactionalEventListener
    void listChanged(SanctionsEvents.ListChanged event) {
        screening.refresh();
        background.submit(this::catchUp);
    }

    @Scheduled(fixedDelayString = "${finbridge.sanctions.refresh-interval:30s}")
    void poll() {
        screening.refresh();
        catchUp();
    }

    /** Screens every party once for the lists now in force, unless this node already did. */
    synchronized int catchUp() {
        ScreeningService.Loaded loaded = screening.loaded();
        if (loaded.versions().isEmpty() || loaded.fingerprint().equals(rescreened)) {
            return 0;
        }
        long start = System.nanoTime();
        int screened = 0;
        for (PartyKind kind : SCREENED) {
            for (Party party : parties.list(kind, properties.rescreenMaxParties())) {
                tx.executeWithoutResult(s -> subjects.screen(SubjectScreening.subjects(party,
                        onboarding.ofParty(party.id()).map(a -> a.owners()).orElse(List.of()))));
                screened++;
            }
        }
        rescreened = loaded.fingerprint();
        log.info("sanctions: {} parties screened again against {} in {} ms", screened, loaded.fingerprint(),
                (System.nanoTime() - start) / 1_000_000);
        return screened;
    }
}
