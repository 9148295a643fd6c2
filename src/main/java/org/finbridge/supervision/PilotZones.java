package org.finbridge.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.finbridge.party.PartyId;

/** Pilot zones held as data, and the rules they apply to their participants. */
public interface PilotZones {

    /** Creates a zone or changes its policy (a new version; audited), as the platform: whoever holds the zone keeps it. */
    PilotZone define(PilotZone zone);

    /**
     * A regulator creates a zone or changes its policy. A zone is held by the regulator that defined it: another
     * regulator's change is refused (empty), exactly as for a zone that does not exist; a zone nobody holds yet
     * becomes this regulator's.
     */
    Optional<PilotZone> defineAs(PartyId authority, PilotZone zone);

    /** The regulator holding a zone's policy; empty for a zone nobody holds, or no such zone. */
    Optional<PartyId> authorityOf(String code);

    Optional<PilotZone> find(String code);

    List<PilotZone> all();

    /** The zones a party participates in that are active on a day. */
    List<PilotZone> of(PartyId party, LocalDate day);

    /** The capabilities the party's active zones give it on a day. */
    Set<String> capabilities(PartyId party, LocalDate day);

    /**
     * A rule as it applies to a party on a day: an active zone's limit where the party participates in one
     * (the most generous, i.e. the largest, if several), else the rule book's.
     */
    java.math.BigDecimal rule(String key, PartyId party, LocalDate day);
}
