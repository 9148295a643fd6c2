package org.finbridge.payments.simulators;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.finbridge.money.Money;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.connector.ConnectorProfile;
import org.finbridge.payments.connector.DeclineCode;
import org.finbridge.payments.connector.Region;
import org.finbridge.payments.connector.simulated.SimulatedCardAcquirer;
import tools.jackson.databind.JsonNode;

/**
 * One simulated acquirer or PSP behind its own HTTP API, behaving like a real one so that the
 * platform's HTTP client code is exercised: it charges by its contract's fee schedule, answers after a
 * lognormal latency, declines as issuers do (ISO 8583 codes: 51 insufficient funds, 05 do not honour,
 * 59 suspected fraud, 54 expired card, …, following Stripe-style test cards), has outages (a switch and
 * scheduled windows: 503, or no answer at all), loses answers in transit (processed, but the caller
 * times out), calls the platform back with signed notifications for payments the buyer completes later,
 * and writes a daily settlement report.
 *
 * <p>Every request is idempotent on its {@code Idempotency-Key}: a repeated key with the same request
 * answers the first answer and does nothing again (never a second authorization); the same key with
 * another request is refused with 422.
 */
public final class AcquirerSimulator {

    /** A switchable outage: refuse with 503, or accept the connection and never answer in time. */
    public enum Outage { NONE, UNAVAILABLE, TIMEOUT }

    /** A scheduled maintenance window, half open: {@code [from, to)}. */
    public record Window(Instant from, Instant to, Outage mode) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** What the simulator answers: an HTTP status and a JSON body. */
    public record Answer(int status, Map<String, Object> body) {
    }

    /** One line of the settlement report: a sale, capture or refund on the given day. */
    public record SettlementLine(LocalDate date, String reference, String paymentRef, String type, Money gross, Money fee) {
        Money net() {
            return gross.minus(fee);
        }
    }

    private record Stored(String fingerprint, Answer answer) {
    }

    private record Position(String reference, String paymentRef, MethodType method, Region region, Money authorized,
                            long captured, long refunded, boolean released, boolean push, boolean finished) {
        Position with(long newCaptured, long newRefunded, boolean newReleased, boolean newFinished) {
            return new Position(reference, paymentRef, method, region, authorized, newCaptured, newRefunded, newReleased, push,
                    newFinished);
        }
    }

    /** Sends a notification to the platform; signing and delivery are the notifier's. */
    public interface Notifier {
        void send(String connector, Map<String, Object> event);
    }

    private final String name;
    private final String displayName;
    private final ConnectorProfile profile;
    private final Clock clock;
    private final Notifier notifier;
    private final LatencyModel defaultLatency;

    private volatile LatencyModel latency;
    private volatile Outage outage = Outage.NONE;
    private volatile Duration lostAnswerDelay;
    private final List<Window> windows = new CopyOnWriteArrayList<>();
    private final AtomicInteger loseNextAnswers = new AtomicInteger();
    private final ConcurrentLinkedQueue<DeclineCode> declineNext = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong authorizations = new AtomicLong();
    private final AtomicLong reversals = new AtomicLong();
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final Map<String, Position> positions = new ConcurrentHashMap<>();
    private final List<SettlementLine> settlement = new CopyOnWriteArrayList<>();

    public AcquirerSimulator(String name, String displayName, ConnectorProfile profile, LatencyModel latency,
                             Duration lostAnswerDelay, Clock clock, Notifier notifier) {
        this.name = name;
        this.displayName = displayName;
        this.profile = profile;
        this.defaultLatency = latency;
        this.latency = latency;
        this.lostAnswerDelay = lostAnswerDelay;
        this.clock = clock;
        this.notifier = notifier;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    // --- the API ---------------------------------------------------------------------------------

    /**
     * Serves one request: outage first, then latency, then the idempotent handling, then perhaps a lost
     * answer (the work is done, the answer comes too late for the caller).
     *
     * @param operation authorize, capture, void, refund
     * @param reference the authorization's reference (null for authorize)
     */
    public Answer serve(String operation, String reference, String key, JsonNode body) {
        requests.incrementAndGet();
        Outage now = outageAt(clock.instant());
        if (now == Outage.UNAVAILABLE) {
            return error(503, "service_unavailable", displayName + " is unavailable");
        }
        if (now == Outage.TIMEOUT) {
            sleep(lostAnswerDelay);
            return error(504, "gateway_timeout", displayName + " did not answer");
        }
        sleep(latency.sample());
        if (key == null || key.isBlank()) {
            return error(400, "idempotency_key_missing", "every request needs an Idempotency-Key");
        }
        String fingerprint = operation + " " + reference + " " + body;
        boolean[] fresh = {false};
        Stored stored = byKey.computeIfAbsent(key, k -> {
            fresh[0] = true;
            return new Stored(fingerprint, handle(operation, reference, k, body));
        });
        if (!stored.fingerprint().equals(fingerprint)) {
            return error(422, "idempotency_key_reused", "this key was used for another request");
        }
        if (loseNextAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || (fresh[0] && losesFirstAnswer(operation, body))) {
            sleep(lostAnswerDelay);
        }
        return stored.answer();
    }

    private Answer handle(String operation, String reference, String key, JsonNode body) {
        return switch (operation) {
            case "authorize" -> authorize(key, body);
            case "capture" -> capture(reference, body);
            case "void" -> voidAuthorization(reference);
            case "refund" -> refund(reference, body);
            case "reverse" -> reverse(body);
            default -> error(404, "unknown_operation", operation);
        };
    }

    private Answer authorize(String key, JsonNode body) {
        MethodType method = MethodType.valueOf(body.path("method").path("type").asString());
        Money amount = Money.ofMinor(body.path("amount").asLong(), body.path("currency").asString());
        Region region = body.path("region").isString() ? Region.valueOf(body.path("region").asString()) : Region.CROSS_BORDER;
        Optional<ConnectorProfile.Offer> offer = profile.offer(method, amount.currency().code());
        if (offer.isEmpty()) {
            return declined(DeclineCode.CURRENCY_NOT_SUPPORTED, amount.currency() + " is not taken for " + method);
        }
        if (!offer.get().accepts(amount.minorUnits())) {
            return declined(DeclineCode.AMOUNT_LIMIT_EXCEEDED, "outside the limits for " + method);
        }
        DeclineCode injected = declineNext.poll();
        if (injected != null) {
            return declined(injected, "issuer declined");
        }
        if (method == MethodType.CARD) {
            JsonNode card = body.path("method");
            Optional<DeclineCode> decline = SimulatedCardAcquirer.testCardDecline(card.path("bin").asString(),
                    card.path("last4").asString());
            if (decline.isPresent()) {
                return declined(decline.get(), "issuer declined");
            }
        }
        String reference = name.replace("-", "") + "_" + hex(key).substring(0, 24);
        String paymentRef = body.path("paymentRef").asString(null);
        boolean capture = body.path("capture").asBoolean(false);
        authorizations.incrementAndGet();
        if (method != MethodType.CARD) {
            positions.put(reference, new Position(reference, paymentRef, method, region, amount, 0, 0, false, true, false));
            return actionRequired(reference, method, amount);
        }
        positions.put(reference, new Position(reference, paymentRef, method, region, amount, capture ? amount.minorUnits() : 0,
                0, false, false, true));
        if (capture) {
            book("SALE", positions.get(reference), amount);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "approved");
        answer.put("reference", reference);
        answer.put("processedAmount", amount.minorUnits());
        answer.put("processedCurrency", amount.currency().code());
        return new Answer(200, answer);
    }

    private Answer actionRequired(String reference, MethodType method, Money amount) {
        Map<String, Object> action = new LinkedHashMap<>();
        switch (method) {
            case PIX, UPI, WECHAT_PAY, ALIPAY_PLUS -> {
                action.put("type", "qr_code");
                action.put("payload", method.name().toLowerCase() + ":" + reference + ":" + amount.minorUnits() + ":"
                        + amount.currency());
            }
            default -> {
                action.put("type", "redirect");
                action.put("url", "/simulators/" + name + "/v1/checkout/" + reference);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "action_required");
        answer.put("reference", reference);
        answer.put("action", action);
        return new Answer(200, answer);
    }

    private Answer capture(String reference, JsonNode body) {
        long amount = body.path("amount").asLong();
        Position p = positions.get(reference);
        if (p == null || p.push() || p.released() || p.captured() + amount > p.authorized().minorUnits()) {
            return declined(DeclineCode.TRANSACTION_NOT_PERMITTED, "nothing left to capture");
        }
        Position after = p.with(p.captured() + amount, p.refunded(), body.path("final").asBoolean(false), true);
        positions.put(reference, after);
        Money captured = new Money(amount, p.authorized().currency());
        book("CAPTURE", after, captured);
        return approved(reference, captured);
    }

    private Answer voidAuthorization(String reference) {
        Position p = positions.get(reference);
        if (p == null) {
            return declined(DeclineCode.TRANSACTION_NOT_PERMITTED, "unknown authorization");
        }
        positions.put(reference, p.with(p.captured(), p.refunded(), true, true));
        return approved(reference, Money.zero(p.authorized().currency()));
    }

    private Answer refund(String reference, JsonNode body) {
        long amount = body.path("amount").asLong();
        Position p = positions.get(reference);
        if (p == null || p.refunded() + amount > p.captured()) {
            return declined(DeclineCode.TRANSACTION_NOT_PERMITTED, "refund exceeds capture");
        }
        positions.put(reference, p.with(p.captured(), p.refunded() + amount, p.released(), p.finished()));
        Money refunded = new Money(amount, p.authorized().currency());
        // the acquirer keeps the fee it took on the capture: a refund line carries no fee
        settlement.add(new SettlementLine(today(), reference, p.paymentRef(), "REFUND", refunded.negate(),
                Money.zero(refunded.currency())));
        return approved(reference, refunded);
    }

    /** A reversal names the authorization by the key it was sent with: whatever it authorized is released. */
    private Answer reverse(JsonNode body) {
        Stored original = byKey.get(body.path("authorizationKey").asString(""));
        String currency = body.path("currency").asString();
        if (original == null || !"approved".equals(original.answer().body().get("status"))) {
            return approved(null, Money.ofMinor(0, currency)); // nothing was authorized: nothing to undo
        }
        String reference = (String) original.answer().body().get("reference");
        Position p = positions.get(reference);
        if (p != null && !p.released()) {
            positions.put(reference, p.with(p.captured(), p.refunded(), true, true));
            reversals.incrementAndGet();
        }
        return approved(reference, Money.ofMinor(0, currency));
    }

    /**
     * The buyer completes (or abandons) a payment the simulator asked them to make; the simulator then
     * notifies the platform, as wallets and local schemes do. Repeating it changes nothing.
     */
    public Answer checkout(String reference, boolean paid) {
        Position p = positions.get(reference);
        if (p == null || !p.push()) {
            return error(404, "unknown_payment", "no payment awaits the buyer under " + reference);
        }
        synchronized (this) {
            p = positions.get(reference);
            if (p.finished()) {
                return new Answer(200, Map.of("status", p.captured() > 0 ? "paid" : "abandoned", "reference", reference));
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", "evt_" + hex(name + ":" + reference + ":" + paid).substring(0, 24));
            event.put("reference", reference);
            if (paid) {
                Position after = p.with(p.authorized().minorUnits(), 0, false, true);
                positions.put(reference, after);
                book("SALE", after, p.authorized());
                event.put("type", "payment.settled");
                event.put("amount", p.authorized().minorUnits());
                event.put("currency", p.authorized().currency().code());
            } else {
                positions.put(reference, p.with(0, 0, true, true));
                event.put("type", "payment.failed");
                event.put("reason", DeclineCode.BUYER_ABANDONED.name());
            }
            event.put("created", clock.instant().getEpochSecond());
            notifier.send(name, event);
        }
        return new Answer(200, Map.of("status", paid ? "paid" : "abandoned", "reference", reference));
    }

    private void book(String type, Position p, Money gross) {
        Money fee = profile.fees().fee(p.method(), p.region(), gross);
        settlement.add(new SettlementLine(today(), p.reference(), p.paymentRef(), type, gross, fee));
    }

    // --- the settlement report -------------------------------------------------------------------

    /**
     * The day's settlement report as CSV: one line per sale, capture and refund with gross, fee, net and
     * the FX applied (none: this acquirer settles in the transaction currency, at rate 1), amounts in
     * major units; then one TOTAL line per currency.
     */
    public String settlementReport(LocalDate date) {
        StringBuilder csv = new StringBuilder(
                "connector,date,reference,payment_ref,type,currency,gross,fee,net,fx_rate,settlement_currency,settlement_net\n");
        Map<String, long[]> totals = new TreeMap<>();
        for (SettlementLine l : settlement) {
            if (!l.date().equals(date)) {
                continue;
            }
            Money net = l.net();
            csv.append(String.join(",", name, date.toString(), l.reference(), l.paymentRef() == null ? "" : l.paymentRef(),
                    l.type(), l.gross().currency().code(), major(l.gross()), major(l.fee()), major(net), "1",
                    net.currency().code(), major(net))).append('\n');
            long[] t = totals.computeIfAbsent(l.gross().currency().code(), c -> new long[3]);
            t[0] += l.gross().minorUnits();
            t[1] += l.fee().minorUnits();
            t[2] += net.minorUnits();
        }
        totals.forEach((currency, t) -> csv.append(String.join(",", name, date.toString(), "TOTAL", "", "", currency,
                major(Money.ofMinor(t[0], currency)), major(Money.ofMinor(t[1], currency)), major(Money.ofMinor(t[2], currency)),
                "1", currency, major(Money.ofMinor(t[2], currency)))).append('\n'));
        return csv.toString();
    }

    private static String major(Money m) {
        BigDecimal v = m.toMajor();
        return v.toPlainString();
    }

    // --- controls --------------------------------------------------------------------------------

    public void outage(Outage mode) {
        outage = mode;
    }

    public void scheduleOutage(Window window) {
        windows.add(window);
    }

    public void latency(LatencyModel model) {
        latency = model;
    }

    public void lostAnswerDelay(Duration delay) {
        lostAnswerDelay = delay;
    }

    /** The next {@code n} fresh requests are processed but answered too late. */
    public void loseNextAnswers(int n) {
        loseNextAnswers.set(n);
    }

    /** The next authorizations are declined with these codes, one each. */
    public void declineNext(List<DeclineCode> codes) {
        declineNext.addAll(codes);
    }

    /** Back to the configured behaviour: no outage, no windows, no injected declines or lost answers, default latency. */
    public void reset() {
        outage = Outage.NONE;
        windows.clear();
        declineNext.clear();
        loseNextAnswers.set(0);
        latency = defaultLatency;
    }

    public long requests() {
        return requests.get();
    }

    public long authorizations() {
        return authorizations.get();
    }

    /** Authorizations released by a reversal. */
    public long reversals() {
        return reversals.get();
    }

    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("displayName", displayName);
        m.put("outage", outageAt(clock.instant()).name());
        m.put("outageSwitch", outage.name());
        m.put("outageWindows", new ArrayList<>(windows));
        m.put("latencyP50Ms", latency.p50Millis());
        m.put("latencyP99Ms", latency.p99Millis());
        m.put("lostAnswerDelayMs", lostAnswerDelay.toMillis());
        m.put("loseNextAnswers", loseNextAnswers.get());
        m.put("declineNext", declineNext.stream().map(DeclineCode::name).toList());
        m.put("requests", requests.get());
        m.put("authorizations", authorizations.get());
        m.put("reversals", reversals.get());
        return m;
    }

    Outage outageAt(Instant t) {
        if (outage != Outage.NONE) {
            return outage;
        }
        return windows.stream().filter(w -> w.covers(t)).map(Window::mode).findFirst().orElse(Outage.NONE);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static boolean losesFirstAnswer(String operation, JsonNode body) {
        JsonNode m = body.path("method");
        return "authorize".equals(operation) && SimulatedCardAcquirer.testCardTimesOutOnce(m.path("bin").asString(""),
                m.path("last4").asString(""));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Answer approved(String reference, Money processed) {
        Map<String, Object> answer = new LinkedHashMap<>(); // a null reference (nothing reversed) is left out
        answer.put("status", "approved");
        if (reference != null) {
            answer.put("reference", reference);
        }
        answer.put("processedAmount", processed.minorUnits());
        answer.put("processedCurrency", processed.currency().code());
        return new Answer(200, answer);
    }

    private static Answer declined(DeclineCode code, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "declined");
        answer.put("reason", code.name());
        answer.put("code", code.isoCode());
        answer.put("message", message);
        return new Answer(200, answer);
    }

    private static Answer error(int status, String code, String message) {
        return new Answer(status, Map.of("error", code, "message", message));
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
