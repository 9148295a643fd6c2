package org.finbridge.trade;

/**
 * A shipment as a logistics provider reports it.
 *
 * @param logisticsProviderId omitted by a logistics provider (it is the caller); required from an operator
 * @param marketplaceId the marketplace whose order this is
 * @param orderNumber that marketplace's order number
 */
public record NewShipment(String logisticsProviderId, String carrier, String waybill, String marketplaceId,
                          String orderNumber) {
}
