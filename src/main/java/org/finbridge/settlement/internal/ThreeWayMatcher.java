package org.finbridge.settlement.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.finbridge.settlement.ReconciliationReason;

/**
 * Three-way reconciliation of one day (Formance's reconciliation in spirit): for each connector and
 * currency, what the ledger booked on the connector's clearing account (captures in, refunds and the
 * acquirer's fees out), what the connector's daily settlement report says it settled (gross, fee, net and
 * the FX it applied), and what the bank credited for it. Each side is a fact on its own; a key that all
 * three agree on is matched, and every disagreement is a break with its reason:
 * <ul>
 *   <li>{@code MISSING_IN_REPORT}: the ledger has the day's activity, the connector reported nothing;</li>
 *   <li>{@code MISSING_IN_BANK}: the connector reported a settlement the bank never credited;</li>
 *   <li>{@code FEE_DIFFERS}: the connector took another fee than the ledger booked;</li>
 *   <li>{@code NET_DIFFERS}: the connector's gross or net is not what the ledger booked (beyond the fee), or
 *       the bank credited another amount than the reported net;</li>
 *   <li>{@code FX_DIFFERS}: the connector converted the net, and its converted amount is not the net at its
 *       own rate, or the bank credited another amount or currency than the converted net.</li>
 * </ul>
 * A bank credit that belongs to no reported settlement is left to the statement reconciliation, which
 * already puts unknown lines in the exception queue.
 */
final class ThreeWayMatcher {

    private ThreeWayMatcher() {
    }

    record Key(String connector, LocalDate date, String currency) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = connector.compareTo(o.connector);
            if (c == 0) {
                c = date.compareTo(o.date);
            }
            return c == 0 ? currency.compareTo(o.currency) : c;
        }
    }

    /** The ledger's side: gross = captures − refunds, in the transaction currency. */
    record LedgerSide(long gross, long fee) {
        long net() {
            return gross - fee;
        }
    }

    /** The connector's report totals for one currency, and the settlement it says it paid. */
    record ReportSide(long gross, long fee, long net, BigDecimal fxRate, String settlementCurrency, long settlementNet) {
        boolean converted(String currency) {
            return !settlementCurrency.equals(currency) || fxRate.compareTo(BigDecimal.ONE) != 0;
        }
    }

    /** What the bank credited for one connector and day, per currency. */
    record BankSide(long amount, List<String> references) {
    }

    /**
     * @param expectedBank what the bank should have credited in the report's settlement currency: the report's
     *                     settlement net plus those of the connector's other currencies settled into the same one
     *                     that day (one credit per settlement currency; when it is wrong, every part of it is flagged)
     */
    record Outcome(Key key, LedgerSide ledger, ReportSide report, Map<String, BankSide> bank, long expectedBank,
                   Set<ReconciliationReason> breaks) {
        boolean matched() {
            return breaks.isEmpty();
        }

        /** The amount a break is about, for the exception queue: the difference of the two sides it compares. */
        long difference(ReconciliationReason reason) {
            return switch (reason) {
                case MISSING_IN_REPORT -> ledger == null ? 0 : ledger.net();
                case MISSING_IN_BANK -> report == null ? 0 : report.settlementNet();
                case FEE_DIFFERS -> report.fee() - ledger.fee();
                case NET_DIFFERS -> ledger != null && report.gross() != ledger.gross() ? report.net() - ledger.net()
                        : bankAmount(report.settlementCurrency()) - expectedBank;
                case FX_DIFFERS -> bankAmount(report.settlementCurrency()) == expectedBank
                        ? report.settlementNet() - atRate(report) : bankAmount(report.settlementCurrency()) - expectedBank;
                default -> 0;
            };
        }

        private long bankAmount(String currency) {
            BankSide b = bank.get(currency);
            return b == null ? 0 : b.amount();
        }
    }

    /** The report's net converted at the report's own rate, to the minor unit (half even). */
    static long atRate(ReportSide r) {
        return new BigDecimal(r.net()).multiply(r.fxRate()).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * @param bank per connector and date, what the bank credited in each currency
     */
    static List<Outcome> match(Map<Key, LedgerSide> ledger, Map<Key, ReportSide> reports,
                               Map<String, Map<LocalDate, Map<String, BankSide>>> bank) {
        Set<Key> keys = new TreeSet<>(ledger.keySet());
        keys.addAll(reports.keySet());
        Map<String, Long> dueInto = new java.util.HashMap<>();
        reports.forEach((k, r) -> dueInto.merge(k.connector() + "|" + k.date() + "|" + r.settlementCurrency(), r.settlementNet(),
                Math::addExact));
        List<Outcome> out = new ArrayList<>();
        for (Key k : keys) {
            LedgerSide l = ledger.get(k);
            ReportSide r = reports.get(k);
            Map<String, BankSide> credited = bank.getOrDefault(k.connector(), Map.of()).getOrDefault(k.date(), Map.of());
            Set<ReconciliationReason> breaks = EnumSet.noneOf(ReconciliationReason.class);
            if (r == null) {
                if (l != null && (l.gross() != 0 || l.fee() != 0)) {
                    breaks.add(ReconciliationReason.MISSING_IN_REPORT);
                }
                out.add(new Outcome(k, l, null, new TreeMap<>(credited), 0, breaks));
                continue;
            }
            LedgerSide booked = l == null ? new LedgerSide(0, 0) : l;
            if (r.fee() != booked.fee()) {
                breaks.add(ReconciliationReason.FEE_DIFFERS);
            }
            if (r.gross() != booked.gross() || r.net() != r.gross() - r.fee()) {
                breaks.add(ReconciliationReason.NET_DIFFERS);
            }
            BankSide b = credited.get(r.settlementCurrency());
            long expected = dueInto.get(k.connector() + "|" + k.date() + "|" + r.settlementCurrency());
            if (b == null && expected != 0) {
                breaks.add(ReconciliationReason.MISSING_IN_BANK);
            } else if (r.converted(k.currency())) {
                if (Math.abs(atRate(r) - r.settlementNet()) > 1 || (b != null && b.amount() != expected)) {
                    breaks.add(ReconciliationReason.FX_DIFFERS);
                }
            } else if (b != null && b.amount() != expected) {
                breaks.add(ReconciliationReason.NET_DIFFERS);
            }
            out.add(new Outcome(k, l, r, new TreeMap<>(credited), expected, breaks));
        }
        return out;
    }
}
