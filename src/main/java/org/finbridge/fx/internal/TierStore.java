package org.finbridge.fx.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.finbridge.fx.PricingTier;
import org.finbridge.fx.PricingTiers;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TierStore implements PricingTiers {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    TierStore(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PricingTier of(PartyId party) {
        return jdbc.sql("select tier from fx_pricing_tiers where party_id = :party").param("party", party.value())
                .query(String.class).optional().map(PricingTier::valueOf).orElse(PricingTier.STANDARD);
    }

    @Override
    @Transactional
    public void assign(PartyId party, PricingTier tier, String actor) {
        PricingTier before = of(party);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update fx_pricing_tiers set tier = :tier, updated_at = :now, updated_by = :actor where party_id = :party")
                .param("tier", tier.name()).param("now", now).param("actor", actor).param("party", party.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into fx_pricing_tiers (party_id, tier, updated_at, updated_by) values (:party, :tier, :now, :actor)")
                    .param("party", party.value()).param("tier", tier.name()).param("now", now).param("actor", actor).update();
        }
        audit.record(actor, "fx.pricing_tier.assign", "party", party.toString(), before.name(), tier.name());
    }
}
