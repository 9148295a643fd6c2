package org.finbridge.risk.fraud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * Training is reproducible, the exported parameters score exactly as Tribuo's model does, the model file
 * round-trips and refuses what is not a model, and the evaluation's figures mean what they say.
 */
class FraudModelTest {

    static FraudTrainer.Result trained;

    @BeforeAll
    static void train() {
        trained = FraudTrainer.train(new TransactionSimulator.Settings(42, 30, 3_000, 80, Attempts.T0), "test-42");
    }

    @Test
    void theExportedParametersGiveTribuosProbabilities() {
        List<Replay.Row> rows = trained.testRows().subList(0, 300);
        for (Replay.Row r : rows) {
            Prediction<Label> p = trained.tribuoModel().predict(FraudTrainer.example(r));
            double tribuo = p.getOutputScores().get(FraudTrainer.FRAUD.getLabel()).getScore();
            assertThat(trained.scorer().score(r.features())).isCloseTo(tribuo, within(1e-9));
        }
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        FraudTrainer.Result again = FraudTrainer.train(new TransactionSimulator.Settings(42, 30, 3_000, 80, Attempts.T0), "test-42");
        assertThat(again.scorer().toText()).isEqualTo(trained.scorer().toText());
        assertThat(again.test().auc()).isEqualTo(trained.test().auc());
    }

    @Test
    void theModelBeatsTheTrivialBaselineOnHeldOutDays() {
        assertThat(trained.test().auc()).isGreaterThan(0.85);
        assertThat(trained.test().auc()).isGreaterThan(trained.baseline().auc() + 0.2);
        var atOnePercent = trained.test().at(0.01);
        assertThat(atOnePercent.recall()).isGreaterThan(0.4);
        assertThat(trained.scorer().blockAt()).isGreaterThan(trained.scorer().challengeAt());
        assertThat(trained.scorer().challengeAt()).isGreaterThan(trained.scorer().reviewAt());
    }

    @Test
    void aModelFileRoundTripsAndItsReportComesWithIt() {
        ModelFile file = ModelFile.of(trained, "simulator seed 42");
        ModelFile read = ModelFile.parse(file.toText());
        assertThat(read.scorer()).isEqualTo(LinearScorer.fromText(trained.scorer().toText()));
        assertThat(read.auc()).isCloseTo(trained.test().auc(), within(1e-5));
        assertThat(read.points()).hasSize(Evaluation.FIXED_FPRS.length);
        assertThat(ModelFile.parseReport(file.reportText())).hasSize(Evaluation.FIXED_FPRS.length);
    }

    @Test
    void whatIsNotAModelIsRefusedWithTheReason() {
        String text = ModelFile.of(trained, "s").toText();
        assertThatThrownBy(() -> ModelFile.parse(text.replaceAll("(?m)^w\\.card_attempts_1h=.*$", "")))
                .hasMessageContaining("no weight for card_attempts_1h");
        assertThatThrownBy(() -> ModelFile.parse(text + "w.shoe_size=1.0\n")).hasMessageContaining("unknown feature");
        assertThatThrownBy(() -> ModelFile.parse(text.replaceAll("(?m)^report\\.auc=.*$", ""))).hasMessageContaining("report.auc");
        assertThatThrownBy(() -> ModelFile.parse("just some words")).hasMessageContaining("not a model line");
        assertThatThrownBy(() -> ModelFile.parse(text.replaceAll("(?m)^bias=.*$", "bias=high"))).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theShippedModelIsReadableAndMeetsTheIssuesBar() {
        ModelFile shipped = ModelRegistry.shipped();
        assertThat(shipped.auc()).isGreaterThanOrEqualTo(0.95);
        assertThat(shipped.points().stream().filter(p -> p.falsePositiveRate() == 0.01).findFirst().orElseThrow().recall())
                .isGreaterThanOrEqualTo(0.70);
    }

    @Test
    void aucAndOperatingPointsOnAKnownRanking() {
        // scores 0.1..1.0; the three highest are fraud, plus one fraud hidden at 0.2
        double[] s = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        boolean[] f = {false, true, false, false, false, false, false, true, true, true};
        var r = Evaluation.of(s, f);
        // of 4 x 6 pairs, the fraud at 0.2 beats one legitimate attempt, the others beat all six: (1 + 18) / 24
        assertThat(r.auc()).isCloseTo(19 / 24.0, within(1e-12));
        var zero = r.points().get(0); // FPR 0.1 % of 6 legitimate attempts: none may be flagged
        assertThat(zero.threshold()).isEqualTo(0.7);
        assertThat(zero.recall()).isEqualTo(0.75);
        assertThat(zero.precision()).isEqualTo(1.0);
    }
}
