package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/** The register of payment institutions' licences, and the check of a transaction against them. */
public interface PaymentInstitutions {

    /**
     * Registers a licence, or replaces the institution's registration (audited). A connector is operated by one
     * institution at a time: a licence naming a connector takes it from the licence that named it before.
     */
    Licence register(Licence licence);

    Optional<Licence> find(PartyId institution);

    List<Licence> all();

    /** The institution whose licence, valid on the day, names the connector (one at most: see {@link #register}). */
    Optional<Licence> operating(String connector, LocalDate day);

    /** May the institution carry this transaction of this business in this region on this day? */
    InstitutionCheck check(PartyId institution, String scope, String region, Money amount, LocalDate day);
}
