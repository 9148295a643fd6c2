package org.finbridge.risk.fraud;

import org.finbridge.party.Actor;

/**
 * Whether fraud decisions take effect. ENFORCE: a block blocks, a challenge asks for 3-D Secure, a
 * review queues the payment. SHADOW: every payment is still scored and its decision stored, but the
 * payment proceeds as allowed — how a new model or rule set is tried on live traffic before it acts.
 * Starts from {@code finbridge.risk.fraud.mode}; an operator's switch is audited.
 */
public interface FraudMode {

    enum Mode { ENFORCE, SHADOW }

    Mode mode();

    void switchTo(Mode mode, Actor actor);
}
