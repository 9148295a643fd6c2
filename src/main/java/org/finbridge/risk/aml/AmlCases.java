package org.finbridge.risk.aml;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;

/**
 * Case work for the platform's AML analysts. Every change is audited and recorded in the case's history.
 * Cases are confidential (AML Law art. 35: no tipping-off): only operators reach this API.
 */
public interface AmlCases {

    List<AmlCase> list(CaseStatus status, int limit);

    /**
     * One page of the cases in any of these statuses (the analysts' queue: the undecided ones). Sorts:
     * {@code due} (the earliest deadline first, the default), {@code opened}, {@code status}, {@code assignee}.
     */
    org.finbridge.platform.QueuePage<AmlCase> list(java.util.Set<CaseStatus> statuses, org.finbridge.platform.QueuePage.Request page);

    Optional<AmlCase> find(CaseId id);

    /** A referral by staff (an employee's suspicion needs no rule): opens a case on the party, or answers its open one. */
    CaseResult open(Actor actor, String partyId, String reason);

    /** Puts an analyst on the case; an OPEN case moves to IN_REVIEW. */
    CaseResult assign(Actor actor, CaseId id, String assignee);

    CaseResult addNote(Actor actor, CaseId id, String body);

    /** The preparer's proposal: file an STR, or close without one; a rationale is required either way. */
    CaseResult propose(Actor actor, CaseId id, AmlCase.Proposal proposal, String rationale);

    /** A second person approves (filing the STR or closing the case) or sends the case back to review. */
    CaseResult decide(Actor actor, CaseId id, boolean approve, String comment);
}
