package org.finbridge.credit.internal;

import org.finbridge.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.finbridge.credit.ModelVersion;
import org.finbridge.credit.ValidationReport;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry: versions of a scorecard, each stored with its bins and coefficients and a
 * validation report on held-out data (AUC, Gini, KS, calibration by score band, and the population
 * stability index against the previous version). Registering a version activates it; the scores it
 * produces carry its id ({@code name:version}), so every score can be traced to the exact model.
 */
@Service
public class CreditModelRegistry {

    public static final String MERCHANT_SCORECARD = "merchant-scorecard";
    /** Score bands for calibration and PSI: below 520, every 20 points to 680, 680 and above. */
    static final int[] BAND_EDGES = {520, 540, 560, 580, 600, 620, 640, 660, 680};

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ConcurrentHashMap<String, Loaded> cache = new ConcurrentHashMap<>();

    public record Loaded(ModelVersion version, Scorecard scorecard) {
    }

    CreditModelRegistry(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Trains a scorecard on the training table, validates it on the validation table, stores it as the next
     * version of the name and activates it.
     */
    @Transactional
    public ModelVersion register(String name, Table training, Table validation, String actor) {
        Scorecard card = Scorecard.train(training);
        Optional<Loaded> previous = active(name);
        ValidationReport report = validate(card, training.rows(), validation,
                previous.map(p -> p.version().report().bandShares()).orElse(null));
        int version = jdbc.sql("select coalesce(max(version_no), 0) from credit_models where name = :n").param("n", name)
                .query(Integer.class).single() + 1;
        Instant now = clock.instant();
        jdbc.sql("update credit_models set active = false where name = :n and active").param("n", name).update();
        UUID id = TimeOrderedIds.next(clock);
        jdbc.sql("""
                insert into credit_models (id, name, version_no, created_at, created_by, active, spec, report)
                values (:id, :name, :v, :at, :by, true, :spec, :report)""")
                .param("id", id).param("name", name).param("v", version).param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", actor).param("spec", json.writeValueAsString(ScorecardSpec.of(card)))
                .param("report", json.writeValueAsString(report)).update();
        audit.record(actor, "credit.model.register", "credit_model", name + ":" + version, previous.map(p -> p.version().id())
                .orElse(null), String.format(Locale.ROOT, "AUC %.4f Gini %.4f KS %.4f PSI %s", report.auc(), report.gini(),
                report.ks(), report.psi() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", report.psi())));
        cache.remove(name);
        return new ModelVersion(name, version, now, actor, true, report);
    }

    static ValidationReport validate(Scorecard card, int trainingRows, Table validation, double[] previousShares) {
        double[] pd = card.probabilityBad(validation);
        boolean[] bad = validation.outcomes();
        int bands = BAND_EDGES.length + 1;
        int[] rows = new int[bands];
        double[] predicted = new double[bands];
        int[] observed = new int[bands];
        for (int r = 0; r < pd.length; r++) {
            double points = pointsOf(pd[r]);
            int band = band(points);
            rows[band]++;
            predicted[band] += pd[r];
            observed[band] += bad[r] ? 1 : 0;
        }
        List<ValidationReport.CalibrationBand> calibration = new ArrayList<>();
        double[] shares = new double[bands];
        for (int b = 0; b < bands; b++) {
            shares[b] = (double) rows[b] / pd.length;
            if (rows[b] > 0) {
                calibration.add(new ValidationReport.CalibrationBand(bandLabel(b), rows[b], predicted[b] / rows[b],
                        (double) observed[b] / rows[b]));
            }
        }
        Double psi = previousShares == null ? null : psi(previousShares, shares);
        return new ValidationReport(trainingRows, pd.length, Auc.auc(pd, bad), Auc.gini(pd, bad), Auc.ks(pd, bad),
                calibration, shares, psi);
    }

    /** PSI = Σ (actual − expected) · ln(actual / expected), empty bands floored at 0.0001. */
    static double psi(double[] expected, double[] actual) {
        double psi = 0;
        for (int b = 0; b < expected.length; b++) {
            double e = Math.max(expected[b], 1e-4);
            double a = Math.max(actual[b], 1e-4);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    static double pointsOf(double probabilityBad) {
        double p = Math.min(Math.max(probabilityBad, 1e-12), 1 - 1e-12);
        return Scorecard.OFFSET + Scorecard.FACTOR * Math.log((1 - p) / p);
    }

    static int band(double points) {
        int b = 0;
        while (b < BAND_EDGES.length && points >= BAND_EDGES[b]) {
            b++;
        }
        return b;
    }

    static String bandLabel(int b) {
        if (b == 0) {
            return "<" + BAND_EDGES[0];
        }
        if (b == BAND_EDGES.length) {
            return ">=" + BAND_EDGES[BAND_EDGES.length - 1];
        }
        return BAND_EDGES[b - 1] + "-" + (BAND_EDGES[b] - 1);
    }

    /** The active version of a model and its scorecard. */
    public Optional<Loaded> active(String name) {
        Loaded cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Loaded> loaded = jdbc.sql("""
                select version_no, created_at, created_by, active, spec, report from credit_models
                where name = :n and active""").param("n", name).query((rs, i) -> new Loaded(
                new ModelVersion(name, rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getBoolean(4), json.readValue(rs.getString(6), ValidationReport.class)),
                json.readValue(rs.getString(5), ScorecardSpec.class).toScorecard())).optional();
        loaded.ifPresent(l -> cache.put(name, l));
        return loaded;
    }

    public List<ModelVersion> versions(String name) {
        return jdbc.sql("""
                select version_no, created_at, created_by, active, report from credit_models where name = :n
                order by version_no""").param("n", name).query((rs, i) -> new ModelVersion(name, rs.getInt(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getBoolean(4),
                json.readValue(rs.getString(5), ValidationReport.class))).list();
    }
}
