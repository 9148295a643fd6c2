package org.finbridge.risk.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's quality checks in small (bench/screening runs them at full size): on the real OFAC
 * SDN list with its aliases, variants of listed names are found (recall ≥ 98 %) and real-looking
 * names of people not on the list rarely hit (≤ 2 %).
 */
class ScreeningQualityTest {

    static LoadedList ofac;

    @BeforeAll
    static void load() throws Exception {
        ofac = SanctionsFiles.load(ListFormat.OFAC, resource("sdn.csv"), resource("alt.csv"), resource("add.csv"),
                SanctionsFiles.DEFAULT_THRESHOLD);
    }

    static byte[] resource(String name) throws Exception {
        try (InputStream in = ScreeningQualityTest.class.getResourceAsStream("/reference/sanctions/ofac-sdn-2021-04-25/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void variantsOfListedNamesAreFound() {
        List<ScreeningSamples.Variant> variants = ScreeningSamples.variants(ofac, 500, 7);
        assertThat(variants).hasSize(500);
        assertThat(ScreeningSamples.recall(ofac, variants)).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void unlistedNamesRarelyHit() {
        ScreeningSamples.Unlisted unlisted = ScreeningSamples.unlisted(ofac, 500, 11);
        assertThat(unlisted.names()).hasSizeGreaterThan(450);
        assertThat(ScreeningSamples.falseHitRate(ofac, unlisted.names())).isLessThanOrEqualTo(0.02);
    }
}
