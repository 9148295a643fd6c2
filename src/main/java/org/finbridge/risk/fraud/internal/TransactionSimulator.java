package org.finbridge.risk.fraud.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded simulator of card and wallet payments at cross-border merchants, with the fraud patterns
 * fraud scoring must recognise, so that models are trained and evaluated reproducibly (the same seed
 * gives the same transactions, bit for bit).
 *
 * <p>Legitimate buyers have a home country, one or two cards issued there, one or two devices, a home
 * IP address, favourite merchants and a spending habit; some travel, send gifts abroad, change phones,
 * ask for refunds or dispute for reasons other than fraud. The fraud, labelled per attempt:
 * <ul>
 *   <li><b>stolen card</b>: a victim's card used from a new device, IP address and e-mail, often from
 *       abroad, shipped to a reshipper, for large amounts, a few times in a row;</li>
 *   <li><b>card testing</b>: a bot tries dozens of fresh card numbers for about USD 1 at one merchant
 *       within minutes, most declined;</li>
 *   <li><b>account takeover</b>: a buyer's own e-mail and card from a new device and IP, shipping
 *       changed, well above the buyer's habit;</li>
 *   <li><b>triangulation</b>: a fake storefront buys real customers' orders with stolen cards from its
 *       own few devices and one IP address, shipped to the real customers;</li>
 *   <li><b>friendly fraud</b>: a buyer's own ordinary purchase, disputed later as unauthorised (serial
 *       offenders have asked for refunds before) — barely visible at authorization, as in life;</li>
 *   <li><b>transfer then cash-out</b> (PaySim): a taken-over wallet is emptied to a mule account opened
 *       that day, which cashes the whole amount out minutes later (amounts from {@link PaySimAmounts}).</li>
 * </ul>
 */
public final class TransactionSimulator {

    /** The simulation's size. */
    public record Settings(long seed, int days, int buyers, int merchants, long startMillis) {
        public static Settings standard(long seed) {
            return new Settings(seed, 30, 20_000, 400, 1_767_225_600_000L); // from 2026-01-01T00:00Z
        }
    }

    /** One simulated attempt with its truth. */
    public record Simulated(Transaction transaction, boolean fraud, String pattern, boolean declined,
                            long refundedAtMillis, long chargedBackAtMillis) {
    }

    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "CN", "JP", "BR", "IN", "CA", "AU", "NL", "ES",
            "IT", "MX", "KR", "SG", "PL", "SE", "TR", "ID"};
    private static final String[] FRAUD_COUNTRIES = {"NG", "RU", "UA", "VN", "ID", "RO", "BR", "PH"};
    private static final String[] RESHIP_COUNTRIES = {"US", "GB", "DE", "NL"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CNY", "JPY"};
    /** Simulation units per USD for each currency above: only to give amounts plausible sizes. */
    private static final double[] PER_USD = {1, 0.9, 0.8, 7.2, 150};

    private final Settings settings;
    private final SplittableRandom random;
    private final PaySimAmounts paysim;
    private final List<Simulated> out = new ArrayList<>();
    private final Merchant[] merchants;
    private final Buyer[] buyers;
    private int sequence;
    private int freshIds;

    /**
     * @param signals which checkout signals the merchant's integration sends: bit 0 device, 1 IP address
     *                (with its country), 2 e-mail, 3 shipping country (many integrations send only some)
     */
    private record Merchant(String id, String country, int currency, double mu, double sigma, long firstMillis, int signals) {
    }

    private static final class Buyer {
        String id;
        String email;
        String country;
        String[] cards;
        String[] bins;
        String[] devices;
        String ip;
        long createdMillis;
        int[] favourites;
        double habit;
        boolean serialDisputer;
        String wallet;
        double walletBalance;
    }

    public TransactionSimulator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.paysim = PaySimAmounts.load();
        this.merchants = new Merchant[settings.merchants()];
        this.buyers = new Buyer[settings.buyers()];
    }

    /** Generates the whole period, in time order. */
    public List<Simulated> run() {
        for (int i = 0; i < merchants.length; i++) {
            int ccy = random.nextInt(CURRENCIES.length);
            double usdMean = Math.exp(3.0 + random.nextDouble() * 2.2); // typical basket USD 20..180
            // a sixth of the merchants join during the period: a new merchant is not in itself suspicious
            long joined = random.nextDouble() < 1 / 6.0
                    ? settings.startMillis() + (long) (random.nextDouble() * settings.days() * FeatureCache.DAY)
                    : settings.startMillis() - 400L * FeatureCache.DAY;
            int signals = (random.nextDouble() < 0.8 ? 1 : 0) | (random.nextDouble() < 0.85 ? 2 : 0)
                    | (random.nextDouble() < 0.9 ? 4 : 0) | (random.nextDouble() < 0.85 ? 8 : 0);
            merchants[i] = new Merchant("M" + i, COUNTRIES[random.nextInt(COUNTRIES.length)], ccy,
                    Math.log(usdMean * PER_USD[ccy]), 0.5 + random.nextDouble() * 0.5, joined, signals);
        }
        for (int i = 0; i < buyers.length; i++) {
            buyers[i] = buyer(i);
        }
        for (Buyer b : buyers) {
            legitimatePurchases(b);
            if (b.serialDisputer) {
                disputeHistory(b);
            }
        }
        // guests: one or two purchases with a card, e-mail and device the platform has never seen — a
        // cross-border checkout sees many, so a new card is not in itself suspicious
        repeat((int) (buyers.length * 0.6 * settings.days() / 30.0), this::guestPurchase);
        repeat((int) (600 * ratio()), this::stolenCard);
        repeat((int) Math.max(1, 25 * ratio()), this::cardTesting);
        repeat((int) (300 * ratio()), this::accountTakeover);
        repeat((int) Math.max(1, 6 * ratio()), this::triangulation);
        repeat((int) (200 * ratio()), this::transferThenCashOut);
        out.sort(Comparator.comparingLong((Simulated s) -> s.transaction().atMillis())
                .thenComparing(s -> s.transaction().reference()));
        return List.copyOf(out);
    }

    private double ratio() {
        return buyers.length / 20_000.0 * settings.days() / 30.0;
    }

    private void repeat(int n, Runnable r) {
        for (int i = 0; i < n; i++) {
            r.run();
        }
    }

    private Buyer buyer(int i) {
        Buyer b = new Buyer();
        b.id = "B" + i;
        b.email = "b" + i + "@mail.test";
        b.country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        int cards = random.nextDouble() < 0.3 ? 2 : 1;
        b.cards = new String[cards];
        b.bins = new String[cards];
        for (int k = 0; k < cards; k++) {
            b.cards[k] = "C" + i + "_" + k;
            b.bins[k] = bin(b.country);
        }
        b.devices = new String[random.nextDouble() < 0.4 ? 2 : 1];
        for (int k = 0; k < b.devices.length; k++) {
            b.devices[k] = "D" + i + "_" + k;
        }
        // a tenth share an address with others (households, offices, carrier NAT)
        b.ip = random.nextDouble() < 0.1 ? "ipnat" + random.nextInt(buyers.length / 20 + 1) : "ip" + i;
        // most accounts are years old; a tenth open during the period
        b.createdMillis = random.nextDouble() < 0.1
                ? settings.startMillis() + (long) (random.nextDouble() * settings.days() * FeatureCache.DAY)
                : settings.startMillis() - (long) (Math.exp(random.nextDouble() * Math.log(5 * 365)) * FeatureCache.DAY);
        b.favourites = new int[3 + random.nextInt(3)];
        for (int k = 0; k < b.favourites.length; k++) {
            b.favourites[k] = zipf(merchants.length);
        }
        b.habit = Math.exp(random.nextGaussian() * 0.3);
        b.serialDisputer = random.nextDouble() < 0.01;
        if (random.nextDouble() < 0.2) {
            b.wallet = "W" + i;
            b.walletBalance = pick(paysim.balances);
        }
        return b;
    }

    /** BINs per issuing country: a few per country, so that BIN attacks and BIN countries both exist. */
    private String bin(String country) {
        int c = java.util.Arrays.asList(COUNTRIES).indexOf(country);
        if (c < 0) {
            c = 20 + java.util.Arrays.asList(FRAUD_COUNTRIES).indexOf(country);
        }
        return String.format("4%02d%03d", c, random.nextInt(8));
    }

    static String binCountry(String bin) {
        int c = Integer.parseInt(bin.substring(1, 3));
        return c < COUNTRIES.length ? COUNTRIES[c] : FRAUD_COUNTRIES[c - 20];
    }

    private void legitimatePurchases(Buyer b) {
        long from = Math.max(settings.startMillis(), b.createdMillis);
        long to = settings.startMillis() + settings.days() * FeatureCache.DAY;
        if (from >= to) {
            return;
        }
        double perDay = 0.1 + random.nextDouble() * 0.4; // 3 to 15 purchases a month
        int n = poisson(perDay * (to - from) / FeatureCache.DAY);
        for (int k = 0; k < n; k++) {
            long at = from + (long) (random.nextDouble() * (to - from));
            Merchant m = merchants[random.nextDouble() < 0.8 ? b.favourites[random.nextInt(b.favourites.length)] : zipf(merchants.length)];
            while (m.firstMillis() > at) { // not open yet: somewhere else
                m = merchants[zipf(merchants.length)];
            }
            double amount = amount(m, b.habit);
            int card = random.nextDouble() < 0.85 ? 0 : random.nextInt(b.cards.length);
            double r = random.nextDouble();
            String device = r < 0.9 ? b.devices[0] : r < 0.97 ? b.devices[random.nextInt(b.devices.length)] : "Dnew" + fresh();
            r = random.nextDouble();
            String ip;
            String ipCountry;
            if (r < 0.85) {
                ip = b.ip;
                ipCountry = b.country;
            } else if (r < 0.97) {
                ip = "ipmob" + random.nextInt(5_000);
                ipCountry = b.country;
            } else { // travelling
                ip = "iptravel" + fresh();
                ipCountry = COUNTRIES[random.nextInt(COUNTRIES.length)];
            }
            r = random.nextDouble();
            String shipping = r < 0.93 ? b.country : r < 0.98 ? COUNTRIES[random.nextInt(COUNTRIES.length)] : null;
            String email = random.nextDouble() < 0.95 ? b.email : null;
            boolean wallet = b.wallet != null && random.nextDouble() < 0.3;
            if (wallet) {
                amount = Math.min(pick(paysim.payments), Math.max(1, b.walletBalance * 0.5));
            }
            long refund = -1;
            long chargeback = -1;
            boolean fraud = false;
            String pattern = "legitimate";
            if (b.serialDisputer && random.nextDouble() < 0.3) {
                fraud = true;
                pattern = "friendly_fraud";
                chargeback = at + (long) ((20 + random.nextDouble() * 40) * FeatureCache.DAY);
            } else if (random.nextDouble() < (b.serialDisputer ? 0.3 : 0.04)) {
                refund = at + (long) ((1 + random.nextDouble() * 20) * FeatureCache.DAY);
            } else if (random.nextDouble() < 0.002) {
                chargeback = at + (long) ((20 + random.nextDouble() * 40) * FeatureCache.DAY); // goods not received
            } else if (random.nextDouble() < 0.0005) { // a friendly fraud by an ordinary buyer
                fraud = true;
                pattern = "friendly_fraud";
                chargeback = at + (long) ((20 + random.nextDouble() * 40) * FeatureCache.DAY);
            }
            emit(at, m, wallet ? b.wallet : b.cards[card], wallet ? null : b.bins[card], email, ip, ipCountry, device, shipping,
                    b.id, b.createdMillis, amount, fraud, pattern, random.nextDouble() < 0.01, refund, chargeback);
            if (random.nextDouble() < 0.1) { // back within the hour for something forgotten, same checkout
                Merchant again = random.nextDouble() < 0.5 ? m : merchants[b.favourites[random.nextInt(b.favourites.length)]];
                while (again.firstMillis() > at) {
                    again = merchants[zipf(merchants.length)];
                }
                emit(at + (long) ((1 + random.nextDouble() * 59) * FeatureCache.MINUTE), again,
                        wallet ? b.wallet : b.cards[card], wallet ? null : b.bins[card], email, ip, ipCountry, device, shipping,
                        b.id, b.createdMillis, amount(again, b.habit), false, "legitimate", random.nextDouble() < 0.01, -1, -1);
            }
        }
    }

    /**
     * A serial disputer's past: purchases in the 90 days before the period, often refunded, some disputed,
     * which the cache sees as history (the training and test days start later).
     */
    private void disputeHistory(Buyer b) {
        int n = 3 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
            long at = settings.startMillis() - (long) ((1 + random.nextDouble() * 89) * FeatureCache.DAY);
            if (at < b.createdMillis) {
                continue;
            }
            Merchant m = merchants[b.favourites[random.nextInt(b.favourites.length)]];
            boolean disputed = random.nextDouble() < 0.4;
            emit(at, m, b.cards[0], b.bins[0], b.email, b.ip, b.country, b.devices[0], b.country, b.id, b.createdMillis,
                    amount(m, b.habit), disputed, disputed ? "friendly_fraud" : "legitimate", false,
                    disputed ? -1 : at + (long) ((1 + random.nextDouble() * 10) * FeatureCache.DAY),
                    disputed ? at + (long) ((20 + random.nextDouble() * 40) * FeatureCache.DAY) : -1);
        }
    }

    private void guestPurchase() {
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        int id = fresh();
        String card = "G" + id;
        String bin = bin(country);
        long at = randomTime();
        int n = random.nextDouble() < 0.8 ? 1 : 2;
        for (int k = 0; k < n; k++) {
            Merchant m = merchants[zipf(merchants.length)];
            while (m.firstMillis() > at) {
                m = merchants[zipf(merchants.length)];
            }
            double r = random.nextDouble();
            String ipCountry = r < 0.95 ? country : COUNTRIES[random.nextInt(COUNTRIES.length)];
            String shipping = random.nextDouble() < 0.93 ? country : COUNTRIES[random.nextInt(COUNTRIES.length)];
            emit(at, m, card, bin, "g" + id + "@mail.test", "ipg" + id, ipCountry, "DG" + id, shipping, null, -1,
                    amount(m, Math.exp(random.nextGaussian() * 0.3)), false, "legitimate", random.nextDouble() < 0.02,
                    random.nextDouble() < 0.04 ? at + (long) ((1 + random.nextDouble() * 20) * FeatureCache.DAY) : -1, -1);
            at += (long) (random.nextDouble() * 5 * FeatureCache.DAY);
        }
    }

    private void stolenCard() {
        Buyer victim = buyers[random.nextInt(buyers.length)];
        int card = random.nextInt(victim.cards.length);
        long at = randomTime();
        String device = "FD" + fresh();
        boolean proxy = random.nextDouble() < 0.4;
        String ip = proxy ? "ipproxy" + random.nextInt(300) : "ipf" + fresh();
        String ipCountry = proxy ? victim.country : FRAUD_COUNTRIES[random.nextInt(FRAUD_COUNTRIES.length)];
        double r = random.nextDouble();
        String email = r < 0.7 ? "x" + fresh() + "@mail.test" : r < 0.8 ? null : victim.email;
        String shipping = random.nextDouble() < 0.6 ? RESHIP_COUNTRIES[random.nextInt(RESHIP_COUNTRIES.length)] : victim.country;
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
            Merchant m = merchants[zipf(merchants.length)];
            double amount = amount(m, 1) * (2 + random.nextDouble() * 4);
            long chargeback = at + (long) ((20 + random.nextDouble() * 40) * FeatureCache.DAY);
            emit(at, m, victim.cards[card], victim.bins[card], email, ip, ipCountry, device, shipping, null, -1, amount, true,
                    "stolen_card", random.nextDouble() < 0.15, -1, chargeback);
            at += (long) (random.nextDouble() * 40 * FeatureCache.MINUTE);
        }
    }

    private void cardTesting() {
        long at = randomTime();
        Merchant m = merchants[random.nextInt(merchants.length)];
        String device = "FD" + fresh();
        String ip = "ipbot" + fresh();
        String bin = bin(COUNTRIES[random.nextInt(COUNTRIES.length)]);
        boolean rotateIps = random.nextDouble() < 0.3;
        int n = 20 + random.nextInt(60);
        double unit = PER_USD[m.currency()];
        for (int k = 0; k < n; k++) {
            String cardBin = random.nextDouble() < 0.7 ? bin : bin(COUNTRIES[random.nextInt(COUNTRIES.length)]);
            String attemptIp = rotateIps ? "ipbot" + fresh() : ip;
            double amount = Math.round((0.5 + random.nextDouble() * 1.5) * unit * 100) / 100.0;
            emit(at, m, "Ct" + fresh(), cardBin, random.nextDouble() < 0.5 ? null : "t" + fresh() + "@mail.test", attemptIp,
                    FRAUD_COUNTRIES[random.nextInt(FRAUD_COUNTRIES.length)], device, null, null, -1, amount, true,
                    "card_testing", random.nextDouble() < 0.85, -1, -1);
            at += (long) (random.nextDouble() * 40_000);
        }
    }

    private void accountTakeover() {
        Buyer victim = buyers[random.nextInt(buyers.length)];
        long at = Math.max(randomTime(), victim.createdMillis + 5 * FeatureCache.DAY);
        String device = "FD" + fresh();
        boolean foreign = random.nextDouble() < 0.5;
        String ip = "ipf" + fresh();
        String ipCountry = foreign ? FRAUD_COUNTRIES[random.nextInt(FRAUD_COUNTRIES.length)] : victim.country;
        String shipping = random.nextDouble() < 0.6 ? RESHIP_COUNTRIES[random.nextInt(RESHIP_COUNTRIES.length)] : victim.country;
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            Merchant m = merchants[victim.favourites[random.nextInt(victim.favourites.length)]];
            double amount = amount(m, victim.habit) * (3 + random.nextDouble() * 5);
            int card = random.nextInt(victim.cards.length);
            emit(at, m, victim.cards[card], victim.bins[card], victim.email, ip, ipCountry, device, shipping, victim.id,
                    victim.createdMillis, amount, true, "account_takeover", random.nextDouble() < 0.05, -1,
                    at + (long) ((10 + random.nextDouble() * 30) * FeatureCache.DAY));
            at += (long) (random.nextDouble() * 3 * FeatureCache.HOUR);
        }
    }

    private void triangulation() {
        long at = randomTime();
        String ip = "ipstore" + fresh();
        String ipCountry = FRAUD_COUNTRIES[random.nextInt(FRAUD_COUNTRIES.length)];
        String[] devices = {"FD" + fresh(), "FD" + fresh(), "FD" + fresh()};
        int n = 60 + random.nextInt(80);
        for (int k = 0; k < n; k++) {
            Buyer victim = buyers[random.nextInt(buyers.length)];
            int card = random.nextInt(victim.cards.length);
            Merchant m = merchants[zipf(merchants.length)];
            String customerCountry = COUNTRIES[random.nextInt(COUNTRIES.length)];
            emit(at, m, victim.cards[card], victim.bins[card], "c" + fresh() + "@mail.test", ip, ipCountry,
                    devices[random.nextInt(devices.length)], customerCountry, null, -1, amount(m, 1), true, "triangulation",
                    random.nextDouble() < 0.1, -1, at + (long) ((20 + random.nextDouble() * 40) * FeatureCache.DAY));
            at += (long) (random.nextDouble() * 4 * FeatureCache.HOUR);
        }
    }

    private void transferThenCashOut() {
        Buyer victim = buyers[random.nextInt(buyers.length)];
        if (victim.wallet == null) {
            victim.wallet = "W" + victim.id.substring(1);
            victim.walletBalance = pick(paysim.balances);
        }
        long at = Math.max(randomTime(), victim.createdMillis + FeatureCache.DAY);
        double amount = Math.max(pick(paysim.fraudTransfers), victim.walletBalance);
        String mule = "MULE" + fresh();
        Merchant muleAccount = new Merchant(mule, FRAUD_COUNTRIES[random.nextInt(FRAUD_COUNTRIES.length)], 0, 0, 0, at, 15);
        String device = "FD" + fresh();
        String ip = "ipf" + fresh();
        String ipCountry = FRAUD_COUNTRIES[random.nextInt(FRAUD_COUNTRIES.length)];
        emit(at, muleAccount, victim.wallet, null, victim.email, ip, ipCountry, device, null, victim.id, victim.createdMillis,
                amount, true, "transfer_then_cash_out", false, -1, -1);
        long cashOut = at + (long) ((1 + random.nextDouble() * 30) * FeatureCache.MINUTE);
        Merchant agent = new Merchant("CASHAGENT" + random.nextInt(20), muleAccount.country(), 0, 0, 0, at, 15);
        emit(cashOut, agent, "W" + mule, null, null, ip, ipCountry, device, null, mule, at, amount, true,
                "transfer_then_cash_out", false, -1, -1);
    }

    private void emit(long at, Merchant m, String card, String bin, String email, String ip, String ipCountry, String device,
                      String shipping, String account, long accountCreated, double amount, boolean fraud, String pattern,
                      boolean declined, long refund, long chargeback) {
        boolean sendsDevice = (m.signals() & 1) != 0;
        boolean sendsIp = (m.signals() & 2) != 0;
        boolean sendsEmail = (m.signals() & 4) != 0;
        boolean sendsShipping = (m.signals() & 8) != 0;
        Transaction t = new Transaction(at, "sim_" + (sequence++), m.id(), m.country(), m.firstMillis(), card, bin,
                bin == null ? null : binCountry(bin), sendsEmail ? email : null, sendsIp ? ip : null, sendsIp ? ipCountry : null,
                sendsDevice ? device : null, sendsShipping ? shipping : null, account, accountCreated,
                Math.round(amount * 100) / 100.0, CURRENCIES[m.currency()], bin != null);
        out.add(new Simulated(t, fraud, pattern, declined, refund, chargeback));
    }

    private double amount(Merchant m, double habit) {
        return Math.max(0.5, Math.exp(m.mu() + m.sigma() * random.nextGaussian()) * habit);
    }

    private long randomTime() {
        return settings.startMillis() + (long) (random.nextDouble() * settings.days() * FeatureCache.DAY);
    }

    private int zipf(int n) {
        // popularity falls off as 1/rank: the inverse of a continuous approximation of the harmonic CDF
        return Math.min(n - 1, (int) Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1)) - 1));
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }

    private int fresh() {
        return freshIds++;
    }
}
