package org.finbridge.party;

import java.util.List;
import java.util.Optional;

/** A merchant's way from registration to approval (know your business). */
public interface Onboarding {

    KybResult open(PartyId merchant, KybApplication.CompanyRegistration registration, String actor);

    KybResult addOwner(KybApplicationId application, KybApplication.BeneficialOwner owner, String actor);

    KybResult addDocument(KybApplicationId application, DocumentUpload document, String actor);

    /** Submits the file: it is screened at once and then waits for a reviewer. */
    KybResult submit(KybApplicationId application, String actor);

    KybResult decide(KybApplicationId application, KybDecision decision, String reviewer);

    Optional<KybApplication> find(KybApplicationId application);

    Optional<KybApplication> ofParty(PartyId party);

    /** Applications waiting in a state, oldest first: the reviewers' queue is IN_REVIEW. */
    List<KybApplication> inState(KybState state, int limit);

    /**
     * One page of the applications in a state. Sorts: {@code waiting} (oldest first, the default),
     * {@code registration}, {@code riskTier}.
     */
    org.finbridge.platform.QueuePage<KybApplication> inState(KybState state, org.finbridge.platform.QueuePage.Request page);
}
