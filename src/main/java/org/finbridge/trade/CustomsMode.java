package org.finbridge.trade;

import java.util.Arrays;
import java.util.Optional;

/**
 * China customs supervision modes (海关监管方式代码) under which cross-border e-commerce goods are
 * declared. Sources: the regulations notes §1.2 "Export customs supervision modes" and §1.1 "Modes"
 * (GACC announcements cited per mode below; each is a secondary source there, to be checked against the
 * official text before production).
 */
public enum CustomsMode {

    /**
     * 0110 一般贸易, general trade: the ordinary declaration of goods bought and sold across the border,
     * outside the e-commerce regimes. Also where retail imports end up once a buyer's annual CBEC limit is
     * exceeded (§1.1).
     */
    GENERAL_TRADE("0110", false),

    /**
     * 1210 保税跨境贸易电子商务, bonded e-commerce (GACC 2014 No. 57): retail goods that pass through a
     * special customs supervision zone or bonded site. For imports, "first line in tax-free, second line
     * out taxed": stock enters the bonded warehouse ahead of sales and is declared per order when it
     * leaves; for exports the rebate can be claimed when goods enter the zone.
     */
    BONDED_ECOMMERCE("1210", false),

    /**
     * 9610 跨境贸易电子商务, direct-mail B2C retail (GACC 2014 No. 12): each parcel goes straight to a
     * consumer and is cleared by list, declared in summary (清单核放、汇总申报). Used for direct-purchase
     * imports (直购进口) too.
     */
    ECOMMERCE_DIRECT("9610", false),

    /**
     * 9710 跨境电商B2B直接出口, B2B direct export (GACC 2020 No. 75, pilot from 2020-07-01, extended by
     * 2020 No. 92): a domestic company sells through a cross-border platform to a foreign company and
     * ships to it directly. Export only.
     */
    B2B_DIRECT_EXPORT("9710", true),

    /**
     * 9810 跨境电商出口海外仓, export to an overseas warehouse (GACC 2020 No. 75): goods go in bulk to a
     * warehouse abroad and are sold from there through a platform. Export only.
     */
    EXPORT_TO_OVERSEAS_WAREHOUSE("9810", true);

    private final String code;
    private final boolean exportOnly;

    CustomsMode(String code, boolean exportOnly) {
        this.code = code;
        this.exportOnly = exportOnly;
    }

    /** The four-digit code written on the declaration. */
    public String code() {
        return code;
    }

    /** True for the modes created for exports only (9710, 9810): an import under them is refused. */
    public boolean exportOnly() {
        return exportOnly;
    }

    public static Optional<CustomsMode> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
