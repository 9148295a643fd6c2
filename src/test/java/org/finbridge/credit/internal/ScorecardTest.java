package org.finbridge.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finbridge.credit.ReasonCode;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    static final Path GERMAN = Path.of("src/test/resources/credit/credit-g.arff");

    @Test
    void pointsAreScaledSixHundredAtFiftyToOneAndTwentyToDoubleTheOdds() {
        // probability of bad at 600 points: odds good:bad 50:1 -> 1/51
        assertThat(Scorecard.probabilityBad(600)).isCloseTo(1.0 / 51, within(1e-12));
        assertThat(Scorecard.probabilityBad(620)).isCloseTo(1.0 / 101, within(1e-12));
        assertThat(Scorecard.probabilityBad(580)).isCloseTo(1.0 / 26, within(1e-12));
    }

    @Test
    void numericBinsAreMonotonicInTheBadRate() throws Exception {
        Table table = TableReader.read(GERMAN, "class", null).table();
        for (Table.Column column : table.columns()) {
            if (column.kind() != Table.Kind.NUMERIC) {
                continue;
            }
            FeatureBinning binning = FeatureBinning.fit(column, table.outcomes());
            List<Double> woes = new ArrayList<>();
            for (int b = 0; b < binning.bins(); b++) {
                woes.add(binning.woe(b));
            }
            for (int b = 1; b < woes.size(); b++) {
                // the bad rate rises with the value (+1) means the weight of evidence falls, and the reverse
                if (binning.direction() > 0) {
                    assertThat(woes.get(b)).as(binning.toString()).isLessThan(woes.get(b - 1));
                } else {
                    assertThat(woes.get(b)).as(binning.toString()).isGreaterThan(woes.get(b - 1));
                }
            }
        }
    }

    @Test
    void theDurationOfACreditRaisesTheRiskAndCostsPointsWithAReason() throws Exception {
        Table table = TableReader.read(GERMAN, "class", null).table();
        Scorecard card = Scorecard.train(table);
        FeatureBinning duration = card.features().stream().filter(f -> f.name().equals("duration")).findFirst().orElseThrow();
        assertThat(duration.direction()).isEqualTo(1);
        Map<String, Object> row = table.row(0);
        row.put("duration", 6.0);
        double shortLoan = card.points(card.bins(row));
        row.put("duration", 60.0);
        int[] bins = card.bins(row);
        double longLoan = card.points(bins);
        assertThat(longLoan).isLessThan(shortLoan);
        List<ReasonCode> reasons = card.reasons(bins, null, Scorecard.MAX_REASONS);
        assertThat(reasons).extracting(ReasonCode::feature).contains("duration");
        assertThat(reasons).hasSizeLessThanOrEqualTo(4);
        assertThat(reasons).isSortedAccordingTo((a, b) -> Integer.compare(b.pointsLost(), a.pointsLost()));
        // the points and the probability agree through the scaling
        double[] probabilities = card.probabilityBad(table);
        assertThat(probabilities[0]).isCloseTo(Scorecard.probabilityBad(card.points(card.bins(table.row(0)))), within(1e-12));
    }

    @Test
    void anUnseenCategoryAndAMissingValueScoreWithoutFailing() throws Exception {
        Table table = TableReader.read(GERMAN, "class", null).table();
        Scorecard card = Scorecard.train(table);
        Map<String, Object> row = table.row(1);
        row.put("checking_status", "never seen");
        row.put("credit_amount", Double.NaN);
        double points = card.points(card.bins(row));
        assertThat(points).isBetween(300.0, 900.0);
    }

    @Test
    void aucGiniAndKsOfKnownOrderings() {
        boolean[] bad = {true, true, false, false};
        assertThat(Auc.auc(new double[] {0.9, 0.8, 0.2, 0.1}, bad)).isEqualTo(1.0);
        assertThat(Auc.auc(new double[] {0.1, 0.2, 0.8, 0.9}, bad)).isEqualTo(0.0);
        assertThat(Auc.auc(new double[] {0.5, 0.5, 0.5, 0.5}, bad)).isEqualTo(0.5);
        assertThat(Auc.gini(new double[] {0.9, 0.3, 0.5, 0.1}, bad)).isCloseTo(0.5, within(1e-12));
        assertThat(Auc.ks(new double[] {0.9, 0.8, 0.2, 0.1}, bad)).isEqualTo(1.0);
    }

    @Test
    void foldsAreStratified() {
        boolean[] bad = new boolean[1000];
        for (int i = 0; i < 300; i++) {
            bad[i * 3] = true;
        }
        int[] folds = CrossValidation.stratifiedFolds(bad, 5, 1);
        for (int f = 0; f < 5; f++) {
            int rows = 0;
            int bads = 0;
            for (int i = 0; i < bad.length; i++) {
                if (folds[i] == f) {
                    rows++;
                    bads += bad[i] ? 1 : 0;
                }
            }
            assertThat(rows).isEqualTo(200);
            assertThat(bads).isEqualTo(60);
        }
    }
}
