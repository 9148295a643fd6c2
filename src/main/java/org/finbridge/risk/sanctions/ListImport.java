package org.finbridge.risk.sanctions;

/**
 * A list file to import as the new version of {@code listCode}.
 *
 * @param content the list file: OFAC {@code sdn.csv}, the UN XML, or the generic CSV
 * @param aliases OFAC only, optional: {@code alt.csv}
 * @param addresses OFAC only, optional: {@code add.csv}
 * @param allowShrink whether the new version may drop more than a tenth of the entries in force (a
 *                    list rarely shrinks that much; a truncated file does)
 */
public record ListImport(String listCode, ListFormat format, String sourceName, byte[] content, byte[] aliases,
                         byte[] addresses, boolean allowShrink) {
}
