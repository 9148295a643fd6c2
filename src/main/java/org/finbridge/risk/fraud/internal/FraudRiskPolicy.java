package org.finbridge.risk.fraud.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.payments.Buyer;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.RiskPolicy;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.party.Actor;
import org.finbridge.risk.fraud.FraudMode;
import org.finbridge.risk.fraud.FraudOutcome;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Fraud scoring in the authorization path: turns the payment's facts into an attempt, asks the
 * {@link FraudEngine} (warm cache, rules, model), stores the decision with its reasons and answers
 * the payments module. In SHADOW mode the decision is stored but the payment is allowed.
 */
@Primary
@Component
class FraudRiskPolicy implements RiskPolicy, FraudMode {

    private final FraudEngine engine;
    private final DecisionStore decisions;
    private final BinCountries bins;
    private final Parties parties;
    private final FraudAudit audit;
    private final Clock clock;
    private volatile Mode mode;
    private final Map<PartyId, Long> accountOpened = new ConcurrentHashMap<>();

    FraudRiskPolicy(FraudEngine engine, DecisionStore decisions, BinCountries bins, Parties parties, FraudProperties properties,
                    FraudAudit audit, Clock clock) {
        this.engine = engine;
        this.decisions = decisions;
        this.bins = bins;
        this.parties = parties;
        this.mode = properties.mode();
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public void switchTo(Mode next, Actor actor) {
        Mode before = mode;
        mode = java.util.Objects.requireNonNull(next, "mode");
        audit.record(actor, "risk.fraud.mode", "fraud_mode", "fraud", before.name(), next.name());
    }

    @Override
    public Decision assess(Facts facts) {
        Instant now = clock.instant();
        Transaction attempt = attempt(facts, now);
        FraudEngine.Verdict verdict = engine.decide(attempt);
        FraudOutcome outcome = verdict.outcome();
        var id = TimeOrderedIds.next(clock);
        decisions.insert(new DecisionStore.NewDecision(id, facts.paymentId(), facts.merchantId(),
                facts.buyer() == null ? null : facts.buyer().partyId(), now, attempt, facts.amount().minorUnits(), verdict, outcome));
        Assessment assessment = new Assessment(verdict.score(), verdict.modelVersion(), verdict.reasons(),
                TimeOrderedIds.format(DecisionStore.PREFIX, id));
        if (mode == Mode.SHADOW) {
            return new Allow(assessment);
        }
        String reason = "fraud " + outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join(", ", verdict.reasons());
        return switch (outcome) {
            case ALLOW -> new Allow(assessment);
            case REVIEW -> new Review(assessment);
            case CHALLENGE -> new Challenge(reason, assessment);
            case BLOCK -> new Block(reason, assessment);
        };
    }

    Transaction attempt(Facts facts, Instant now) {
        Buyer b = facts.buyer();
        PaymentMethod.Card card = facts.method().card();
        PartyId buyerParty = b == null ? null : b.partyId();
        // a card is followed by its fingerprint (its token only where no fingerprint was kept); another
        // method by the paying buyer's account, when there is one
        String payer = card != null ? (card.fingerprint() != null ? card.fingerprint() : card.token())
                : buyerParty != null ? "acct:" + buyerParty : null;
        String bin = card == null ? null : card.bin();
        double major = facts.amount().minorUnits() / (double) facts.amount().currency().minorUnitsPerMajor();
        return new Transaction(now.toEpochMilli(), facts.paymentId().toString(), facts.merchantId().toString(),
                facts.merchantCountry(), opened(facts.merchantId()), payer, bin, bins.countryOf(bin), b == null ? null : b.email(),
                b == null ? null : b.ipAddress(), b == null ? null : b.ipCountry(), b == null ? null : b.deviceId(),
                b == null ? null : b.shippingCountry(), buyerParty == null ? null : buyerParty.toString(),
                buyerParty == null ? -1 : opened(buyerParty), major, facts.amount().currency().code(),
                facts.method().type() == MethodType.CARD);
    }

    private long opened(PartyId party) {
        return accountOpened.computeIfAbsent(party, p -> parties.find(p).map(Party::createdAt).map(Instant::toEpochMilli).orElse(-1L));
    }
}
