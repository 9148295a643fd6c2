package org.finbridge.credit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.credit.CreditGrade;
import org.finbridge.credit.CreditScore;
import org.finbridge.credit.CreditScores;
import org.finbridge.credit.ReasonCode;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Scores as stored, newest last per party; the reasons travel as one text column (code|feature|value|points|words). */
@Service
public class ScoreStore implements CreditScores {

    private final JdbcClient jdbc;

    ScoreStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CreditScore> latest(PartyId party) {
        return jdbc.sql("""
                select party_id, points, grade, probability_bad, model_version, reasons, scored_at from credit_scores
                where party_id = :p order by scored_at desc, id desc fetch first 1 rows only""")
                .param("p", party.value()).query(ScoreStore::read).optional();
    }

    List<CreditScore> history(PartyId party, int limit) {
        return jdbc.sql("""
                select party_id, points, grade, probability_bad, model_version, reasons, scored_at from credit_scores
                where party_id = :p order by scored_at desc, id desc fetch first :n rows only""")
                .param("p", party.value()).param("n", limit).query(ScoreStore::read).list();
    }

    void insert(UUID id, CreditScore score) {
        jdbc.sql("""
                insert into credit_scores (id, party_id, points, grade, probability_bad, model_version, reasons, scored_at)
                values (:id, :p, :points, :grade, :pd, :model, :reasons, :at)""")
                .param("id", id).param("p", score.party().value()).param("points", score.points())
                .param("grade", score.grade().name()).param("pd", score.probabilityOfDefault())
                .param("model", score.modelVersion()).param("reasons", encode(score.reasons()))
                .param("at", score.scoredAt().atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * PostgreSQL, outside any transaction: stores one score in a statement of its own whose commit does not
     * wait for the WAL flush. {@code set_config(..., true)} applies to the statement's own transaction only
     * (the connection's setting is back to the server's durable default after it), and the commit reads the
     * setting before it is reset. One round trip instead of four (begin, set, insert, commit).
     */
    void insertWithoutFlushWait(UUID id, CreditScore score) {
        jdbc.sql("""
                insert into credit_scores (id, party_id, points, grade, probability_bad, model_version, reasons, scored_at)
                select :id, :p, :points, :grade, :pd, :model, :reasons, :at
                from (select set_config('synchronous_commit', 'off', true)) relaxed""")
                .param("id", id).param("p", score.party().value()).param("points", score.points())
                .param("grade", score.grade().name()).param("pd", score.probabilityOfDefault())
                .param("model", score.modelVersion()).param("reasons", encode(score.reasons()))
                .param("at", score.scoredAt().atOffset(ZoneOffset.UTC)).update();
    }

    /** Stores many scores with multi-row inserts of {@link #ROWS_PER_INSERT}: one round trip per chunk, not per score. */
    void insertAll(UUID[] ids, List<CreditScore> scores) {
        for (int from = 0; from < scores.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(scores.size(), from + ROWS_PER_INSERT);
            StringBuilder sql = new StringBuilder("insert into credit_scores (id, party_id, points, grade, probability_bad,"
                    + " model_version, reasons, scored_at) values ");
            List<Object> params = new ArrayList<>((to - from) * 8);
            for (int i = from; i < to; i++) {
                CreditScore score = scores.get(i);
                sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
                params.add(ids[i]);
                params.add(score.party().value());
                params.add(score.points());
                params.add(score.grade().name());
                params.add(score.probabilityOfDefault());
                params.add(score.modelVersion());
                params.add(encode(score.reasons()));
                params.add(score.scoredAt().atOffset(ZoneOffset.UTC));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** Rows per multi-row insert: far below PostgreSQL's 32,767 parameters per statement. */
    static final int ROWS_PER_INSERT = 500;

    public static String encode(List<ReasonCode> reasons) {
        StringBuilder text = new StringBuilder();
        for (ReasonCode r : reasons) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(clean(r.code())).append('|').append(clean(r.feature())).append('|').append(clean(r.value()))
                    .append('|').append(r.pointsLost()).append('|').append(clean(r.description()));
        }
        return text.toString();
    }

    static List<ReasonCode> decode(String text) {
        List<ReasonCode> reasons = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return reasons;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split("\\|", 5);
            reasons.add(new ReasonCode(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4]));
        }
        return reasons;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('|', '/').replace('\n', ' ');
    }

    static CreditScore read(ResultSet rs, int row) throws SQLException {
        return new CreditScore(new PartyId(rs.getObject(1, UUID.class)), rs.getInt(2), CreditGrade.valueOf(rs.getString(3)),
                decode(rs.getString(6)), rs.getDouble(4), rs.getString(5), rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}
