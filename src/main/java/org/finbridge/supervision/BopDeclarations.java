package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.Actor;

/** The balance-of-payments declarations, and the export file for the reporting channel. */
public interface BopDeclarations {

    List<BopDeclaration> between(LocalDate from, LocalDate to);

    Optional<BopDeclaration> find(UUID id);

    /**
     * Records where a declaration stands with the reporting channel (filed, accepted, rejected; see
     * {@link BopStatus} for the steps allowed), with a note of 1 to 500 characters: the reporting channel's
     * reference, or why it was rejected. Audited; a refusal changes nothing.
     */
    BopStatusResult recordStatus(Actor actor, UUID id, BopStatus status, String note);

    /**
     * The declarations of a period as CSV for the reporting channel, one line each:
     * {@code declaration_id,declared_on,merchant_id,direction,transaction_code,currency,amount,postscript,reference}
     * where direction is {@code RECEIPT} or {@code REFUND} and the amount is in major units.
     */
    String export(LocalDate from, LocalDate to);
}
