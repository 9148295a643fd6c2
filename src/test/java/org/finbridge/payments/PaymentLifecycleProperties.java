package org.finbridge.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.finbridge.FinbridgeApplication;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestClockConfiguration;
import org.finbridge.support.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Random sequences of authorize / capture / void / refund / expire / dispute against a reference model
 * of what each should do, on the real application and ledger (H2, and PostgreSQL in the second pass).
 * After every step: each payment's state and amounts match the model, captured ≤ authorized, refunds ≤
 * captured, nothing is captured after a void or an expiry, the merchant's and the connector's ledger
 * balances are what the model's amounts say, and the ledger's invariant sweep is clean.
 */
@Tag("database")
class PaymentLifecycleProperties {

    static ConfigurableApplicationContext app;

    @BeforeContainer
    static void start() {
        if (TestDatabase.isPostgresRun() && TestDatabase.postgresProblem().isPresent()) {
            return;
        }
        TestDatabase.Fresh db = TestDatabase.fresh("payprops");
        List<String> args = new ArrayList<>(List.of(db.springArguments()));
        args.add("--finbridge.scheduling.enabled=false");
        args.add("--logging.level.org.finbridge=WARN");
        // every payment is scored and its decision stored, but the same few test cards at machine pace
        // would trip the velocity rules: the lifecycle under test is the payment's, not fraud scoring's
        args.add("--finbridge.risk.fraud.mode=SHADOW");
        app = new SpringApplicationBuilder(FinbridgeApplication.class, TestClockConfiguration.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 12)
    void paymentsFollowTheReferenceModel(@ForAll("lifecycles") ActionChain<World> chain) {
        if (app == null) {
            return; // no PostgreSQL in the PostgreSQL pass: skipped, as RequiresTestDatabase does for JUnit tests
        }
        chain.withInvariant(World::invariantsHold).run();
    }

    @Provide
    Arbitrary<ActionChain<World>> lifecycles() {
        Arbitrary<Long> amounts = Arbitraries.longs().between(1, 12_000);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 99);
        return ActionChain.startWith(World::new)
                .withAction(3, new Action.Independent<World>() {
                    public Arbitrary<Transformer<World>> transformer() {
                        return Arbitraries.longs().between(100, 10_000).flatMap(a -> Arbitraries.of(true, false)
                                .map(manual -> Transformer.mutate("authorize " + a + (manual ? " manual" : " automatic"),
                                        w -> w.authorize(a, manual))));
                    }
                })
                .withAction(3, new Action.Independent<World>() {
                    public Arbitrary<Transformer<World>> transformer() {
                        return net.jqwik.api.Combinators.combine(picks, amounts, Arbitraries.of(true, false, false, false))
                                .as((i, a, fin) -> Transformer.mutate("capture #" + i + " " + a + (fin ? " final" : ""),
                                        w -> w.capture(i, a, fin)));
                    }
                })
                .withAction(1, new Action.Independent<World>() {
                    public Arbitrary<Transformer<World>> transformer() {
                        return picks.map(i -> Transformer.mutate("void #" + i, w -> w.voidIt(i)));
                    }
                })
                .withAction(2, new Action.Independent<World>() {
                    public Arbitrary<Transformer<World>> transformer() {
                        return net.jqwik.api.Combinators.combine(picks, amounts)
                                .as((i, a) -> Transformer.mutate("refund #" + i + " " + a, w -> w.refund(i, a)));
                    }
                })
                .withAction(1, new Action.Independent<World>() {
                    public Arbitrary<Transformer<World>> transformer() {
                        return Arbitraries.just(Transformer.mutate("expire (7 days pass)", World::expire));
                    }
                })
                .withAction(1, new Action.Independent<World>() {
                    public Arbitrary<Transformer<World>> transformer() {
                        return net.jqwik.api.Combinators.combine(picks, amounts)
                                .as((i, a) -> Transformer.mutate("chargeback #" + i + " " + a, w -> w.dispute(i, a)));
                    }
                })
                .withAction(1, new Action.Independent<World>() {
                    public Arbitrary<Transformer<World>> transformer() {
                        return net.jqwik.api.Combinators.combine(picks, Arbitraries.of(true, false))
                                .as((i, won) -> Transformer.mutate("dispute #" + i + (won ? " won" : " lost"),
                                        w -> w.closeDispute(i, won)));
                    }
                })
                .withMaxTransformations(25);
    }

    /** The reference model of one payment: what it should be after the steps so far. */
    static final class Model {
        final PaymentId id;
        PaymentState state;
        long authorized;
        long captured;
        long refunded;
        long disputed;
        long chargedBack;
        boolean disputedBefore;

        Model(PaymentId id, PaymentState state, long authorized, long captured) {
            this.id = id;
            this.state = state;
            this.authorized = authorized;
            this.captured = captured;
        }

        boolean holds() {
            return state == PaymentState.AUTHORIZED || state == PaymentState.PARTIALLY_CAPTURED;
        }
    }

    /** The system under test (one fresh merchant) beside its model. */
    static final class World {
        final Payments payments = app.getBean(Payments.class);
        final Ledger ledger = app.getBean(Ledger.class);
        final MutableClock clock = app.getBean(MutableClock.class);
        final PaymentFixtures fixtures = new PaymentFixtures(app.getBean(Parties.class), ledger, app.getBean(CardTokenizer.class));
        final PartyId merchant = fixtures.merchant("DE");
        final Actor actor = PaymentFixtures.merchantActor(merchant);
        final Actor operator = PaymentFixtures.operatorActor(fixtures.operatorParty());
        final List<Model> models = new ArrayList<>();
        final long clearingDebitsBefore;
        final long clearingCreditsBefore;
        final long clearingPendingBefore;

        World() {
            // earlier worlds' authorizations lapse first (voided by the expiry job within the hold's grace
            // period), so that this world's share of the shared clearing account is what changes from here on
            clock.advance(Duration.ofDays(7).plusSeconds(1));
            payments.expireDueAuthorizations();
            Account clearing = fixtures.account("platform:CONNECTOR_CLEARING:sim-card-acquirer:EUR");
            clearingDebitsBefore = clearing == null ? 0 : clearing.debitsPosted();
            clearingCreditsBefore = clearing == null ? 0 : clearing.creditsPosted();
            clearingPendingBefore = clearing == null ? 0 : clearing.debitsPending();
        }

        @Override
        public String toString() {
            return models.size() + " payments";
        }

        private Model pick(int i) {
            return models.isEmpty() ? null : models.get(i % models.size());
        }

        void authorize(long amount, boolean manual) {
            PaymentResult r = payments.create(actor, PaymentFixtures.payment(merchant, amount, "EUR",
                    fixtures.card(PaymentFixtures.VISA_OK), manual ? CaptureMethod.MANUAL : CaptureMethod.AUTOMATIC, "DE"));
            Payment p = PaymentFixtures.done(r);
            models.add(new Model(p.id(), manual ? PaymentState.AUTHORIZED : PaymentState.CAPTURED, amount, manual ? 0 : amount));
        }

        void capture(int i, long amount, boolean finalCapture) {
            Model m = pick(i);
            if (m == null) {
                return;
            }
            boolean allowed = m.holds() && amount <= m.authorized - m.captured;
            PaymentResult r = payments.capture(actor, m.id, amount, finalCapture);
            if (allowed) {
                m.captured += amount;
                m.state = m.captured == m.authorized || finalCapture ? PaymentState.CAPTURED : PaymentState.PARTIALLY_CAPTURED;
            }
            expect(m, r, allowed);
        }

        void voidIt(int i) {
            Model m = pick(i);
            if (m == null) {
                return;
            }
            boolean allowed = m.holds();
            PaymentResult r = payments.voidAuthorization(actor, m.id);
            if (allowed) {
                m.state = m.state == PaymentState.AUTHORIZED ? PaymentState.VOIDED : PaymentState.CAPTURED;
            }
            expect(m, r, allowed);
        }

        void refund(int i, long amount) {
            Model m = pick(i);
            if (m == null) {
                return;
            }
            boolean allowed = (m.state == PaymentState.CAPTURED || m.state == PaymentState.PARTIALLY_REFUNDED)
                    && amount <= m.captured - m.refunded;
            PaymentResult r = payments.refund(actor, m.id, amount, null);
            if (allowed) {
                m.refunded += amount;
                m.state = m.refunded == m.captured ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED;
            }
            expect(m, r, allowed);
        }

        void expire() {
            clock.advance(Duration.ofDays(7).plusSeconds(1));
            payments.expireDueAuthorizations();
            for (Model m : models) {
                if (m.state == PaymentState.AUTHORIZED) {
                    m.state = PaymentState.EXPIRED;
                } else if (m.state == PaymentState.PARTIALLY_CAPTURED) {
                    m.state = PaymentState.CAPTURED;
                }
                matches(m);
            }
        }

        void dispute(int i, long amount) {
            Model m = pick(i);
            if (m == null) {
                return;
            }
            boolean allowed = (m.state == PaymentState.CAPTURED || m.state == PaymentState.PARTIALLY_REFUNDED)
                    && !m.disputedBefore && amount <= m.captured - m.refunded;
            PaymentResult r = payments.openDispute(operator, m.id, amount, "fraudulent");
            if (allowed) {
                m.state = PaymentState.DISPUTED;
                m.disputed = amount;
                m.disputedBefore = true;
            }
            expect(m, r, allowed);
        }

        void closeDispute(int i, boolean won) {
            Model m = pick(i);
            if (m == null) {
                return;
            }
            boolean allowed = m.state == PaymentState.DISPUTED;
            PaymentResult r = payments.closeDispute(operator, m.id, won);
            if (allowed) {
                if (won) {
                    m.state = m.refunded > 0 ? PaymentState.PARTIALLY_REFUNDED : PaymentState.CAPTURED;
                } else {
                    m.chargedBack = m.disputed;
                    m.state = PaymentState.CHARGED_BACK;
                }
                m.disputed = 0;
            }
            expect(m, r, allowed);
        }

        private void expect(Model m, PaymentResult r, boolean allowed) {
            if (allowed) {
                assertThat(r).as(String.valueOf(r)).isInstanceOf(PaymentResult.Done.class);
            } else {
                assertThat(r).as(String.valueOf(r)).isInstanceOfAny(PaymentResult.IllegalTransition.class,
                        PaymentResult.AmountRefused.class);
            }
            matches(m);
        }

        private void matches(Model m) {
            Payment p = payments.find(actor, m.id).orElseThrow();
            assertThat(p.state()).as("state of " + m.id).isEqualTo(m.state);
            assertThat(new long[] {p.authorized(), p.captured(), p.refunded(), p.disputed(), p.chargedBack()})
                    .as("amounts of " + m.id).containsExactly(m.authorized, m.captured, m.refunded, m.disputed, m.chargedBack);
        }

        boolean invariantsHold() {
            List<Payment> real = models.stream().map(m -> payments.find(actor, m.id).orElseThrow()).toList();
            for (Payment p : real) {
                assertThat(p.captured()).isLessThanOrEqualTo(p.authorized());
                assertThat(p.refunded() + p.disputed() + p.chargedBack()).isLessThanOrEqualTo(p.captured());
            }
            long held = models.stream().filter(Model::holds).mapToLong(m -> m.authorized - m.captured).sum();
            long captured = models.stream().mapToLong(m -> m.captured).sum();
            long refunded = models.stream().mapToLong(m -> m.refunded).sum();
            long takenBack = models.stream().mapToLong(m -> m.disputed + m.chargedBack).sum();
            long acquirerFees = real.stream().mapToLong(Payment::feesAcquirer).sum();
            long platformFees = real.stream().mapToLong(Payment::feesPlatform).sum();

            Account pending = fixtures.merchantAccount(merchant, "MERCHANT_PENDING", "EUR");
            Account reserve = fixtures.merchantAccount(merchant, "MERCHANT_RESERVE", "EUR");
            long pendingHeld = pending == null ? 0 : pending.creditsPending();
            long merchantBalance = (pending == null ? 0 : pending.postedCreditBalance().minorUnits())
                    + (reserve == null ? 0 : reserve.postedCreditBalance().minorUnits());
            assertThat(pendingHeld).as("held for the merchant").isEqualTo(held);
            assertThat(merchantBalance).as("merchant pending + reserve")
                    .isEqualTo(captured - acquirerFees - platformFees - refunded - takenBack);

            Account clearing = fixtures.account("platform:CONNECTOR_CLEARING:sim-card-acquirer:EUR");
            if (clearing != null) {
                long owed = (clearing.debitsPosted() - clearingDebitsBefore) - (clearing.creditsPosted() - clearingCreditsBefore);
                assertThat(owed).as("what the acquirer owes for this merchant")
                        .isEqualTo(captured - acquirerFees - refunded - takenBack);
                assertThat(clearing.debitsPending() - clearingPendingBefore).as("authorizations pending at the acquirer")
                        .isEqualTo(held);
            }
            LedgerInvariants.Report sweep = app.getBean(LedgerInvariants.class).sweep();
            assertThat(sweep.violations()).as(sweep.toString()).isEmpty();
            return true;
        }
    }
}
