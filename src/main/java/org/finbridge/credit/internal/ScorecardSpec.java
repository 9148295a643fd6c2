package org.finbridge.credit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A scorecard as stored in the model registry: bins, weights of evidence and coefficients, as JSON. */
record ScorecardSpec(double intercept, List<Feature> features) {

    record Feature(String name, String kind, double[] cuts, Map<String, Integer> categoryBins, int otherBin, double[] woe,
                   double missingWoe, String[] labels, double informationValue, int direction, double coefficient) {
    }

    static ScorecardSpec of(Scorecard card) {
        List<Feature> features = new ArrayList<>();
        double[] coefficients = card.coefficients();
        for (int j = 0; j < card.features().size(); j++) {
            FeatureBinning f = card.features().get(j);
            double[] woe = new double[f.bins()];
            String[] labels = new String[f.bins()];
            for (int b = 0; b < f.bins(); b++) {
                woe[b] = f.woe(b);
                labels[b] = f.label(b);
            }
            features.add(new Feature(f.name(), f.kind().name(), f.cuts(), f.categoryBins(), f.otherBin(), woe,
                    f.missingWoe(), labels, f.informationValue(), f.direction(), coefficients[j]));
        }
        return new ScorecardSpec(card.intercept(), features);
    }

    Scorecard toScorecard() {
        List<FeatureBinning> binnings = new ArrayList<>();
        double[] coefficients = new double[features.size()];
        for (int j = 0; j < features.size(); j++) {
            Feature f = features.get(j);
            binnings.add(new FeatureBinning(f.name(), Table.Kind.valueOf(f.kind()), f.cuts(), f.categoryBins(), f.otherBin(),
                    f.woe(), f.missingWoe(), f.labels(), f.informationValue(), f.direction()));
            coefficients[j] = f.coefficient();
        }
        return new Scorecard(binnings, intercept, coefficients);
    }
}
