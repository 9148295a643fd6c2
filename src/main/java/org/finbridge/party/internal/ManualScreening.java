package org.finbridge.party.internal;

import org.finbridge.party.PartyScreening;

/**
 * The screening step when no sanctions screening service is configured: it screens nothing and says
 * so, which sends the application to a reviewer who screens by hand. Never a silent "clear".
 */
class ManualScreening implements PartyScreening {

    @Override
    public Outcome screen(Subject subject) {
        return new Unavailable("no sanctions screening service is configured: screen manually");
    }
}
