package org.finbridge.risk.aml.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.finbridge.party.PartyId;

/**
 * Circular flows between related stores (循环交易 / 自买自卖): money paid by one group of related parties to
 * another comes back to the first, directly or through a third, within a window. Stores run by the same
 * people inflate sales and move money without goods (PBoC Order 2016 No. 3 art. 11; FATF/Egmont TBML 2020,
 * "circular trading"). Parties are related when they share an e-mail address, a phone number or a
 * registration identifier ({@link Relatedness}); each group is one node, each payment from a registered
 * buyer of one group to a merchant of another an edge, and a cycle of two to {@code maxCycle} groups with
 * at least {@code minEdgeCnyMinor} on every edge raises one alert, on the cycle's first merchant, per month.
 */
public final class CircularFlowRule {

    /** A payment between two parties (the buyer's leg is the edge's source). */
    public record Edge(PartyId from, PartyId to, long cnyMinor, String transactionId, Instant at) {
    }

    /** Which parties belong together: the group id of each party (a party alone is its own group). */
    public interface Relatedness {
        PartyId groupOf(PartyId party);
    }

    private final Duration window;
    private final long minEdgeCnyMinor;
    private final int maxCycle;

    public CircularFlowRule(Duration window, long minEdgeCnyMinor, int maxCycle) {
        this.window = window;
        this.minEdgeCnyMinor = minEdgeCnyMinor;
        this.maxCycle = maxCycle;
    }

    public String name() {
        return "ecommerce-circular-flow";
    }

    public Map<String, Object> parameters() {
        return Map.of("windowDays", window.toDays(), "minEdgeCnyMinor", minEdgeCnyMinor, "maxCycle", maxCycle);
    }

    public List<Finding> evaluate(Collection<Edge> edges, Relatedness related, Instant now) {
        Map<PartyId, Map<PartyId, List<Edge>>> graph = new HashMap<>();
        for (Edge e : edges) {
            if (e.at().isBefore(now.minus(window)) || e.at().isAfter(now)) {
                continue;
            }
            PartyId from = related.groupOf(e.from());
            PartyId to = related.groupOf(e.to());
            if (!from.equals(to)) {
                graph.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(to, k -> new ArrayList<>()).add(e);
            }
        }
        Map<Set<PartyId>, List<Edge>> cycles = new LinkedHashMap<>();
        List<PartyId> nodes = graph.keySet().stream().sorted(java.util.Comparator.comparing(PartyId::toString)).toList();
        for (PartyId start : nodes) {
            walk(graph, start, start, new ArrayList<>(List.of(start)), new ArrayList<>(), cycles);
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Set<PartyId>, List<Edge>> c : cycles.entrySet()) {
            List<Edge> cycle = c.getValue();
            long total = cycle.stream().mapToLong(Edge::cnyMinor).sum();
            PartyId subject = cycle.stream().map(Edge::to).min(java.util.Comparator.comparing(PartyId::toString)).orElseThrow();
            String groups = String.join("+", c.getKey().stream().map(PartyId::toString).toList());
            findings.add(new Finding(name(), org.finbridge.risk.aml.ReportType.STR, null, subject,
                    YearMonth.from(Activity.reportingDay(now)) + ":" + Integer.toHexString(groups.hashCode()),
                    "money went round " + c.getKey().size() + " groups of related parties within " + window.toDays()
                            + " days, " + Amounts.cny(total) + " in all",
                    total, cycle.stream().map(Edge::transactionId).toList()));
        }
        return findings;
    }

    private void walk(Map<PartyId, Map<PartyId, List<Edge>>> graph, PartyId start, PartyId at, List<PartyId> path,
                      List<Edge> used, Map<Set<PartyId>, List<Edge>> cycles) {
        for (Map.Entry<PartyId, List<Edge>> next : graph.getOrDefault(at, Map.of()).entrySet()) {
            long sum = next.getValue().stream().mapToLong(Edge::cnyMinor).sum();
            if (sum < minEdgeCnyMinor) {
                continue;
            }
            List<Edge> withThis = new ArrayList<>(used);
            withThis.addAll(next.getValue());
            if (next.getKey().equals(start) && path.size() >= 2) {
                Set<PartyId> members = new TreeSet<>(java.util.Comparator.comparing(PartyId::toString));
                members.addAll(path);
                cycles.putIfAbsent(members, withThis);
            } else if (!path.contains(next.getKey()) && path.size() < maxCycle) {
                path.add(next.getKey());
                walk(graph, start, next.getKey(), path, withThis, cycles);
                path.removeLast();
            }
        }
    }
}
