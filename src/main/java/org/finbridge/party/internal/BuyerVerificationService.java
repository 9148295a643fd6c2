package org.finbridge.party.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.finbridge.party.BuyerTier;
import org.finbridge.party.BuyerVerification;
import org.finbridge.party.IdentifierKind;
import org.finbridge.party.Identifiers;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class BuyerVerificationService implements BuyerVerification {

    private final JdbcClient jdbc;
    private final PartyStore parties;
    private final AuditLog audit;
    private final Clock clock;

    BuyerVerificationService(JdbcClient jdbc, PartyStore parties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result verify(PartyId buyer, String fullName, String documentType, String documentCountry,
                         String documentNumber, String actor) {
        Optional<Party> party = parties.find(buyer);
        if (party.isEmpty() || party.get().kind() != PartyKind.BUYER) {
            return new Result.NotFound("buyer " + buyer);
        }
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            return new Result.InvalidField("fullName", "is required, at most 200 characters");
        }
        String country = documentCountry == null ? "" : documentCountry.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isIso(country)) {
            return new Result.InvalidField("documentCountry", "an ISO 3166-1 alpha-2 country code");
        }
        String type = documentType == null ? "" : documentType.strip().toUpperCase(Locale.ROOT);
        String number;
        switch (type) {
            case "CN_RESIDENT_ID" -> {
                LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                Validation v = Identifiers.validate(IdentifierKind.CN_RESIDENT_ID, documentNumber == null ? "" : documentNumber, today);
                if (v instanceof Validation.Invalid bad) {
                    return new Result.InvalidField("documentNumber", bad.reason());
                }
                if (!country.equals("CN")) {
                    return new Result.InvalidField("documentCountry", "a resident ID is issued by CN");
                }
                number = ((Validation.Valid) v).normalized();
            }
            case "PASSPORT" -> {
                if (!PassportNumbers.isValid(country, documentNumber)) {
                    return new Result.InvalidField("documentNumber", "not a passport number of " + country);
                }
                number = documentNumber.strip().toUpperCase(Locale.ROOT);
            }
            default -> {
                return new Result.InvalidField("documentType", "CN_RESIDENT_ID or PASSPORT");
            }
        }
        boolean already = tierOf(buyer).orElseThrow() == BuyerTier.VERIFIED;
        if (already) {
            jdbc.sql("""
                    update buyer_verifications set full_name = :name, document_type = :type, document_country = :country,
                        document_number = :number, verified_at = :now where party_id = :party""")
                    .param("name", fullName.strip()).param("type", type).param("country", country).param("number", number)
                    .param("now", clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                    .param("party", buyer.value()).update();
        } else {
            jdbc.sql("""
                    insert into buyer_verifications (party_id, full_name, document_type, document_country, document_number,
                        verified_at) values (:party, :name, :type, :country, :number, :now)""")
                    .param("party", buyer.value()).param("name", fullName.strip()).param("type", type).param("country", country)
                    .param("number", number).param("now", clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                    .update();
        }
        // the audit record names the document type and country, not the number: identity data stays in its table
        audit.record(actor, "party.buyer.verify", "party", buyer.toString(), already ? "VERIFIED" : "ANONYMOUS",
                "VERIFIED by " + type + " of " + country);
        return new Result.Verified(BuyerTier.VERIFIED);
    }

    @Override
    public Optional<BuyerTier> tierOf(PartyId buyer) {
        Optional<Party> party = parties.find(buyer);
        if (party.isEmpty() || party.get().kind() != PartyKind.BUYER) {
            return Optional.empty();
        }
        long verified = jdbc.sql("select count(*) from buyer_verifications where party_id = :party")
                .param("party", buyer.value()).query(Long.class).single();
        return Optional.of(verified > 0 ? BuyerTier.VERIFIED : BuyerTier.ANONYMOUS);
    }
}
