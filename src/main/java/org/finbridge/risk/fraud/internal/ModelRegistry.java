package org.finbridge.risk.fraud.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.Actor;
import org.finbridge.risk.fraud.FraudModelVersion;
import org.finbridge.risk.fraud.FraudModels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fraud model registry in SQL. At start, when no model is registered, the model shipped with
 * Finbridge ({@link ModelFile#SHIPPED}, written by {@code bin/finbridge risk train-fraud}) is registered
 * and activated; the active model is handed to the {@link FraudEngine}.
 */
@Service
class ModelRegistry implements FraudModels {

    static final String ALGORITHM = "logistic-regression";

    private final JdbcClient jdbc;
    private final FraudEngine engine;
    private final FraudAudit audit;
    private final Clock clock;

    ModelRegistry(JdbcClient jdbc, FraudEngine engine, FraudAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
    }

    static ModelFile shipped() {
        try (InputStream in = ModelRegistry.class.getResourceAsStream(ModelFile.SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped fraud model " + ModelFile.SHIPPED + " is missing from the build");
            }
            return ModelFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the shipped model if the registry is empty, and loads the active model into the engine. */
    @Transactional
    public void start() {
        Integer count = jdbc.sql("select count(*) from fraud_models").query(Integer.class).single();
        if (count == 0) {
            ModelFile file = shipped();
            insert(file, file.source() + " (shipped with Finbridge)", true);
        }
        activeParameters().ifPresent(text -> engine.useModel(LinearScorer.fromText(text)));
    }

    @Override
    public List<FraudModelVersion> versions() {
        return jdbc.sql("select * from fraud_models order by created_at desc, version").query(ModelRegistry::version).list();
    }

    @Override
    public Optional<FraudModelVersion> active() {
        return jdbc.sql("select * from fraud_models where active = true").query(ModelRegistry::version).optional();
    }

    private Optional<String> activeParameters() {
        return jdbc.sql("select parameters from fraud_models where active = true").query(String.class).optional();
    }

    @Override
    @Transactional
    public RegisterResult register(String modelText, String source, boolean activate, Actor actor) {
        ModelFile file;
        try {
            file = ModelFile.parse(modelText == null ? "" : modelText);
        } catch (IllegalArgumentException e) {
            return new Refused(e.getMessage());
        }
        String version = file.scorer().version();
        if (!version.matches("[A-Za-z0-9._-]{1,60}")) {
            return new Refused("the version must be 1 to 60 letters, digits, '.', '_' or '-'");
        }
        Optional<String> existing = jdbc.sql("select parameters from fraud_models where version = :v").param("v", version)
                .query(String.class).optional();
        if (existing.isPresent()) {
            if (LinearScorer.fromText(existing.get()).equals(file.scorer())) {
                return new AlreadyRegistered(find(version).orElseThrow());
            }
            return new Refused("version " + version + " is registered with other parameters; give the new model another version");
        }
        insert(file, source == null || source.isBlank() ? file.source() : source, false);
        audit.record(actor, "risk.fraud.model.register", FraudAudit.MODEL, version, null,
                "auc " + file.auc() + ", " + file.source());
        if (activate) {
            activate(version, actor);
        }
        return new Registered(find(version).orElseThrow());
    }

    @Override
    @Transactional
    public boolean activate(String version, Actor actor) {
        Optional<FraudModelVersion> model = find(version);
        if (model.isEmpty()) {
            return false;
        }
        String before = active().map(FraudModelVersion::version).orElse(null);
        jdbc.sql("update fraud_models set active = case when version = :v then true else false end").param("v", version).update();
        engine.useModel(LinearScorer.fromText(activeParameters().orElseThrow()));
        audit.record(actor, "risk.fraud.model.activate", FraudAudit.MODEL, version, before, version);
        return true;
    }

    Optional<FraudModelVersion> find(String version) {
        return jdbc.sql("select * from fraud_models where version = :v").param("v", version).query(ModelRegistry::version).optional();
    }

    private void insert(ModelFile file, String source, boolean active) {
        jdbc.sql("""
                insert into fraud_models (version, algorithm, created_at, active, source, parameters, test_attempts,
                    test_frauds, auc, baseline_auc, report)
                values (:v, :algorithm, :at, :active, :source, :parameters, :attempts, :frauds, :auc, :baseline, :report)""")
                .param("v", file.scorer().version()).param("algorithm", ALGORITHM)
                .param("at", DecisionStore.at(clock.instant())).param("active", active)
                .param("source", source.length() > 300 ? source.substring(0, 300) : source)
                .param("parameters", file.scorer().toText()).param("attempts", file.testAttempts())
                .param("frauds", file.testFrauds()).param("auc", file.auc()).param("baseline", file.baselineAuc())
                .param("report", file.reportText()).update();
    }

    private static FraudModelVersion version(ResultSet rs, int n) throws SQLException {
        return new FraudModelVersion(rs.getString("version"), rs.getString("algorithm"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("active"), rs.getString("source"),
                rs.getInt("test_attempts"), rs.getInt("test_frauds"), rs.getDouble("auc"), rs.getDouble("baseline_auc"),
                ModelFile.parseReport(rs.getString("report")));
    }
}
