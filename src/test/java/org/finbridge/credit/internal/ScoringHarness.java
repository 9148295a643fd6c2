package org.finbridge.credit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.finbridge.credit.CreditScore;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The application's own merchant scoring, put together outside the Spring context for the credit benchmark:
 * the same {@link MerchantScoring} and {@link ScoreStore} the nightly job uses, on a given data source, with
 * the model handed in instead of read from the registry (the scoring pass and one merchant's score need
 * nothing else).
 */
public final class ScoringHarness {

    private final MerchantScoring scoring;

    public ScoringHarness(DataSource dataSource, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        this.scoring = new MerchantScoring(jdbc, null, null, new ScoreStore(jdbc), clock,
                new JdbcTransactionManager(dataSource), dataSource);
    }

    /** The nightly scoring pass over every stored feature vector. */
    public int rescoreAll(CreditModelRegistry.Loaded model, Instant at) {
        return scoring.rescoreAll(model, at);
    }

    /** One merchant's score from its stored features, stored and committed. */
    public Optional<CreditScore> rescoreStored(PartyId merchant, CreditModelRegistry.Loaded model) {
        return scoring.rescoreStored(merchant, model);
    }
}
