package org.finbridge.credit;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.PartyId;

/**
 * The due process of the dishonesty list (REGULATIONS.md §3.3, §3.4): advance notice under a named policy,
 * the subject's response within the policy's window, graded measures decided by a person, listing with a
 * publication period by severity, appeal with human review, and credit repair that ends a listing early.
 */
public interface DishonestyCases {

    /** Opens a case with an advance notice to the subject; nothing is imposed yet but a warning. */
    ListingResult notice(PartyId party, ListingPolicy policy, String conduct, String evidence, String actor);

    /** The subject's answer to the notice, within the response window. */
    ListingResult respond(String caseId, PartyId subject, String response);

    /** Imposes a graded measure; anything beyond a warning only after the response window. */
    ListingResult impose(String caseId, ListingPolicy.Measure measure, String reasons, String actor);

    /** Withdraws a case (e.g. after the subject's response showed it unfounded). */
    ListingResult withdraw(String caseId, String reasons, String actor);

    ListingResult appeal(String caseId, PartyId subject, String grounds);

    /** A person's decision on an appeal: overturned ends the listing, upheld keeps it. */
    ListingResult decideAppeal(String caseId, boolean overturned, String reasons, String reviewer);

    /** Credit repair after the obligations are met: ends the listing early, once its minimum period has run. */
    ListingResult repair(String caseId, String evidenceOfRemediation, String actor);

    List<ListingCase> cases(PartyId party);

    /**
     * Shares a current listing with another participant (a lender, a marketplace), recording on what basis;
     * the participant sees it with its provenance while the listing lasts and the share is not revoked.
     */
    ShareResult share(String caseId, PartyId recipient, String basis, String actor);

    /** Revokes a share, with reasons: the participant no longer sees the listing. */
    ShareResult revokeShare(String shareId, String reasons, String actor);

    /** The listings shared with a participant that it may see now: unrevoked shares of current listings. */
    List<ListingShare> sharedWith(PartyId recipient);

    /** Every share of a case, revoked ones included: the provenance trail. */
    List<ListingShare> shares(String caseId);

    /** One case by its id; empty for an unknown or malformed id. */
    Optional<ListingCase> find(String caseId);
}
