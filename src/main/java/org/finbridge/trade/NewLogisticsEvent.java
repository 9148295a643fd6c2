package org.finbridge.trade;

/**
 * An event as a logistics provider reports it. In a bulk file the shipment is named by carrier and
 * waybill (the submitter does not know the platform's shipment ids); over the API by the path.
 *
 * @param type one of {@link LogisticsEventType}
 * @param occurredAt ISO-8601 instant
 * @param country ISO 3166-1 alpha-2
 * @param place a city, port or other free text
 */
public record NewLogisticsEvent(String carrier, String waybill, String type, String occurredAt, String country,
                                String place) {
}
