package org.finbridge.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.finbridge.credit.DishonestyCases;
import org.finbridge.credit.ListingPolicy;
import org.finbridge.credit.ListingResult;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.CreditStanding;
import org.finbridge.financing.DayCount;
import org.finbridge.financing.Financing;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.NewProgramme;
import org.finbridge.financing.Product;
import org.finbridge.financing.ProgrammeId;
import org.finbridge.financing.ProgrammeResult;
import org.finbridge.fx.EuroFixing;
import org.finbridge.fx.ExecutionResult;
import org.finbridge.fx.Fx;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.fx.RateProvider;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKeyResult;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.ApiScope;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.DocumentUpload;
import org.finbridge.party.KybApplication;
import org.finbridge.party.KybApplicationId;
import org.finbridge.party.KybDecision;
import org.finbridge.party.KybResult;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.NewParty;
import org.finbridge.party.Onboarding;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.party.RiskTier;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.PaymentResult;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.Payments;
import org.finbridge.payments.TestModeBuyers;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.AmlMonitoring;
import org.finbridge.risk.aml.CaseResult;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.Payouts;
import org.finbridge.settlement.ReleaseMode;
import org.finbridge.settlement.Settlement;
import org.finbridge.settlement.SettlementPolicy;
import org.finbridge.settlement.SettlementRun;
import org.finbridge.supervision.Licence;
import org.finbridge.supervision.PaymentInstitutions;
import org.finbridge.supervision.Violation;
import org.finbridge.supervision.ViolationDecision;
import org.finbridge.supervision.Violations;
import org.finbridge.trade.NewLogisticsEvent;
import org.finbridge.trade.NewOrder;
import org.finbridge.trade.NewShipment;
import org.finbridge.trade.OrderResult;
import org.finbridge.trade.Orders;
import org.finbridge.trade.ShipmentResult;
import org.finbridge.trade.Shipments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A market of Chinese export sellers and their buyers abroad, played through the modules' own public APIs:
 * the parties register and pass KYB, marketplaces submit orders, buyers pay by every method on the simulated
 * connectors, logistics providers report shipments, settlement runs every day, sellers convert and pay out,
 * borrow and repay, a few buyers commit fraud, a few flows raise AML alerts, one loan defaults and its seller
 * appeals the listing that follows, and the regulator takes up a violation. Nothing is written to another
 * module's tables; time is the application's clock, moved day by day ({@link SimulationClock}).
 *
 * <p>Deterministic from its seed: the same seed and size make the same market, the same decisions in the
 * same order (ids and timestamps are the modules' own). The demo runs it once at start-up in the embedded
 * mode ({@link DemoStartup}); {@code bin/finbridge demo generate} runs it larger for load tests.
 */
@Component
public class MarketSimulator {

    private static final Logger log = LoggerFactory.getLogger(MarketSimulator.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * Days of history before the trading window: the defaulting loan's first instalment falls due a month
     * after it is taken, and a loan 360 days past due is at loss and defaults (REGULATIONS §6).
     */
    static final int PROLOGUE_DAYS = 400;

    /**
     * @param seed decides every choice of the simulation
     * @param sellers Chinese sellers (at least 3: the demo seller, a borrower, the seller whose loan defaults)
     * @param days trading days simulated after the prologue
     * @param ordersPerSellerPerDay the average number of orders each seller receives a day
     */
    public record Settings(long seed, int sellers, int days, int ordersPerSellerPerDay) {
        public Settings {
            if (sellers < 3 || days < 1 || ordersPerSellerPerDay < 1) {
                throw new IllegalArgumentException("at least 3 sellers, 1 day and 1 order per seller and day");
            }
        }

        /** The demo market: ten sellers, 90 days. */
        public static Settings demo() {
            return new Settings(20_261_127L, 10, 90, 2);
        }

        /** How far before the end of the simulation its clock starts. */
        public Duration span() {
            return Duration.ofDays(PROLOGUE_DAYS + (long) days);
        }
    }

    /** Who plays which part, for the demo logins. */
    public record Cast(PartyId operator, PartyId regulator, PartyId seller, PartyId lender, PartyId guarantor,
                       PartyId marketplace, PartyId logistics, PartyId paymentInstitution) {
    }

    /**
     * What the simulation did, by kind of step ("payments", "refunds", …), and the payments by state.
     * {@code finished} is false when it was asked to stop before its last day (the application shutting down):
     * then the counts are what was done until then, and the payments by state are left empty.
     */
    public record Report(Settings settings, Cast cast, Map<String, Integer> counts, Map<PaymentState, Integer> paymentStates,
                         LocalDate firstDay, LocalDate lastDay, Duration elapsed, boolean finished) {
        public int count(String what) {
            return counts.getOrDefault(what, 0);
        }
    }

    private final Parties parties;
    private final Onboarding onboarding;
    private final ApiKeys apiKeys;
    private final BankAccounts bankAccounts;
    private final Payments payments;
    private final TestModeBuyers buyers;
    private final Orders orders;
    private final Shipments shipments;
    private final Fx fx;
    private final ReferenceRates rates;
    private final Settlement settlement;
    private final Payouts payouts;
    private final Financing financing;
    private final DishonestyCases dishonesty;
    private final Violations violations;
    private final PaymentInstitutions institutions;
    private final AmlMonitoring aml;
    private final AmlCases amlCases;
    private final Ledger ledger;

    MarketSimulator(Parties parties, Onboarding onboarding, ApiKeys apiKeys, BankAccounts bankAccounts, Payments payments,
                    TestModeBuyers buyers, Orders orders, Shipments shipments, Fx fx, ReferenceRates rates,
                    Settlement settlement, Payouts payouts, Financing financing, DishonestyCases dishonesty,
                    Violations violations, PaymentInstitutions institutions, AmlMonitoring aml, AmlCases amlCases,
                    Ledger ledger) {
        this.parties = parties;
        this.onboarding = onboarding;
        this.apiKeys = apiKeys;
        this.bankAccounts = bankAccounts;
        this.payments = payments;
        this.buyers = buyers;
        this.orders = orders;
        this.shipments = shipments;
        this.fx = fx;
        this.rates = rates;
        this.settlement = settlement;
        this.payouts = payouts;
        this.financing = financing;
        this.dishonesty = dishonesty;
        this.violations = violations;
        this.institutions = institutions;
        this.aml = aml;
        this.amlCases = amlCases;
        this.ledger = ledger;
    }

    /** Runs the simulation from the clock's present, moving it forward {@link Settings#span()} at most. */
    public Report run(Settings settings, SimulationClock clock, Consumer<String> progress) {
        return run(settings, clock, progress, cast -> { }, () -> false);
    }

    /**
     * As {@link #run(Settings, SimulationClock, Consumer)}, telling {@code castReady} who plays which part as soon
     * as the parties are registered, before the first trading day (the demo makes its console logins then, so
     * that people can watch the market being played).
     */
    public Report run(Settings settings, SimulationClock clock, Consumer<String> progress, Consumer<Cast> castReady) {
        return run(settings, clock, progress, castReady, () -> false);
    }

    /**
     * As {@link #run(Settings, SimulationClock, Consumer, Consumer)}, ending early once {@code stopRequested} says
     * so: it is asked each time the simulated clock moves (several times a simulated day), so the run ends between
     * two business steps, never inside one, and every step already taken stays as the modules recorded it.
     */
    public Report run(Settings settings, SimulationClock clock, Consumer<String> progress, Consumer<Cast> castReady,
                      BooleanSupplier stopRequested) {
        long started = System.nanoTime();
        Run run = new Run(settings, clock, progress, castReady, stopRequested);
        try {
            run.play();
        } catch (StopRequested stop) {
            return new Report(settings, run.cast, new TreeMap<>(run.counts), Map.of(), run.firstDay, run.today(),
                    Duration.ofNanos(System.nanoTime() - started), false);
        }
        return new Report(settings, run.cast, new TreeMap<>(run.counts), run.states(), run.firstDay, run.today(),
                Duration.ofNanos(System.nanoTime() - started), true);
    }

    /** Unwinds a run from wherever it is when it was asked to stop; {@link #run} turns it into an unfinished report. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("the market simulation was asked to stop", null, false, false);
        }
    }

    // ------------------------------------------------------------------------------------------------

    /** A buyer market: country, its currency and the methods buyers there use (first is the most common). */
    record BuyerCountry(String country, String currency, List<MethodType> methods, String city) {
    }

    static final List<BuyerCountry> COUNTRIES = List.of(
            new BuyerCountry("US", "USD", List.of(MethodType.CARD, MethodType.PAYPAL, MethodType.USDC), "Los Angeles"),
            new BuyerCountry("GB", "GBP", List.of(MethodType.CARD, MethodType.PAYPAL, MethodType.BANK_TRANSFER), "London"),
            new BuyerCountry("DE", "EUR", List.of(MethodType.CARD, MethodType.PAYPAL, MethodType.BANK_TRANSFER), "Berlin"),
            new BuyerCountry("FR", "EUR", List.of(MethodType.CARD, MethodType.PAYPAL), "Lyon"),
            new BuyerCountry("NL", "EUR", List.of(MethodType.IDEAL, MethodType.CARD), "Amsterdam"),
            new BuyerCountry("ES", "EUR", List.of(MethodType.CARD, MethodType.PAYPAL), "Madrid"),
            new BuyerCountry("BR", "BRL", List.of(MethodType.PIX, MethodType.CARD), "Sao Paulo"),
            new BuyerCountry("IN", "INR", List.of(MethodType.UPI, MethodType.CARD), "Mumbai"),
            new BuyerCountry("JP", "JPY", List.of(MethodType.CARD), "Osaka"),
            new BuyerCountry("AU", "AUD", List.of(MethodType.CARD, MethodType.PAYPAL), "Sydney"),
            new BuyerCountry("CA", "CAD", List.of(MethodType.CARD), "Toronto"),
            new BuyerCountry("KR", "KRW", List.of(MethodType.ALIPAY_PLUS, MethodType.CARD), "Seoul"),
            new BuyerCountry("SG", "SGD", List.of(MethodType.CARD, MethodType.ALIPAY_PLUS), "Singapore"),
            new BuyerCountry("MX", "MXN", List.of(MethodType.CARD), "Mexico City"),
            new BuyerCountry("HK", "CNY", List.of(MethodType.WECHAT_PAY, MethodType.ECNY), "Hong Kong"));

    /** What the sellers sell: HS heading, description, unit price in USD cents. */
    record Product6(String hs, String description, long usdCents) {
    }

    static final List<Product6> CATALOGUE = List.of(
            new Product6("392690", "phone case", 1_299), new Product6("850440", "USB-C charger", 2_499),
            new Product6("851830", "wireless earbuds", 3_999), new Product6("610910", "cotton T-shirt", 1_499),
            new Product6("950300", "building blocks set", 2_999), new Product6("940540", "LED desk lamp", 3_499),
            new Product6("420292", "travel backpack", 4_599), new Product6("851310", "camping lantern", 1_899));

    static final String[] CITIES = {"Shenzhen", "Guangzhou", "Yiwu", "Dongguan", "Hangzhou", "Xiamen", "Ningbo", "Suzhou"};
    static final String[] TRADES = {"Electronics", "Apparel", "Toys", "Home Goods", "Outdoor", "Lighting", "Bags", "Gadgets"};
    static final String[] FAMILY = {"Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"};
    static final String[] GIVEN = {"Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Tao", "Hui", "Qiang", "Na"};

    /** Test card numbers of the simulated acquirer: approved, a soft decline, a hard decline, suspected fraud. */
    static final String[] CARDS_OK = {"4242424242424242", "5555555555554444", "4000056655665556", "378282246310005"};
    static final String CARD_SOFT_DECLINE = "4000000000000002";
    static final String CARD_STOLEN = "4000000000009979";
    static final String CARD_FRAUD = "4100000000000019";

    /** Units per euro for currencies the simulation quotes, when no fixing exists yet (ECB, spring 2026). */
    static final Map<String, String> FALLBACK_RATES = Map.ofEntries(Map.entry("USD", "1.1684"), Map.entry("GBP", "0.87058"),
            Map.entry("JPY", "186.75"), Map.entry("CNY", "7.9827"), Map.entry("BRL", "5.874"), Map.entry("INR", "109.3"),
            Map.entry("AUD", "1.661"), Map.entry("CAD", "1.6177"), Map.entry("KRW", "1712.5"), Map.entry("SGD", "1.5")
            , Map.entry("MXN", "20.9"), Map.entry("HKD", "9.1507"), Map.entry("CHF", "0.9242"));

    static final class Seller {
        final int n;
        final PartyId id;
        final String name;
        final Actor actor;
        final String marketplace;
        String eurAccount;
        String cnyAccount;
        /** How popular: a multiplier of the average order count. */
        final double weight;

        Seller(int n, PartyId id, String name, Actor actor, String marketplace, double weight) {
            this.n = n;
            this.id = id;
            this.name = name;
            this.actor = actor;
            this.marketplace = marketplace;
            this.weight = weight;
        }
    }

    record Sale(PaymentId payment, Seller seller, LocalDate day, long amount, boolean card) {
    }

    record Transit(org.finbridge.trade.ShipmentId shipment, String carrier, String waybill, Seller seller, String country, String city, PaymentId payment,
                   LocalDate shipped, int transitDays, boolean returned) {
    }

    private final class Run {
        final Settings s;
        final SimulationClock clock;
        final Consumer<String> progress;
        final Consumer<Cast> castReady;
        final BooleanSupplier stopRequested;
        final Random random;
        final Map<String, Integer> counts = new HashMap<>();
        final Map<PaymentId, PaymentState> finalStates = new LinkedHashMap<>();
        final List<Seller> sellers = new ArrayList<>();
        final List<PartyId> marketplaces = new ArrayList<>();
        final List<Actor> marketplaceActors = new ArrayList<>();
        final List<Actor> logisticsActors = new ArrayList<>();
        final List<Sale> sales = new ArrayList<>();
        final List<Transit> transits = new ArrayList<>();
        final List<PaymentId> authorizedForLater = new ArrayList<>();
        final List<LoanId> activeLoans = new ArrayList<>();
        final String tag;
        Cast cast;
        Actor operator;
        Actor analyst;
        Actor approver;
        PartyId regulator;
        PartyId lender;
        Actor lenderActor;
        PartyId guarantor;
        ProgrammeId termProgramme;
        ProgrammeId guaranteedProgramme;
        Seller defaulter;
        LoanId defaultingLoan;
        String listingCase;
        LocalDate firstDay;
        long sequence;

        Run(Settings s, SimulationClock clock, Consumer<String> progress, Consumer<Cast> castReady,
            BooleanSupplier stopRequested) {
            this.s = s;
            this.clock = clock;
            this.progress = progress;
            this.castReady = castReady;
            this.stopRequested = stopRequested;
            this.random = new Random(s.seed());
            // order numbers and waybills must be unique per marketplace and carrier across runs in one database
            this.tag = Long.toString(clock.now().getEpochSecond() % 1_000_000_000L, 36).toUpperCase();
        }

        LocalDate today() {
            return clock.now().atZone(ZONE).toLocalDate();
        }

        void count(String what) {
            counts.merge(what, 1, Integer::sum);
        }

        void note(String what, Object result) {
            count("refused:" + what);
            log.debug("demo market: {} refused: {}", what, result);
        }

        Map<PaymentState, Integer> states() {
            Map<PaymentState, Integer> by = new EnumMap<>(PaymentState.class);
            for (PaymentId id : finalStates.keySet()) {
                payments.find(operator, id).ifPresent(p -> by.merge(p.state(), 1, Integer::sum));
            }
            return by;
        }

        // ---------------------------------------------------------------------------------------------

        void play() {
            Instant start = clock.now();
            progress.accept("registering the market's parties");
            setUpParties();
            castReady.accept(cast);
            stopIfRequested();
            setUpFinancing();
            stopIfRequested();
            // the prologue: the loan that will default is taken a year before the trading window, so that its
            // seller is 360 days past due inside the window (five-tier "loss", REGULATIONS §6); the listing that
            // follows 90 days past due, and its appeal, happen on their dates on the way
            defaultStory();
            // the window starts when the defaulting loan is past 360 days (it defaults on its first night) and
            // ends with the clock's span: in the demo, yesterday (a whole day, nothing in the future)
            LocalDate windowStart = start.atZone(ZONE).toLocalDate().plusDays(PROLOGUE_DAYS);
            if (windowStart.isAfter(today())) {
                moveTo(windowStart, LocalTime.of(8, 0));
            }
            firstDay = today();
            for (int day = 0; day < s.days(); day++) {
                if (day > 0) {
                    moveTo(today().plusDays(1), LocalTime.of(8, 0));
                }
                tradingDay(day);
                if ((day + 1) % 10 == 0 || day == s.days() - 1) {
                    progress.accept("day " + (day + 1) + " of " + s.days() + " (" + today() + "): "
                            + counts.getOrDefault("payments", 0) + " payments, " + counts.getOrDefault("orders", 0) + " orders");
                }
            }
            Set<PartyId> ids = new java.util.HashSet<>();
            sellers.forEach(x -> ids.add(x.id));
            for (org.finbridge.risk.aml.AlertStatus status : org.finbridge.risk.aml.AlertStatus.values()) {
                counts.merge("aml alerts", (int) aml.alerts(status, 10_000).stream().filter(a -> ids.contains(a.partyId())).count(),
                        Integer::sum);
            }
            log.debug("demo market played from {} to {}", start, clock.now());
        }

        void moveTo(LocalDate date, LocalTime at) {
            stopIfRequested();
            clock.advanceTo(date.atTime(at).atZone(ZONE).toInstant());
            publishFixing();
        }

        void at(LocalTime time) {
            stopIfRequested();
            Instant t = today().atTime(time).atZone(ZONE).toInstant();
            if (t.isAfter(clock.now())) {
                clock.advanceTo(t);
            }
        }

        /** Between two steps (when time moves, and between the set-up stages): the last one is complete, the next not begun. */
        void stopIfRequested() {
            if (stopRequested.getAsBoolean()) {
                throw new StopRequested();
            }
        }

        // --- parties --------------------------------------------------------------------------------

        PartyId register(PartyKind kind, String country, String name, String email, Map<String, String> identifiers) {
            Registration r = parties.register(new NewParty(kind, country, name, null, email, null, identifiers));
            if (r instanceof Registration.Registered registered) {
                count("parties");
                return registered.party().id();
            }
            throw new IllegalStateException("the demo market could not register " + name + ": " + r);
        }

        Actor actorOf(PartyId party, PartyKind kind, Set<ApiScope> scopes, String label) {
            // a real key, so that the party's key list shows what it uses; the actor is that key's
            ApiKeyResult r = apiKeys.issue(party, EnumSet.copyOf(scopes), label, "demo");
            if (r instanceof ApiKeyResult.Issued issued) {
                return new Actor(issued.key().id(), "key:" + issued.key().prefix(), Actor.Channel.API_KEY, party, kind, null,
                        scopes);
            }
            throw new IllegalStateException("could not issue a key for " + party + ": " + r);
        }

        Actor actorOf(PartyId party, PartyKind kind) {
            return actorOf(party, kind, ApiScope.grantableTo(kind),
                    "demo " + kind.name().toLowerCase().replace('_', ' '));
        }

        void setUpParties() {
            PartyId operatorParty = register(PartyKind.OPERATOR, "CN", "Finbridge Operations", "ops@demo.finbridge.test", Map.of());
            operator = actorOf(operatorParty, PartyKind.OPERATOR);
            // AML cases are worked by one analyst and approved by another (four eyes)
            analyst = actorOf(operatorParty, PartyKind.OPERATOR);
            approver = actorOf(operatorParty, PartyKind.OPERATOR);
            regulator = register(PartyKind.REGULATOR, "CN", "PBoC Shenzhen Central Sub-branch (demo)", "supervision@demo.finbridge.test",
                    Map.of());
            List<PartyId> pis = new ArrayList<>();
            for (String pi : List.of("Qianhai Cross-border Payments Co., Ltd.", "Pudong Global Pay Co., Ltd.")) {
                PartyId id = register(PartyKind.PAYMENT_INSTITUTION, "CN", pi, null, Map.of());
                pis.add(id);
                LocalDate from = today().minusYears(2);
                institutions.register(new Licence(id, "Z20" + (44 + pis.size()) + String.format("%06d", random.nextInt(1_000_000)),
                        Set.of("CROSS_BORDER_FX", "ONLINE_PAYMENT"), Set.of("CN-44", "CN-31"), from, from.plusYears(5),
                        Money.ofMajor("50000", "USD"), Money.ofMajor("5000000", "USD"), Set.of()));
                count("licences");
            }
            for (String m : List.of("GlobalMart Marketplace", "ShopBridge Cross-border")) {
                PartyId id = register(PartyKind.MARKETPLACE, "SG", m, null, Map.of());
                marketplaces.add(id);
                marketplaceActors.add(actorOf(id, PartyKind.MARKETPLACE));
            }
            for (String l : List.of("SwiftShip Logistics", "Pearl River Express")) {
                PartyId id = register(PartyKind.LOGISTICS_PROVIDER, "CN", l, null, Map.of());
                logisticsActors.add(actorOf(id, PartyKind.LOGISTICS_PROVIDER));
            }
            lender = register(PartyKind.LENDER, "CN", "Bank of Qianhai Trade Finance (demo)", "credit@demo.finbridge.test", Map.of());
            lenderActor = actorOf(lender, PartyKind.LENDER);
            guarantor = register(PartyKind.GUARANTOR, "CN", "Shenzhen SME Financing Guarantee Co. (demo)", null, Map.of());
            for (int i = 0; i < s.sellers(); i++) {
                Seller seller = seller(i);
                sellers.add(seller);
                // two sellers wait in the KYB queue for the operator; the rest are approved
                onboard(seller, i < s.sellers() - 2 || s.sellers() < 6);
            }
            defaulter = sellers.get(sellers.size() > 5 ? 3 : sellers.size() - 1);
            cast = new Cast(operatorParty, regulator, sellers.getFirst().id, lender, guarantor, marketplaces.getFirst(),
                    logisticsActors.getFirst().partyId(), pis.getFirst());
        }

        Seller seller(int i) {
            String city = CITIES[i % CITIES.length];
            String trade = TRADES[(i / CITIES.length + i) % TRADES.length];
            String name = city + " " + FAMILY[i % FAMILY.length] + "'s " + trade + " Trading Co., Ltd."
                    + (i >= CITIES.length ? " No. " + (i / CITIES.length + 1) : "");
            String uscc = uscc();
            PartyId id = register(PartyKind.MERCHANT, "CN", name, "seller" + (i + 1) + "@demo.finbridge.test", Map.of("USCC", uscc));
            Actor actor = actorOf(id, PartyKind.MERCHANT);
            double weight = 0.5 + random.nextDouble() * (i == 0 ? 1.0 : 1.5);
            Seller seller = new Seller(i, id, name, actor, marketplaces.get(i % marketplaces.size()).toString(), weight);
            seller.eurAccount = bankAccount(seller, new NewBankAccount("EUR", "DE", germanIban(), null, "COBADEFFXXX", null, name));
            seller.cnyAccount = bankAccount(seller, new NewBankAccount("CNY", "CN", null,
                    "6222" + digits(15), null, "102584000" + digits(3), name));
            settlement.setPolicy(operator, id, new SettlementPolicy(ReleaseMode.HOLDING_PERIOD, 2 + random.nextInt(3),
                    "CN", i % 4 == 1 ? 500 : 0, 90, 0));
            registerUscc.put(id, uscc);
            return seller;
        }

        final Map<PartyId, String> registerUscc = new HashMap<>();

        String bankAccount(Seller seller, NewBankAccount account) {
            BankAccountResult r = bankAccounts.add(seller.id, account, "demo");
            if (r instanceof BankAccountResult.Saved saved) {
                count("bank accounts");
                return saved.account().id();
            }
            note("bank account", r);
            return null;
        }

        void onboard(Seller seller, boolean approve) {
            String uscc = registerUscc.get(seller.id);
            KybResult opened = onboarding.open(seller.id, new KybApplication.CompanyRegistration(uscc,
                    (100 + seller.n) + " Huaqiang North Road, Futian, " + CITIES[seller.n % CITIES.length],
                    LocalDate.of(2012 + seller.n % 10, 1 + seller.n % 12, 1 + seller.n % 27), "exports " + TRADES[seller.n % TRADES.length].toLowerCase()),
                    "demo");
            if (!(opened instanceof KybResult.Done done)) {
                note("kyb", opened);
                return;
            }
            KybApplicationId app = done.application().id();
            String owner = FAMILY[seller.n % FAMILY.length] + " " + GIVEN[(seller.n * 3) % GIVEN.length];
            LocalDate born = LocalDate.of(1970 + seller.n % 20, 1 + seller.n % 12, 1 + seller.n % 28);
            onboarding.addOwner(app, new KybApplication.BeneficialOwner(owner, null, "CN", born, "CN_RESIDENT_ID",
                    residentId(born), 10_000), "demo");
            onboarding.addDocument(app, new DocumentUpload("BUSINESS_LICENCE", uscc, "SAMR", null, "licence.pdf", "application/pdf",
                    ("%PDF-1.4 business licence " + uscc).getBytes(StandardCharsets.UTF_8)), "demo");
            KybResult submitted = onboarding.submit(app, "demo");
            if (!(submitted instanceof KybResult.Done)) {
                note("kyb submit", submitted);
                return;
            }
            if (approve) {
                KybResult decided = onboarding.decide(app, new KybDecision.Approve(seller.n % 5 == 4 ? RiskTier.MEDIUM : RiskTier.LOW,
                        "licence and owner verified"), "kyb-reviewer@demo.finbridge.test");
                if (decided instanceof KybResult.Done) {
                    count("kyb approved");
                } else {
                    note("kyb decision", decided);
                }
            } else {
                count("kyb waiting");
            }
        }

        // --- financing ------------------------------------------------------------------------------

        void setUpFinancing() {
            ok("fund lender", financing.fundLender(operator, lender, Money.ofMinor(50_000_000_00L, "CNY"), "demo-lender-funding"));
            ok("fund guarantor", financing.fundLender(operator, guarantor, Money.ofMinor(5_000_000_00L, "CNY"), "demo-guarantor-funding"));
            Actor g = actorOf(guarantor, PartyKind.GUARANTOR);
            ok("guarantees", financing.offerGuarantees(g, "CNY", 3_000_000_00L, 150));
            Map<String, Long> limits = Map.of(CreditStanding.UNRATED, 500_000_00L, "A", 1_000_000_00L, "B", 600_000_00L,
                    "C", 300_000_00L, "D", 100_000_00L);
            termProgramme = programme(new NewProgramme("Working capital 3 months", Product.TERM_LOAN, "CNY", new BigDecimal("0.12"), 3,
                    AmortizationMethod.EQUAL_PRINCIPAL, DayCount.MONTHLY, 50, 0, 0, 0, 30, new BigDecimal("0.18"), 100, limits));
            guaranteedProgramme = programme(new NewProgramme("Guaranteed working capital 6 months", Product.TERM_LOAN, "CNY",
                    new BigDecimal("0.10"), 6, AmortizationMethod.EQUAL_INSTALLMENT, DayCount.MONTHLY, 0, 0, 0, 0, 30,
                    new BigDecimal("0.18"), 100, limits));
            if (guaranteedProgramme != null && !(financing.guaranteeProgramme(lenderActor, guaranteedProgramme, guarantor, 8_000)
                    instanceof ProgrammeResult.Published)) {
                note("guarantee programme", "refused");
            }
        }

        ProgrammeId programme(NewProgramme p) {
            ProgrammeResult r = financing.publish(lenderActor, p);
            if (r instanceof ProgrammeResult.Published published) {
                count("programmes");
                return published.programme().id();
            }
            note("programme", r);
            return null;
        }

        Optional<Loan> ok(String what, LoanResult r) {
            if (r instanceof LoanResult.Done done) {
                return Optional.ofNullable(done.loan());
            }
            if (r instanceof LoanResult.Existing existing) {
                return Optional.ofNullable(existing.loan());
            }
            note(what, r);
            return Optional.empty();
        }

        /** Applies, has a referral decided by the operator, and accepts: the advance lands on the seller's CNY balance. */
        Optional<Loan> borrow(Seller seller, ProgrammeId programme, long principal, String reference, boolean decideReferral) {
            if (programme == null) {
                return Optional.empty();
            }
            Optional<Loan> applied = ok("loan application", financing.apply(seller.actor, seller.id, programme, principal, reference));
            if (applied.isEmpty()) {
                return Optional.empty();
            }
            count("loan applications");
            Loan loan = applied.get();
            if (loan.state() == LoanState.REFERRED) {
                if (!decideReferral) {
                    count("loans referred");
                    return Optional.empty();
                }
                if (ok("loan decision", financing.decide(lenderActor, loan.id(), true, "trade history reviewed")).isEmpty()) {
                    return Optional.empty();
                }
            }
            Optional<Loan> accepted = ok("loan acceptance", financing.accept(seller.actor, loan.id()));
            accepted.ifPresent(l -> {
                count("loans");
                activeLoans.add(l.id());
            });
            return accepted;
        }

        void defaultStory() {
            Optional<Loan> loan = borrow(defaulter, termProgramme, 300_000_00L, "demo-default-loan", true);
            if (loan.isEmpty()) {
                return;
            }
            defaultingLoan = loan.get().id();
            activeLoans.remove(defaultingLoan);
            // the seller sends the advance to its suppliers at once: nothing is left for the instalments
            long available = balance(defaulter.id, "CNY");
            if (defaulter.cnyAccount != null && available > 10_00) {
                payout(defaulter, "CNY", defaulter.cnyAccount, available - 10_00, "demo-supplier-payment");
            }
            LocalDate firstDue = firstDueOfDefaultingLoan();
            // 95 days past due: overdue reported, and the platform gives notice of a listing (credit rules, REGULATIONS §7)
            moveTo(firstDue.plusDays(95), LocalTime.of(9, 0));
            financing.service(today());
            ListingResult noticed = dishonesty.notice(defaulter.id, ListingPolicy.LOAN_90_DAYS_OVERDUE_AFTER_FINAL_NOTICE,
                    "term loan more than 90 days overdue after the final notice", "loan " + defaultingLoan + ", final notice sent",
                    "risk@demo.finbridge.test");
            if (!(noticed instanceof ListingResult.Done done)) {
                note("listing notice", noticed);
                return;
            }
            listingCase = done.listingCase().id();
            dishonesty.respond(listingCase, defaulter.id, "our largest buyer went bankrupt; we are negotiating a repayment plan");
            moveTo(firstDue.plusDays(112), LocalTime.of(10, 0));
            financing.service(today());
            ListingResult imposed = dishonesty.impose(listingCase, ListingPolicy.Measure.LISTING,
                    "no repayment within the response period", "risk@demo.finbridge.test");
            if (!(imposed instanceof ListingResult.Done)) {
                note("listing", imposed);
                return;
            }
            count("listings");
            ListingResult appealed = dishonesty.appeal(listingCase, defaulter.id,
                    "the overdue follows a buyer's insolvency, not bad faith; proof of the insolvency filing attached");
            if (appealed instanceof ListingResult.Done) {
                count("appeals");
            } else {
                note("appeal", appealed);
            }
            moveTo(firstDue.plusDays(130), LocalTime.of(10, 0));
            financing.service(today());
            ListingResult decided = dishonesty.decideAppeal(listingCase, false,
                    "insolvency of one buyer does not excuse 90 days without any payment", "credit-reviewer@demo.finbridge.test");
            if (decided instanceof ListingResult.Done) {
                count("appeals decided");
            } else {
                note("appeal decision", decided);
            }
        }

        LocalDate firstDueOfDefaultingLoan() {
            Loan loan = financing.loan(operator, defaultingLoan).orElseThrow();
            return loan.schedule().getFirst().dueDate();
        }

        // --- a trading day --------------------------------------------------------------------------

        void tradingDay(int day) {
            LocalDate date = today();
            // shipments move on first: events of earlier days' parcels
            at(LocalTime.of(8, 30));
            advanceShipments(date);
            // orders come in through the day
            for (Seller seller : sellers) {
                if (seller == defaulter && day > 0) {
                    continue;
                }
                double expected = s.ordersPerSellerPerDay() * seller.weight * (date.getDayOfWeek().getValue() >= 6 ? 1.3 : 1.0);
                int n = poisson(expected);
                for (int k = 0; k < n; k++) {
                    sale(seller, day);
                }
            }
            at(LocalTime.of(15, 0));
            afterSales(date);
            if (day % 7 == 2) {
                fraudRing(day);
            }
            if (day == Math.min(1, s.days() - 1)) {
                amlStory();
            }
            if (day == Math.min(2, s.days() - 1)) {
                supervisionStory();
            }
            if (day == Math.min(3, s.days() - 1) || (day > 0 && day % 30 == 0)) {
                lending(day);
            }
            at(LocalTime.of(17, 0));
            if (day % 7 == 4 || day == s.days() - 1) {
                treasury(day);
            }
            at(LocalTime.of(22, 0));
            repayments(day);
            // the night: monitoring, settlement of the day, servicing
            aml.evaluatePending();
            aml.run();
            if (day == Math.min(4, s.days() - 1)) {
                amlCase();
            }
            SettlementRun run = settlement.run(date, "demo");
            if (run.status() == SettlementRun.Status.COMPLETED) {
                count("settlement runs");
            }
            Financing.ServicingReport serviced = financing.service(date);
            counts.merge("loans defaulted", serviced.defaulted(), Integer::sum);
        }

        void sale(Seller seller, int day) {
            BuyerCountry where = COUNTRIES.get(weightedCountry());
            Actor marketplace = marketplaceActors.get(seller.n % marketplaceActors.size());
            int lines = 1 + random.nextInt(3);
            List<NewOrder.Item> items = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < lines; i++) {
                Product6 p = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
                long qty = 1 + random.nextInt(p.usdCents() < 2_000 ? 6 : 3);
                long unit = price(p.usdCents(), where.currency());
                items.add(new NewOrder.Item(p.hs(), p.description(), qty, unit));
                total += qty * unit;
            }
            String number = "D" + tag + "-" + (++sequence);
            at(clockStep());
            Instant orderedAt = clock.now().truncatedTo(ChronoUnit.SECONDS);
            OrderResult order = orders.submit(new NewOrder(null, number, seller.id.toString(), null, "buyer-" + random.nextInt(100_000),
                    where.currency(), total, orderedAt.toString(), items), marketplace);
            if (!(order instanceof OrderResult.Recorded recorded)) {
                note("order", order);
                return;
            }
            count("orders");
            MethodType method = method(where);
            Optional<Payment> paid = pay(seller, where, method, total, number, day);
            if (paid.isEmpty()) {
                return;
            }
            Payment payment = paid.get();
            if (payment.state() == PaymentState.CAPTURED || payment.state() == PaymentState.AUTHORIZED) {
                // one order in forty is paid a different amount than ordered: trade matching flags it
                long paidAmount = random.nextInt(40) == 0 ? total + total / 10 : total;
                org.finbridge.trade.PaymentResult recordedPayment = orders.recordPayment(recorded.order().id(),
                        new org.finbridge.trade.NewPayment(payment.id().toString(), where.currency(), paidAmount,
                                clock.now().truncatedTo(ChronoUnit.SECONDS).toString()), marketplace);
                if (!(recordedPayment instanceof org.finbridge.trade.PaymentResult.Recorded)) {
                    note("trade payment", recordedPayment);
                }
                if (random.nextInt(25) != 0) { // a few orders never ship: a mismatch the seller has to explain
                    ship(seller, where, number, payment.id(), marketplace);
                }
            }
        }

        LocalTime clockStep() {
            return LocalTime.of(9 + random.nextInt(5), random.nextInt(60));
        }

        Optional<Payment> pay(Seller seller, BuyerCountry where, MethodType method, long amount, String orderNumber, int day) {
            PaymentMethod pm;
            boolean card = method == MethodType.CARD;
            int buyerNumber = random.nextInt(20_000);
            String email = "buyer" + buyerNumber + "@" + where.country().toLowerCase() + ".example";
            CaptureMethod capture = CaptureMethod.AUTOMATIC;
            if (card) {
                int roll = random.nextInt(100);
                // each buyer has a card of its own (a shared handful would trip fraud scoring's velocity rules)
                String number = roll < 3 ? CARD_SOFT_DECLINE : roll < 4 ? CARD_STOLEN : buyerCard(buyerNumber);
                Optional<PaymentMethod> tokenized = buyers.card(number, 1 + random.nextInt(12), today().getYear() + 2 + random.nextInt(3));
                if (tokenized.isEmpty()) {
                    note("card", number);
                    return Optional.empty();
                }
                pm = tokenized.get();
                if (random.nextInt(8) == 0) {
                    capture = CaptureMethod.MANUAL;
                }
            } else {
                pm = new PaymentMethod(method, null, method == MethodType.USDC ? "POLYGON" : null);
            }

            org.finbridge.payments.Buyer buyer = new org.finbridge.payments.Buyer(null, where.country(), email,
                    "203.0." + random.nextInt(256) + "." + random.nextInt(256), "dev-" + email.hashCode(), where.country(), where.country());
            PaymentResult r = payments.create(seller.actor, new org.finbridge.payments.NewPayment(seller.id,
                    Money.ofMinor(amount, where.currency()), orderNumber, buyer, pm, capture, true));
            if (r instanceof PaymentResult.NoConnector && !card) {
                count("fallback to card");
                return pay(seller, where, MethodType.CARD, amount, orderNumber, day);
            }
            Payment payment = payment(r, "payment");
            if (payment == null) {
                return Optional.empty();
            }
            count("payments");
            count("payments by " + method.name());
            finalStates.put(payment.id(), payment.state());
            if (payment.state() == PaymentState.REQUIRES_ACTION) {
                if (card) {
                    payment = payment(payments.completeThreeDSecure(seller.actor, payment.id(), random.nextInt(20) != 0), "3-D Secure");
                } else {
                    // one buyer in twelve walks away from the QR code, the redirect or the transfer
                    payment = payment(buyers.pay(seller.actor, payment.id(), random.nextInt(12) != 0), "buyer");
                }
                if (payment == null) {
                    return Optional.empty();
                }
            }
            if (payment.state() == PaymentState.AUTHORIZED) {
                authorizedForLater.add(payment.id());
            }
            if (payment.state() == PaymentState.CAPTURED || payment.state() == PaymentState.AUTHORIZED) {
                sales.add(new Sale(payment.id(), seller, today(), amount, card));
            }
            return Optional.of(payment);
        }

        Payment payment(PaymentResult r, String what) {
            return switch (r) {
                case PaymentResult.Done d -> d.payment();
                case PaymentResult.Declined d -> {
                    count("declines");
                    yield d.payment();
                }
                case PaymentResult.Blocked b -> {
                    count("blocked by risk");
                    yield b.payment();
                }
                case PaymentResult.InProgress p -> p.payment();
                case PaymentResult.AuthorizationExpired e -> e.payment();
                default -> {
                    note(what, r);
                    yield null;
                }
            };
        }

        void ship(Seller seller, BuyerCountry where, String orderNumber, PaymentId payment, Actor marketplace) {
            Actor logistics = logisticsActors.get(random.nextInt(logisticsActors.size()));
            String carrier = logistics == logisticsActors.getFirst() ? "SF" : "YUNEXPRESS";
            String waybill = (carrier.equals("SF") ? "SF" : "YT") + tag + String.format("%08d", ++sequence);
            ShipmentResult r = shipments.submit(new NewShipment(null, carrier, waybill, marketplace.partyId().toString(), orderNumber),
                    logistics);
            if (!(r instanceof ShipmentResult.Recorded recorded)) {
                note("shipment", r);
                return;
            }
            count("shipments");
            transits.add(new Transit(recorded.shipment().id(), carrier, waybill, seller, where.country(), where.city(), payment, today(),
                    4 + random.nextInt(7), random.nextInt(60) == 0));
        }

        void advanceShipments(LocalDate date) {
            Actor logistics;
            for (Transit t : new ArrayList<>(transits)) {
                logistics = logisticsActors.get(t.carrier().equals("SF") ? 0 : 1 % logisticsActors.size());
                long age = ChronoUnit.DAYS.between(t.shipped(), date);
                String type = null;
                String country = "CN";
                String place = CITIES[t.seller().n % CITIES.length];
                if (age == 1) {
                    type = "PICKED_UP";
                } else if (age == 2) {
                    type = "EXPORT_CLEARED";
                    place = "Shenzhen Bao'an";
                } else if (age == 3) {
                    type = "IN_TRANSIT";
                    country = t.country();
                    place = t.city();
                } else if (age == t.transitDays() - 1) {
                    type = "IMPORT_CLEARED";
                    country = t.country();
                    place = t.city();
                } else if (age >= t.transitDays()) {
                    type = t.returned() ? "RETURNED" : "DELIVERED";
                    country = t.returned() ? "CN" : t.country();
                    place = t.returned() ? place : t.city();
                    transits.remove(t);
                }
                if (type == null) {
                    continue;
                }
                Instant at = date.atTime(7, 0).atZone(ZONE).toInstant();
                var r = shipments.addEvent(t.shipment(), new NewLogisticsEvent(t.carrier(), t.waybill(), type, at.toString(), country, place),
                        logistics);
                if (r instanceof org.finbridge.trade.EventResult.Recorded) {
                    count("logistics events");
                    if (type.equals("DELIVERED")) {
                        count("deliveries");
                        settlement.confirmDelivery(operator, t.payment());
                    }
                } else {
                    note("logistics event", r);
                }
            }
        }

        /** Captures and voids of card authorizations, refunds and disputes of earlier sales. */
        void afterSales(LocalDate date) {
            for (PaymentId id : new ArrayList<>(authorizedForLater)) {
                Payment p = payments.find(operator, id).orElse(null);
                authorizedForLater.remove(id);
                if (p == null || p.state() != PaymentState.AUTHORIZED) {
                    continue;
                }
                int roll = random.nextInt(10);
                if (roll == 0) {
                    payment(payments.voidAuthorization(operator, id), "void");
                    count("voids");
                } else if (roll == 1) {
                    payment(payments.capture(operator, id, null, false), "capture");
                    count("partial captures");
                } else {
                    payment(payments.capture(operator, id, null, true), "capture");
                    count("captures");
                }
            }
            for (Sale sale : sales) {
                long age = ChronoUnit.DAYS.between(sale.day(), date);
                if (age == 3 && random.nextInt(25) == 0) {
                    boolean partial = random.nextBoolean();
                    Payment p = payment(payments.refund(sale.seller().actor, sale.payment(), partial ? sale.amount() / 3 : null,
                            partial ? "one item returned" : "buyer cancelled"), "refund");
                    if (p != null) {
                        count("refunds");
                    }
                } else if (age == 6 && sale.card() && random.nextInt(70) == 0) {
                    Payment p = payment(payments.openDispute(operator, sale.payment(), null,
                            random.nextBoolean() ? "fraudulent" : "product_not_received"), "dispute");
                    if (p != null) {
                        count("disputes");
                        disputes.add(sale);
                    }
                }
            }
            for (Sale sale : new ArrayList<>(disputes)) {
                long age = ChronoUnit.DAYS.between(sale.day(), date);
                if (age == 9) {
                    payment(payments.submitDisputeEvidence(sale.seller().actor, sale.payment(),
                            "waybill and delivery scan attached"), "evidence");
                } else if (age == 20) {
                    boolean won = disputes.indexOf(sale) % 2 == 0;
                    if (payment(payments.closeDispute(operator, sale.payment(), won), "dispute decision") != null) {
                        count(won ? "disputes won" : "chargebacks");
                    }
                    disputes.remove(sale);
                }
            }
            sales.removeIf(sale -> ChronoUnit.DAYS.between(sale.day(), date) > 7);
        }

        final List<Sale> disputes = new ArrayList<>();

        /** A card-testing ring: many small payments on one device with cards from elsewhere, and a known fraud card. */
        void fraudRing(int day) {
            Seller victim = sellers.get(1 + day % (sellers.size() - 1));
            String device = "ring-device-" + day;
            for (int i = 0; i < 6; i++) {
                String number = i == 5 ? CARD_FRAUD : CARDS_OK[i % CARDS_OK.length];
                Optional<PaymentMethod> card = buyers.card(number, 1 + i, today().getYear() + 2);
                if (card.isEmpty()) {
                    continue;
                }
                org.finbridge.payments.Buyer buyer = new org.finbridge.payments.Buyer(null, "US", "x" + day + i + "@mailinator.example",
                        "185.220.101." + (i + 1), device, "NG", "RU");
                at(LocalTime.of(14, 0).plusSeconds(i * 20L));
                PaymentResult r = payments.create(victim.actor, new org.finbridge.payments.NewPayment(victim.id, Money.ofMinor(199 + i, "USD"),
                        "R" + tag + "-" + (++sequence), buyer, card.get(), CaptureMethod.AUTOMATIC, true));
                Payment p = payment(r, "fraud attempt");
                if (p != null) {
                    count("payments");
                    count("fraud attempts");
                    finalStates.put(p.id(), p.state());
                }
            }
        }

        /** Flows the AML rules exist for: a large wholesale transfer, and a buyer in a jurisdiction under increased monitoring. */
        void amlStory() {
            Seller seller = sellers.get(Math.min(2, sellers.size() - 1));
            BuyerCountry us = COUNTRIES.getFirst();
            at(LocalTime.of(11, 0));
            pay(seller, us, MethodType.BANK_TRANSFER, 230_000_00L, "W" + tag + "-wholesale", 0)
                    .ifPresent(p -> count("large transfers"));
            BuyerCountry kenya = new BuyerCountry("KE", "USD", List.of(MethodType.CARD), "Nairobi");
            for (int i = 0; i < 2; i++) {
                pay(seller, kenya, MethodType.CARD, 2_400_00L + i * 100_00L, "K" + tag + "-" + i, 0)
                        .ifPresent(p -> count("high-risk country payments"));
            }
        }

        /** The AML analyst takes up the seller with alerts, proposes a suspicious-transaction report, a second person approves. */
        void amlCase() {
            Seller seller = sellers.get(Math.min(2, sellers.size() - 1));
            CaseResult opened = amlCases.open(analyst, seller.id.toString(), "large transfer and payments from a monitored jurisdiction");
            if (!(opened instanceof CaseResult.Done done)) {
                note("aml case", opened);
                return;
            }
            count("aml cases");
            var id = done.amlCase().id();
            amlCases.assign(analyst, id, analyst.name());
            amlCases.addNote(analyst, id, "wholesale buyer verified by invoice; Kenyan card payments from one device");
            CaseResult proposed = amlCases.propose(analyst, id, AmlCase.Proposal.FILE_STR, "pattern not explained by the seller's trade");
            if (proposed instanceof CaseResult.Done) {
                CaseResult decided = amlCases.decide(approver, id, true, "agreed");
                if (!(decided instanceof CaseResult.Done)) {
                    note("aml approval", decided);
                }
            } else {
                note("aml proposal", proposed);
            }
        }

        /** The regulator files a violation against a seller, investigates and fines it; the seller remediates. */
        void supervisionStory() {
            Seller subject = sellers.get(Math.min(1, sellers.size() - 1));
            Violation filed = violations.file(regulator, subject.id, "CN_FX_AUTHENTICITY",
                    "collections without matching logistics records for 4 % of orders");
            count("violations");
            violations.investigate(filed.id(), regulator);
            violations.decide(filed.id(), regulator, new ViolationDecision(ViolationDecision.Kind.FINE, Money.ofMajor("20000", "CNY"),
                    "match every collection with a waybill", null));
            violations.remediate(filed.id(), regulator, "seller now submits waybills with every order");
            Seller other = sellers.get(Math.min(4, sellers.size() - 1));
            violations.file(regulator, other.id, "CN_FX_AUTHENTICITY", "refund rate three times the market's");
            count("violations");
        }

        /** Sellers with trade borrow; one application waits for the lender's decision. */
        void lending(int day) {
            for (Seller seller : sellers) {
                if (seller == defaulter || seller.n % 3 != day % 3 && day > 3) {
                    continue;
                }
                if (seller.n == 0 || seller.n % 3 == 2) {
                    boolean guaranteed = seller.n % 2 == 0;
                    borrow(seller, guaranteed ? guaranteedProgramme : termProgramme, (50_000 + 10_000L * seller.n) * 100,
                            "demo-loan-" + seller.n + "-" + day, seller.n != 5);
                }
            }
        }

        /** Sellers pay off instalments early now and then, and repay what is left of loans near their end. */
        void repayments(int day) {
            if (day % 10 != 9) {
                return;
            }
            for (LoanId id : new ArrayList<>(activeLoans)) {
                Loan loan = financing.loan(operator, id).orElse(null);
                if (loan == null || loan.state() != LoanState.ACTIVE) {
                    activeLoans.remove(id);
                    continue;
                }
                Seller seller = sellers.stream().filter(x -> x.id.equals(loan.merchantId())).findFirst().orElse(null);
                long owed = loan.outstanding().total();
                long available = seller == null ? 0 : balance(seller.id, loan.currency());
                long amount = Math.min(available, Math.max(1, owed / 4));
                if (seller != null && amount > 100_00) {
                    if (ok("repayment", financing.repay(seller.actor, id, amount, "demo-repay-" + id + "-" + day)).isPresent()) {
                        count("repayments");
                    }
                }
            }
        }

        /** Sellers convert foreign-currency balances to CNY with a quote and pay out, in CNY and in EUR. */
        void treasury(int day) {
            for (Seller seller : sellers) {
                if (seller == defaulter) {
                    continue;
                }
                for (String currency : List.of("USD", "EUR", "GBP")) {
                    long available = balance(seller.id, currency);
                    if (available < 50_00) {
                        continue;
                    }
                    long sell = currency.equals("EUR") ? available / 2 : available * 7 / 10;
                    QuoteResult quoted = fx.quote(QuoteRequest.selling(seller.id, CurrencyCode.of(currency), CurrencyCode.of("CNY"), sell),
                            seller.actor.name());
                    if (!(quoted instanceof QuoteResult.Quoted q)) {
                        note("fx quote", quoted);
                        continue;
                    }
                    count("fx quotes");
                    // one quote in six is left to expire, as people do
                    if (random.nextInt(6) == 0) {
                        continue;
                    }
                    ExecutionResult executed = fx.executeBetweenOwnBalances(q.quote().id(), seller.actor.name());
                    if (executed instanceof ExecutionResult.Executed) {
                        count("fx conversions");
                    } else {
                        note("fx conversion", executed);
                    }
                }
                long cny = balance(seller.id, "CNY");
                if (seller.cnyAccount != null && cny > 1_000_00 && !hasActiveLoan(seller)) {
                    payout(seller, "CNY", seller.cnyAccount, cny * 8 / 10, "demo-payout-cny-" + seller.n + "-" + day);
                }
                long eur = balance(seller.id, "EUR");
                if (seller.eurAccount != null && eur > 200_00) {
                    payout(seller, "EUR", seller.eurAccount, eur / 2, "demo-payout-eur-" + seller.n + "-" + day);
                }
            }
            // the operator sends the day's EUR payouts to the bank (pain.001)
            payouts.writeBatch(operator, "EUR").ifPresent(f -> count("payout batches"));
        }

        boolean hasActiveLoan(Seller seller) {
            return activeLoans.stream().anyMatch(id -> financing.loan(operator, id)
                    .map(l -> l.merchantId().equals(seller.id) && l.state() == LoanState.ACTIVE).orElse(false));
        }

        void payout(Seller seller, String currency, String account, long amount, String reference) {
            PayoutResult r = payouts.create(seller.actor, new NewPayout(seller.id, amount, currency, account, null, reference));
            if (r instanceof PayoutResult.InsufficientFunds f && f.availableMinorUnits() > 0 && f.availableMinorUnits() < amount) {
                // the fee comes out of the same balance: pay out what is left after it
                r = payouts.create(seller.actor, new NewPayout(seller.id, f.availableMinorUnits() * 98 / 100, currency, account, null,
                        reference));
            }
            if (r instanceof PayoutResult.Done) {
                count("payouts");
            } else {
                note("payout", r);
            }
        }

        long balance(PartyId party, String currency) {
            return ledger.account(AccountId.derived("party:" + party + ":MERCHANT_AVAILABLE:" + currency))
                    .map(a -> a.availableCreditBalance().minorUnits())
                    .orElse(0L);
        }

        // --- reference rates ------------------------------------------------------------------------

        /**
         * Quotes need a fixing at most a week old. The shipped ECB history ends in spring 2026; for later
         * simulated days a fixing is derived from the latest one, moved by a small random walk, and imported
         * through the fx module's provider interface under the source {@code DEMO}.
         */
        void publishFixing() {
            LocalDate date = clock.now().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            if (date.getDayOfWeek().getValue() >= 6) {
                return;
            }
            Map<CurrencyCode, BigDecimal> units = new HashMap<>();
            boolean current = true;
            for (Map.Entry<String, String> e : FALLBACK_RATES.entrySet()) {
                ReferenceRateResult r = fx.referenceRate(CurrencyCode.of("EUR"), CurrencyCode.of(e.getKey()), date);
                BigDecimal latest = new BigDecimal(e.getValue());
                if (r instanceof ReferenceRateResult.Found found) {
                    latest = found.rate().rate();
                    current &= !found.rate().fixingDate().isBefore(date);
                } else {
                    current = false;
                }
                double walk = 1 + random.nextGaussian() * 0.003;
                units.put(CurrencyCode.of(e.getKey()), latest.multiply(BigDecimal.valueOf(walk), new MathContext(8, RoundingMode.HALF_EVEN)));
            }
            if (current) {
                return;
            }
            EuroFixing fixing = new EuroFixing(date, "DEMO", units);
            rates.importFrom(new RateProvider() {
                @Override
                public String source() {
                    return "DEMO";
                }

                @Override
                public List<EuroFixing> fixingsAfter(LocalDate after) {
                    return after == null || after.isBefore(date) ? List.of(fixing) : List.of();
                }
            });
        }

        // --- helpers --------------------------------------------------------------------------------

        int poisson(double mean) {
            double l = Math.exp(-mean);
            double p = 1;
            int k = 0;
            do {
                k++;
                p *= random.nextDouble();
            } while (p > l && k < 100);
            return k - 1;
        }

        int weightedCountry() {
            // the US, Britain and the euro area buy most; every other country some
            int roll = random.nextInt(100);
            if (roll < 25) {
                return 0;
            }
            if (roll < 37) {
                return 1;
            }
            if (roll < 57) {
                return 2 + random.nextInt(4);
            }
            return 6 + random.nextInt(COUNTRIES.size() - 6);
        }

        MethodType method(BuyerCountry where) {
            List<MethodType> methods = where.methods();
            return random.nextInt(100) < 65 ? methods.getFirst() : methods.get(random.nextInt(methods.size()));
        }

        long price(long usdCents, String currency) {
            BigDecimal perUsd = switch (currency) {
                case "USD" -> BigDecimal.ONE;
                case "EUR" -> new BigDecimal("0.92");
                case "GBP" -> new BigDecimal("0.79");
                case "BRL" -> new BigDecimal("5.0");
                case "INR" -> new BigDecimal("0.935"); // rupees have paise, the catalogue rounds to whole rupees below
                case "JPY" -> new BigDecimal("0.0155");
                case "AUD" -> new BigDecimal("1.52");
                case "CAD" -> new BigDecimal("1.37");
                case "KRW" -> new BigDecimal("0.0139");
                case "SGD" -> new BigDecimal("1.34");
                case "MXN" -> new BigDecimal("17.9");
                case "CNY" -> new BigDecimal("7.2");
                default -> BigDecimal.ONE;
            };
            if (currency.equals("INR")) {
                return BigDecimal.valueOf(usdCents).multiply(new BigDecimal("83")).setScale(-2, RoundingMode.HALF_UP).longValue();
            }
            // JPY and KRW have no minor units: a price in cents times the rate per unit gives whole yen / won
            return BigDecimal.valueOf(usdCents).multiply(currency.equals("JPY") || currency.equals("KRW")
                    ? BigDecimal.ONE.divide(perUsd, MathContext.DECIMAL64).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64)
                    : perUsd).setScale(0, RoundingMode.HALF_UP).longValue();
        }

        /** A Visa or Mastercard number of the buyer's own, with its Luhn check digit (approved by the simulated acquirer). */
        String buyerCard(int buyer) {
            String body = (buyer % 2 == 0 ? "424242" : "555555") + String.format("%09d", buyer * 7_919L % 1_000_000_000L);
            int sum = 0;
            for (int i = 0; i < body.length(); i++) {
                int d = body.charAt(body.length() - 1 - i) - '0';
                if (i % 2 == 0) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            return body + (10 - sum % 10) % 10;
        }

        String digits(int n) {
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append(random.nextInt(10));
            }
            return b.toString();
        }

        static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

        /** A unified social credit code of a Shenzhen company with its check character (GB 32100-2015). */
        String uscc() {
            StringBuilder b = new StringBuilder("91440300");
            for (int i = 0; i < 9; i++) {
                b.append(USCC_CHARS.charAt(random.nextInt(USCC_CHARS.length())));
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += USCC_CHARS.indexOf(b.charAt(i)) * USCC_WEIGHTS[i];
            }
            return b.append(USCC_CHARS.charAt((31 - sum % 31) % 31)).toString();
        }

        /** A resident identity number of a Shenzhen resident born on the date, with its ISO 7064 check digit (GB 11643). */
        String residentId(LocalDate born) {
            String body = "440304" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (body.charAt(i) - '0') * w[i];
            }
            return body + "10X98765432".charAt(sum % 11);
        }

        /** A German IBAN (bank code of Commerzbank Berlin) with its ISO 13616 check digits. */
        String germanIban() {
            String bban = "10040000" + digits(10);
            String rearranged = bban + "131400"; // D=13 E=14, then 00
            int check = 98 - new java.math.BigInteger(rearranged).mod(java.math.BigInteger.valueOf(97)).intValue();
            return "DE" + String.format("%02d", check) + bban;
        }
    }
}
