package org.finbridge.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.credit.DishonestyList;
import org.finbridge.credit.DishonestyListing;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the dishonesty list. A case counts as listed while its state is LISTED or APPEALED (an appeal does
 * not suspend the listing until the human review decides) and its publication period has not run out:
 * publication stops automatically at the maximum (REGULATIONS.md §3.4), even before the expiry job runs.
 */
@Service
class ListingStore implements DishonestyList {

    static final String PREFIX = "lst";

    private final JdbcClient jdbc;
    private final Clock clock;

    ListingStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String SELECT = """
            select id, party_id, party_name, registration_code, policy, severity, conduct, listed_at, published_until
            from credit_listing_cases where state in ('LISTED', 'APPEALED') and published_until > :now""";

    @Override
    public boolean isListed(PartyId party) {
        return listing(party).isPresent();
    }

    @Override
    public Optional<DishonestyListing> listing(PartyId party) {
        return jdbc.sql(SELECT + " and party_id = :p order by listed_at fetch first 1 rows only")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("p", party.value())
                .query(ListingStore::read).optional();
    }

    @Override
    public List<DishonestyListing> search(String registrationCodeOrName) {
        String text = registrationCodeOrName == null ? "" : registrationCodeOrName.strip();
        if (text.length() < 2) {
            return List.of();
        }
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + " and (registration_code = :code or lower(party_name) like :like escape '\\')"
                        + " order by listed_at desc fetch first 50 rows only")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("code", text.toUpperCase(Locale.ROOT))
                .param("like", like).query(ListingStore::read).list();
    }

    static DishonestyListing read(ResultSet rs, int row) throws SQLException {
        return new DishonestyListing(TimeOrderedIds.format(PREFIX, rs.getObject(1, UUID.class)),
                new PartyId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }
}
