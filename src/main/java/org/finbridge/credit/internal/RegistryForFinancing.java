package org.finbridge.credit.internal;

import java.util.Optional;
import org.finbridge.credit.CreditScores;
import org.finbridge.credit.DishonestyList;
import org.finbridge.financing.CreditStanding;
import org.finbridge.financing.ListingCheck;
import org.finbridge.party.PartyId;
import org.springframework.stereotype.Component;

/**
 * The registry answers financing's two questions: a party's standing (its latest score and grade, which
 * lenders set their limits by) and whether it is on the dishonesty list. A party the registry has not
 * scored has no standing, and financing refers its application to a person.
 */
@Component
class RegistryForFinancing implements CreditStanding, ListingCheck {

    private final CreditScores scores;
    private final DishonestyList list;

    RegistryForFinancing(CreditScores scores, DishonestyList list) {
        this.scores = scores;
        this.list = list;
    }

    @Override
    public Optional<Standing> of(PartyId party) {
        return scores.latest(party).map(s -> new Standing(s.points(), s.grade().name(), s.scoredAt()));
    }

    @Override
    public Listing check(PartyId party) {
        return list.isListed(party) ? Listing.LISTED : Listing.NOT_LISTED;
    }
}
