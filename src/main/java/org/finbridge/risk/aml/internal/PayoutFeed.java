package org.finbridge.risk.aml.internal;

import java.util.EnumSet;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.Payouts;
import org.springframework.stereotype.Component;

/**
 * Payouts into the AML journal: money leaving a merchant for its bank (the "out" of rapid in-and-out and
 * fan-out). Settlement publishes no payout event, so the schedule reads the latest payouts through the
 * settlement module's public {@link Payouts} API; a payout is one journal entry keyed by its id, so
 * reading it again records nothing. A payout later rejected or returned stays recorded: the attempt to
 * move the money is itself what monitoring looks at.
 */
@Component
class PayoutFeed {

    static final Actor SYSTEM = new Actor("aml-monitoring", "system:aml", Actor.Channel.API_KEY, new PartyId(new UUID(0, 0)),
            PartyKind.OPERATOR, null, EnumSet.allOf(ApiScope.class));
    static final int BATCH = 500;

    private final Payouts payouts;
    private final Parties parties;
    private final Journal journal;
    private final Equivalents equivalents;

    PayoutFeed(Payouts payouts, Parties parties, Journal journal, Equivalents equivalents) {
        this.payouts = payouts;
        this.parties = parties;
        this.journal = journal;
        this.equivalents = equivalents;
    }

    /** Records the payouts not yet in the journal among the latest {@value #BATCH}; answers how many. */
    int poll() {
        int recorded = 0;
        for (Payout p : payouts.list(SYSTEM, BATCH)) {
            String id = "payout:" + p.id() + ":out";
            if (p.amount() <= 0 || journal.exists(id)) {
                continue;
            }
            String country = parties.find(p.merchantId()).map(Party::country).orElse(null);
            Money amount = Money.ofMinor(p.sourceAmount() > 0 ? p.sourceAmount() : p.amount(),
                    p.sourceAmount() > 0 ? p.sourceCurrency() : p.currency());
            var day = Activity.reportingDay(p.createdAt());
            boolean crossBorder = p.rail() != null && (p.rail().contains("SWIFT") || p.rail().contains("CIPS"));
            recorded += journal.record(new AmlTransaction(id, p.merchantId(), false, country, AmlTransaction.Direction.DEBIT,
                    AmlTransaction.Kind.PAYOUT, false, amount, equivalents.in(Equivalents.CNY, amount, day),
                    equivalents.in(Equivalents.USD, amount, day), "bank:" + p.bankAccountId(), crossBorder ? null : country,
                    null, p.id().toString(), p.createdAt())) ? 1 : 0;
        }
        return recorded;
    }
}
