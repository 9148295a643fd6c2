package org.finbridge.credit.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.finbridge.credit.PublicGrade;
import org.finbridge.credit.PublicGrades;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opt-in publication of a seller's grade: only the band and the score's date, never the points or reasons. */
@Service
class PublicGradeService implements PublicGrades {

    private final JdbcClient jdbc;
    private final ScoreStore scores;
    private final Parties parties;
    private final AuditLog audit;
    private final Clock clock;

    PublicGradeService(JdbcClient jdbc, ScoreStore scores, Parties parties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void optIn(PartyId party) {
        int updated = jdbc.sql("select count(*) from credit_public_grades where party_id = :p").param("p", party.value())
                .query(Integer.class).single();
        if (updated == 0) {
            jdbc.sql("insert into credit_public_grades (party_id, opted_in_at) values (:p, :at)").param("p", party.value())
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
            audit.record(null, "credit.grade.publish", "party", party.toString(), null, "opted in");
        }
    }

    @Override
    @Transactional
    public void optOut(PartyId party) {
        if (jdbc.sql("delete from credit_public_grades where party_id = :p").param("p", party.value()).update() > 0) {
            audit.record(null, "credit.grade.unpublish", "party", party.toString(), "opted in", "opted out");
        }
    }

    @Override
    public Optional<PublicGrade> of(PartyId party) {
        boolean published = jdbc.sql("select count(*) from credit_public_grades where party_id = :p")
                .param("p", party.value()).query(Integer.class).single() > 0;
        if (!published) {
            return Optional.empty();
        }
        return scores.latest(party).flatMap(s -> parties.find(party)
                .map(p -> new PublicGrade(party, p.legalName(), s.grade(), s.scoredAt())));
    }
}
