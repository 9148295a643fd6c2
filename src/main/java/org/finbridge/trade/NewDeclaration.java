package org.finbridge.trade;

import java.util.List;

/**
 * A customs declaration as reported, before validation.
 *
 * @param customsMode the four-digit supervision mode code: 9610, 9710, 9810, 1210 or 0110
 * @param direction EXPORT or IMPORT
 * @param merchantId omitted by a merchant (it is the caller); required from a marketplace or an operator
 * @param marketplaceId the marketplace of the order; omitted by a marketplace (it is the caller)
 * @param carrier with {@code waybill}, optional: the transport document declared
 * @param declaredAt ISO-8601 instant of the declaration
 */
public record NewDeclaration(String declarationNumber, String customsMode, String direction, String merchantId,
                             String marketplaceId, String orderNumber, String carrier, String waybill, String currency,
                             Long declaredValueMinorUnits, String declaredAt, List<Line> lines) {

    public record Line(String hsCode, String description, Long quantity, Long valueMinorUnits) {
    }
}
