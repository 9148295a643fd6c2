package org.finbridge.trade.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.finbridge.party.PartyId;
import org.finbridge.trade.Declaration;
import org.finbridge.trade.Mismatch;
import org.finbridge.trade.NoPaymentsYet;
import org.finbridge.trade.Order;
import org.finbridge.trade.OrderReference;
import org.finbridge.trade.PaidAmount;
import org.finbridge.trade.PaymentLookup;
import org.finbridge.trade.Shipment;
import org.finbridge.trade.TradeRecord;
import org.finbridge.trade.TradeRecordId;
import org.finbridge.trade.TradeRecordMismatched;
import org.finbridge.trade.TradeRecords;
import org.finbridge.trade.internal.matching.TradeRecordMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles trade records from their documents and matches them. Records are derived on every read; after
 * each submission the records it touched are matched again, and when one's mismatches change to a new,
 * non-empty set, {@link TradeRecordMismatched} is published in the submission's transaction (so it is
 * published if and only if the documents commit).
 */
@Service
class TradeRecordService implements TradeRecords {

    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final DeclarationStore declarations;
    private final TradePaymentStore pushedPayments;
    private final ObjectProvider<PaymentLookup> paymentLookup;
    private final RecordCheckStore checks;
    private final TradeRecordMatcher matcher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TradeRecordService(OrderStore orders, ShipmentStore shipments, DeclarationStore declarations, TradePaymentStore pushedPayments,
                       ObjectProvider<PaymentLookup> paymentLookup, RecordCheckStore checks, TradeRecordMatcher matcher,
                       ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.declarations = declarations;
        this.pushedPayments = pushedPayments;
        this.paymentLookup = paymentLookup;
        this.checks = checks;
        this.matcher = matcher;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TradeRecord> find(TradeRecordId id) {
        return Optional.ofNullable(load(List.of(id.value()), Map.of()).get(id.value()));
    }

    @Override
    @Transactional(readOnly = true)
    public TradeRecord of(OrderReference reference) {
        TradeRecord found = load(List.of(reference.recordId().value()), Map.of()).get(reference.recordId().value());
        return found != null ? found
                : new TradeRecord(reference.recordId(), reference, null, List.of(), List.of(), List.of(), List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<TradeRecord> ofMerchant(PartyId merchant, int limit) {
        List<UUID> ids = orders.latestRecordsOf(merchant, Math.max(0, Math.min(limit, 500)));
        Map<UUID, TradeRecord> records = load(ids, Map.of());
        return ids.stream().map(records::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Matches the records of these references again, in the caller's transaction, stores what changed and
     * publishes {@link TradeRecordMismatched} for each record whose mismatches changed to a non-empty set.
     *
     * @param known orders the caller holds already (just written), by record id, so they are not read back
     */
    void recheck(Collection<OrderReference> references, Map<UUID, Order> known) {
        Set<UUID> ids = references.stream().map(r -> r.recordId().value()).collect(Collectors.toCollection(HashSet::new));
        if (paymentLookup() instanceof NoPaymentsYet) {
            // every rule compares two documents: a record holding only its order has nothing to match yet
            ids = checks.withMoreThanAnOrder(ids);
            if (ids.isEmpty()) {
                return;
            }
        }
        Map<UUID, TradeRecord> records = load(ids, known);
        Map<UUID, String> last = checks.last(ids);
        for (TradeRecord record : records.values()) {
            String summary = summary(record.mismatches());
            String previous = last.get(record.id().value());
            if ((previous == null && record.mismatches().isEmpty()) || summary.equals(previous)) {
                continue;
            }
            checks.save(record.reference(), summary, previous != null, clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (!record.mismatches().isEmpty()) {
                PartyId merchant = record.merchants().stream().findFirst().orElse(null);
                events.publishEvent(new TradeRecordMismatched(record.id(), record.reference(), merchant, record.mismatches()));
            }
        }
    }

    /** The records (with at least one document) of these ids, matched. */
    private Map<UUID, TradeRecord> load(Collection<UUID> ids, Map<UUID, Order> known) {
        Set<UUID> unknown = new HashSet<>(ids);
        unknown.removeAll(known.keySet());
        Map<UUID, Order> orderOf = new HashMap<>(orders.byRecords(unknown));
        known.forEach((id, order) -> {
            if (ids.contains(id)) {
                orderOf.put(id, order);
            }
        });
        Map<UUID, List<Shipment>> shipmentsOf = shipments.byRecords(ids);
        Map<UUID, List<Declaration>> declarationsOf = declarations.byRecords(ids);
        Map<UUID, PaidAmount> pushed = pushedPayments.byRecords(ids);

        Map<UUID, TradeRecord> unmatched = new LinkedHashMap<>();
        for (UUID id : ids) {
            Order order = orderOf.get(id);
            List<Shipment> s = shipmentsOf.getOrDefault(id, List.of());
            List<Declaration> d = declarationsOf.getOrDefault(id, List.of());
            OrderReference reference = order != null ? order.reference()
                    : !s.isEmpty() ? s.getFirst().order() : !d.isEmpty() ? d.getFirst().order() : null;
            if (reference != null) {
                List<PaidAmount> paid = pushed.containsKey(id) ? List.of(pushed.get(id)) : List.of();
                unmatched.put(id, new TradeRecord(new TradeRecordId(id), reference, order, paid, s, d, List.of()));
            }
        }
        Map<UUID, TradeRecord> matched = new LinkedHashMap<>();
        withLookedUpPayments(unmatched).forEach((id, record) -> matched.put(id, matcher.matched(record)));
        return matched;
    }

    /** Adds what the payments module knows, asked once per merchant for all its orders here. */
    private Map<UUID, TradeRecord> withLookedUpPayments(Map<UUID, TradeRecord> records) {
        PaymentLookup lookup = paymentLookup();
        if (lookup instanceof NoPaymentsYet) {
            return records;
        }
        Map<PartyId, List<TradeRecord>> byMerchant = new HashMap<>();
        records.values().forEach(r -> r.merchants().stream().findFirst()
                .ifPresent(m -> byMerchant.computeIfAbsent(m, k -> new java.util.ArrayList<>()).add(r)));
        Map<UUID, TradeRecord> result = new LinkedHashMap<>(records);
        byMerchant.forEach((merchant, list) -> {
            Map<String, PaidAmount> paid = lookup.paidFor(merchant, list.stream().map(r -> r.reference().orderNumber()).toList());
            for (TradeRecord r : list) {
                PaidAmount p = paid.get(r.reference().orderNumber());
                if (p != null) {
                    List<PaidAmount> all = new java.util.ArrayList<>(r.payments());
                    all.addFirst(p);
                    result.put(r.id().value(), new TradeRecord(r.id(), r.reference(), r.order(), all, r.shipments(),
                            r.declarations(), List.of()));
                }
            }
        });
        return result;
    }

    private PaymentLookup paymentLookup() {
        return paymentLookup.getIfUnique(() -> NoPaymentsYet.INSTANCE);
    }

    /** A canonical text of the mismatches: what the check store keeps and compares. */
    static String summary(List<Mismatch> mismatches) {
        String text = mismatches.stream().map(m -> m.kind() + ": " + m.reason()).collect(Collectors.joining("\n"));
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
