package org.finbridge.fx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.finbridge.fx.ExecutionResult;
import org.finbridge.fx.Fx;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.fx.QuoteStatus;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crash between the ledger and the quote's record: the legs are committed (or not) but the quote
 * still says EXECUTING. Recovery resubmits the same legs and finishes; nothing converts twice.
 */
@ApplicationTest
class InterruptedConversionRecoveryTest {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final CurrencyCode GBP = CurrencyCode.of("GBP");

    @Autowired
    Fx fx;

    @Autowired
    ReferenceRates rates;

    @Autowired
    QuoteStore quotes;

    @Autowired
    ConversionRecovery recovery;

    @Autowired
    LedgerAccounts accounts;

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    PartyId merchant;
    NewAccount eur;
    NewAccount gbp;
    Quote quote;

    @BeforeEach
    void setUp() {
        FxTestRates.publishToday(rates, clock);
        merchant = PartyId.next(clock);
        eur = FxAccounts.merchantAvailable(merchant, EUR);
        gbp = FxAccounts.merchantAvailable(merchant, GBP);
        NewAccount bank = NewAccount.of(EUR, "BANK", "test");
        for (NewAccount a : List.of(eur, gbp, bank)) {
            assertThat(ledger.createAccount(a)).isEqualTo(AccountResult.OK);
        }
        assertThat(ledger.submit(List.of(Transfer.posted(TransferId.next(), bank.id(), eur.id(), 50_000, "EUR", "FUNDING"))))
                .containsExactly(TransferResult.OK);
        quote = ((QuoteResult.Quoted) fx.quote(QuoteRequest.selling(merchant, EUR, GBP, 20_000), "test")).quote();
        for (NewAccount a : List.of(FxAccounts.liquidity(EUR), FxAccounts.liquidity(GBP), FxAccounts.revenue(GBP))) {
            accounts.open(a);
        }
    }

    @Test
    void legsCommittedBeforeTheCrashAreRecordedOnceNotRepeated() {
        // the crash: claimed, legs committed, the process died before recording
        assertThat(quotes.claim(quote.id(), eur.id(), gbp.id(), clock.instant())).isTrue();
        assertThat(ledger.submit(ConversionLegs.of(quote, eur.id(), gbp.id()))).allMatch(TransferResult::isCommitted);
        // a retry by the client meanwhile is refused: the quote is in use
        assertThat(fx.executeBetweenOwnBalances(quote.id(), "test"))
                .isEqualTo(new ExecutionResult.QuoteAlreadyUsed(quote.id(), QuoteStatus.EXECUTING));

        recovery.finishInterrupted(); // too early: the execution may still be running
        assertThat(quotes.find(quote.id()).orElseThrow().storedStatus()).isEqualTo(QuoteStatus.EXECUTING);

        clock.advance(Duration.ofSeconds(31));
        recovery.finishInterrupted();
        recovery.finishInterrupted();
        assertThat(quotes.find(quote.id()).orElseThrow().storedStatus()).isEqualTo(QuoteStatus.EXECUTED);
        assertThat(balance(eur)).isEqualTo(30_000);
        assertThat(balance(gbp)).isEqualTo(quote.buy().minorUnits());
        assertThat(executions()).isEqualTo(1);
    }

    @Test
    void aCrashBeforeTheLedgerAnsweredIsFinishedByRecovery() {
        assertThat(quotes.claim(quote.id(), eur.id(), gbp.id(), clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(31)); // past the lock too: the claim came in time, so it still converts
        recovery.finishInterrupted();
        assertThat(quotes.find(quote.id()).orElseThrow().storedStatus()).isEqualTo(QuoteStatus.EXECUTED);
        assertThat(balance(eur)).isEqualTo(30_000);
        assertThat(balance(gbp)).isEqualTo(quote.buy().minorUnits());
        assertThat(executions()).isEqualTo(1);
    }

    @Test
    void aClaimTheLedgerRefusesIsReleased() {
        // claimed against an account that cannot pay: recovery finds nothing applied and reopens the quote
        NewAccount empty = NewAccount.of(EUR, FxAccounts.MERCHANT_AVAILABLE, merchant.toString(),
                org.finbridge.ledger.AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        ledger.createAccount(empty);
        assertThat(quotes.claim(quote.id(), empty.id(), gbp.id(), clock.instant())).isTrue();
        clock.advance(Duration.ofSeconds(31));
        recovery.finishInterrupted();
        assertThat(quotes.find(quote.id()).orElseThrow().storedStatus()).isEqualTo(QuoteStatus.OPEN);
        assertThat(balance(gbp)).isZero();
        assertThat(executions()).isZero();
    }

    private long balance(NewAccount a) {
        return ledger.account(a.id()).orElseThrow().postedCreditBalance().minorUnits();
    }

    private long executions() {
        return jdbc.sql("select count(*) from audit_trail where action = 'fx.quote.execute' and object_id = :id")
                .param("id", quote.id().toString()).query(Long.class).single();
    }
}
