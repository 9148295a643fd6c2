package org.finbridge.financing;

import org.finbridge.party.PartyId;

/**
 * Whether a party is on the dishonest judgment-debtor list (失信被执行人名单, SPC Fa Shi [2017] No.7,
 * REGULATIONS.md §3.3), provided by the credit registry. The default answers {@link Listing#UNKNOWN} for
 * everyone, which underwriting refers to a person.
 */
public interface ListingCheck {

    Listing check(PartyId party);

    enum Listing { LISTED, NOT_LISTED, UNKNOWN }
}
