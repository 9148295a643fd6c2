/**
 * Trade records (issue 5 §1): the orders marketplaces report, the shipments and logistics events
 * logistics providers report, and the customs declarations merchants file, received one at a time or in
 * bulk files, and matched per order into a {@link org.finbridge.trade.TradeRecord}: the customs'
 * three-document match (订单、支付单、物流单, 三单比对) plus the declaration. Mismatches (amounts,
 * quantities, parties, HS codes, timing) are flagged with their reasons and published as
 * {@link org.finbridge.trade.TradeRecordMismatched}; deliveries as
 * {@link org.finbridge.trade.ShipmentDelivered}, for settlement's release-on-delivery.
 *
 * <p>Payments are the payments module's: it answers {@link org.finbridge.trade.PaymentLookup}; a
 * marketplace may also push a payment reference for its order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trade records")
package org.finbridge.trade;
