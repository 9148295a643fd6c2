package org.finbridge.fx.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.finbridge.fx.EuroFixing;
import org.finbridge.fx.RateProvider;
import org.finbridge.fx.ReferenceRate;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.money.CurrencyCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class ReferenceRateService implements ReferenceRates {

    private static final Logger log = LoggerFactory.getLogger(ReferenceRateService.class);
    private static final long IMPORT_WAIT_SECONDS = 120;
    /**
     * Answers are kept briefly: every captured payment asks for the same day's rates several times
     * (supervision's CNY and USD equivalents, AML's CNY amount), and a fixing only changes when a new day is
     * imported. An import on this node clears them at once; one on another node is seen within this time,
     * which is well inside the hours between the ECB's publication and its use.
     */
    private static final long ANSWER_TTL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int MAX_ANSWERS = 4096;

    private final FixingStore store;
    private final TransactionTemplate transaction;
    /** The start-up import of the shipped history; readers wait for it rather than see half a table. */
    private volatile CompletableFuture<Integer> historyImport = CompletableFuture.completedFuture(0);
    private final Map<Question, Answer> answers = new ConcurrentHashMap<>();

    private record Question(CurrencyCode base, CurrencyCode quote, LocalDate date) {
    }

    private record Answer(ReferenceRateResult result, long expiresAt) {
    }

    ReferenceRateService(FixingStore store, TransactionTemplate transaction) {
        this.store = store;
        this.transaction = transaction;
    }

    /**
     * Imports in the background so the application starts at once; {@link #rate} waits for it. A
     * failure is logged and readers go on with what is stored.
     */
    CompletableFuture<Integer> importInBackground(RateProvider provider) {
        CompletableFuture<Integer> running = new CompletableFuture<>();
        historyImport = running;
        Thread.ofPlatform().daemon().name("fx-reference-import").start(() -> {
            try {
                running.complete(importFrom(provider));
            } catch (RuntimeException e) {
                log.error("the {} reference rates could not be imported", provider.source(), e);
                running.completeExceptionally(e);
            }
        });
        return running;
    }

    private void awaitHistory() {
        try {
            historyImport.get(IMPORT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // logged by the import; answer from what is stored
        }
    }

    @Override
    public ReferenceRateResult rate(CurrencyCode base, CurrencyCode quote, LocalDate date) {
        awaitHistory();
        Question question = new Question(base, quote, date);
        Answer kept = answers.get(question);
        long now = System.nanoTime();
        if (kept != null && now - kept.expiresAt() < 0) {
            return kept.result();
        }
        ReferenceRateResult result = lookUp(base, quote, date);
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        answers.put(question, new Answer(result, now + ANSWER_TTL_NANOS));
        return result;
    }

    private ReferenceRateResult lookUp(CurrencyCode base, CurrencyCode quote, LocalDate date) {
        for (CurrencyCode c : List.of(base, quote)) {
            if (!store.currencies().contains(c.code())) {
                return new ReferenceRateResult.CurrencyNotQuoted(c.code());
            }
        }
        return store.latest(base, quote, date)
                .<ReferenceRateResult>map(p -> new ReferenceRateResult.Found(new ReferenceRate(base, quote,
                        CrossRates.cross(p.basePerEur(), p.quotePerEur()), p.date(), p.source())))
                .orElseGet(() -> new ReferenceRateResult.NoFixing(base.code(), quote.code(), date));
    }

    /**
     * Imports in one transaction, so a reader sees a fixing day whole or not at all. Two nodes starting
     * on an empty database both try; the second meets the first's keys, rolls back and adds nothing.
     */
    @Override
    public int importFrom(RateProvider provider) {
        LocalDate newest = store.newestDate().orElse(null);
        List<EuroFixing> fresh = provider.fixingsAfter(newest).stream()
                .filter(f -> newest == null || f.date().isAfter(newest)).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            transaction.executeWithoutResult(status -> store.insert(fresh));
        } catch (DuplicateKeyException raced) {
            log.info("{} fixings were imported concurrently by another node", provider.source());
            return 0;
        } finally {
            store.forgetCurrencies();
            answers.clear();
        }
        return fresh.size();
    }
}
