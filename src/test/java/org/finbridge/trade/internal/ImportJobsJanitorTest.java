package org.finbridge.trade.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.trade.ImportId;
import org.finbridge.trade.ImportJob;
import org.finbridge.trade.ImportReport;
import org.finbridge.trade.ImportRequest;
import org.finbridge.trade.TradeImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A background import whose node stopped never finishes: once it has told no progress for the quiet period it is
 * shown FAILED with the reason, while one still telling progress is left running, and an import that was only slow
 * writes its real outcome over the janitor's.
 */
@ApplicationTest
class ImportJobsJanitorTest {

    @Autowired
    ImportJobStore store;
    @Autowired
    ImportJobsJanitor janitor;
    @Autowired
    TradeImports imports;
    @Autowired
    MutableClock clock;

    @Test
    void anImportSilentForTheQuietPeriodIsFailedAndOneTellingProgressIsLeftRunning() {
        PartyId submitter = new PartyId(UUID.randomUUID());
        ImportRequest request = new ImportRequest(ImportRequest.Kind.ORDERS, ImportRequest.Format.CSV,
                ImportRequest.InvalidRows.COMMIT_VALID, null);
        ImportId stopped = ImportId.next(clock);
        ImportId slow = ImportId.next(clock);
        ImportId alive = ImportId.next(clock);
        store.insert(stopped, submitter, request, "stopped.csv", 10_000, clock.instant());
        store.insert(slow, submitter, request, "slow.csv", 10_000, clock.instant());
        store.insert(alive, submitter, request, "alive.csv", 10_000, clock.instant());
        clock.advance(Duration.ofMinutes(20));
        store.progress(alive, 5_000, 2_500, 0, clock.instant());

        // at least these two (other tests' imports on a shared database are finished, but need not be)
        assertThat(janitor.abandonStale()).isGreaterThanOrEqualTo(2);

        ImportJob failed = imports.job(stopped, submitter).orElseThrow();
        assertThat(failed.state()).isEqualTo(ImportJob.State.FAILED);
        assertThat(failed.failure()).contains("send the file again");
        assertThat(failed.finishedAt()).isBetween(clock.instant().minusMillis(1), clock.instant().plusMillis(1));
        assertThat(imports.job(alive, submitter).orElseThrow().state()).isEqualTo(ImportJob.State.RUNNING);
        clock.advance(Duration.ofMinutes(1));
        janitor.abandonStale();
        assertThat(imports.job(stopped, submitter).orElseThrow()).as("marked once").isEqualTo(failed);

        // the slow one was still working after all: its outcome replaces the janitor's guess
        store.finish(new ImportReport(slow, ImportRequest.Kind.ORDERS, ImportRequest.Format.CSV, "-", 10, 10, 0,
                ImportReport.Outcome.COMMITTED, List.of(), false, null), 20, clock.instant());
        ImportJob finished = imports.job(slow, submitter).orElseThrow();
        assertThat(finished.state()).isEqualTo(ImportJob.State.COMMITTED);
        assertThat(finished.failure()).isNull();
    }
}
