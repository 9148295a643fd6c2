package org.finbridge.credit;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.PartyId;

/** Intake of records from data providers, with provenance and the collection rules of REGULATIONS.md §3.1. */
public interface Contributions {

    ContributionResult submit(NewContribution contribution);

    /** The records held about a subject, oldest first (removed records excluded). */
    List<Contribution> about(PartyId subject);

    /** One record by its id ({@code ctb_…}), whatever its state; empty for an unknown or malformed id. */
    Optional<Contribution> find(String contributionId);
}
