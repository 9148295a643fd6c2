package org.finbridge.supervision;

import java.time.Instant;
import java.util.UUID;
import org.finbridge.party.PartyId;

/**
 * A violation case. Its lifecycle: a case is opened by a rule that detected a breach or filed by a regulator
 * ({@link State#OPEN}); a regulator takes it up ({@link State#INVESTIGATING}); it is either dismissed
 * ({@link State#CLOSED} without a decision) or decided — a fine, a limit or a suspension
 * ({@link State#DECIDED}, which publishes {@link ViolationDecided}: negative information for the credit
 * registry); the subject remedies it ({@link State#REMEDIATING}); the regulator closes it. Every step is audited.
 *
 * @param authority the regulator handling the case; null for a rule-detected case no regulator has taken up
 * @param ruleCode the rule breached, e.g. {@code CN_FX_UNREGISTERED_OVER_200K}
 */
public record Violation(UUID id, PartyId subject, PartyId authority, Source source, String ruleCode, String description,
                        State state, ViolationDecision decision, String remediation, Instant openedAt, Instant updatedAt) {

    public enum Source { RULE, REGULATOR }

    public enum State {
        OPEN, INVESTIGATING, DECIDED, REMEDIATING, CLOSED;

        /** The legal transitions, in one place. */
        public boolean mayBecome(State next) {
            return switch (this) {
                case OPEN -> next == INVESTIGATING;
                case INVESTIGATING -> next == DECIDED || next == CLOSED;
                case DECIDED -> next == REMEDIATING;
                case REMEDIATING -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }
}
