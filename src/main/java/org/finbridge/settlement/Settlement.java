package org.finbridge.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.party.PartyId;
import org.finbridge.payments.PaymentId;

/**
 * The settlement API. Merchants read their own policy and statements (another party's answer
 * {@link SettlementResult.NotFound} / empty); operators set policies, trigger runs and see everything.
 */
public interface Settlement {

    /** The merchant's terms ({@link SettlementPolicy#standard()} when none were set), if the actor may see them. */
    Optional<SettlementPolicy> policy(Actor actor, PartyId merchant);

    SettlementResult setPolicy(Actor actor, PartyId merchant, SettlementPolicy policy);

    /** Records that the goods of a payment were delivered (releases it under {@link ReleaseMode#ON_DELIVERY}). */
    SettlementResult confirmDelivery(Actor actor, PaymentId payment);

    /**
     * Runs (or resumes, or answers the finished) settlement of a business date. Earlier unfinished runs are
     * finished first. Safe to call from several nodes at once: one works, the others answer the run as it stands.
     *
     * @param triggeredBy {@code system} for the schedule, the operator's name otherwise
     */
    SettlementRun run(LocalDate businessDate, String triggeredBy);

    List<SettlementRun> runs(int limit);

    Optional<SettlementRun> findRun(SettlementRunId id);

    /** The merchant's statements, newest first, limited to one run when {@code run} is given. */
    Optional<List<SettlementStatement>> statements(Actor actor, PartyId merchant, SettlementRunId run, int limit);
}
