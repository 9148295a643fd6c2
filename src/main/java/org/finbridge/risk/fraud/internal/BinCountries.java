package org.finbridge.risk.fraud.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.party.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issuing country of card BINs, as operators load it from a licensed BIN table (no public-domain
 * BIN table exists; the networks and BIN data providers license theirs). Held in memory for scoring.
 */
@Component
public class BinCountries {

    private final JdbcClient jdbc;
    private final FraudAudit audit;
    private final Clock clock;
    private final Map<String, String> countries = new ConcurrentHashMap<>();

    BinCountries(JdbcClient jdbc, FraudAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    void load() {
        jdbc.sql("select bin, country from fraud_bin_countries").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> countries.put(e.getKey(), e.getValue()));
    }

    public String countryOf(String bin) {
        return bin == null ? null : countries.get(bin);
    }

    public Optional<String> find(String bin) {
        return Optional.ofNullable(countryOf(bin));
    }

    /** Sets a BIN's issuing country (audited); the caller has checked the shapes. */
    @Transactional
    public void put(String bin, String country, Actor actor) {
        String before = countries.get(bin);
        int updated = jdbc.sql("update fraud_bin_countries set country = :c, updated_at = :at, updated_by = :by where bin = :b")
                .param("c", country).param("at", DecisionStore.at(clock.instant())).param("by", actor.name()).param("b", bin).update();
        if (updated == 0) {
            jdbc.sql("insert into fraud_bin_countries (bin, country, updated_at, updated_by) values (:b, :c, :at, :by)")
                    .param("c", country).param("at", DecisionStore.at(clock.instant())).param("by", actor.name()).param("b", bin).update();
        }
        countries.put(bin, country);
        audit.record(actor, "risk.fraud.bin.set", FraudAudit.BIN, bin, before, country);
    }
}
