package org.finbridge.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A merchant's KYB file as reviewers and the merchant see it. */
public record KybApplication(
        KybApplicationId id,
        PartyId partyId,
        KybState state,
        CompanyRegistration registration,
        List<BeneficialOwner> owners,
        List<DocumentInfo> documents,
        RiskTier riskTier,
        LocalDate nextReviewOn,
        List<Transition> history) {

    /** Company registration data (for a Chinese company the number is its USCC). */
    public record CompanyRegistration(String registrationNumber, String registeredAddress, LocalDate incorporationDate,
                                      String businessDescription) {
    }

    /**
     * A natural person who owns or controls at least 25 % of the company (FATF R.24; PBOC 2017 No. 235).
     *
     * @param ownershipBasisPoints 2,500 = 25 %
     */
    public record BeneficialOwner(String fullName, String fullNameOriginal, String nationality, LocalDate birthDate,
                                  String documentType, String documentNumber, int ownershipBasisPoints) {
    }

    /** A document's metadata; the file is stored beside it and addressed by its SHA-256. */
    public record DocumentInfo(String id, String type, String number, String issuer, LocalDate expiresOn,
                               String fileName, String contentType, String sha256, Instant uploadedAt) {
    }

    public record Transition(KybState from, KybState to, String actor, String reason, Instant at) {
    }
}
