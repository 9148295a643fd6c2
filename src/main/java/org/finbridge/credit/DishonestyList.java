package org.finbridge.credit;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.PartyId;

/**
 * The dishonesty list (失信名单): who is listed now. A party is listed only after advance notice and the
 * response window of its listing policy, and leaves the list at the end of its publication period, after
 * credit repair, or when an appeal succeeds (REGULATIONS.md §3.3, §3.4).
 */
public interface DishonestyList {

    /** Whether the party is on the list now. */
    boolean isListed(PartyId party);

    /** The party's current listing, or empty when it is not listed now. */
    Optional<DishonestyListing> listing(PartyId party);

    /**
     * The public query: current listings whose registration code equals the text or whose name contains
     * it (case-insensitive); at most 50.
     */
    List<DishonestyListing> search(String registrationCodeOrName);
}
