package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.finbridge.settlement.ReconciliationReason;
import org.junit.jupiter.api.Test;

/**
 * Three-way reconciliation of 120 connector days with 5 injected breaks of each kind: every break is
 * flagged with exactly its reason, no broken key is matched, every clean key is.
 */
class ThreeWayMatcherTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    static final List<ReconciliationReason> KINDS = List.of(ReconciliationReason.MISSING_IN_REPORT,
            ReconciliationReason.MISSING_IN_BANK, ReconciliationReason.FEE_DIFFERS, ReconciliationReason.NET_DIFFERS,
            ReconciliationReason.FX_DIFFERS);

    @Test
    void injectedBreaksOfEveryKindAreFlaggedWithTheirReasonAndTheRestMatch() {
        Random random = new Random(20261126);
        Map<ThreeWayMatcher.Key, ThreeWayMatcher.LedgerSide> ledger = new TreeMap<>();
        Map<ThreeWayMatcher.Key, ThreeWayMatcher.ReportSide> reports = new TreeMap<>();
        Map<String, Map<LocalDate, Map<String, ThreeWayMatcher.BankSide>>> bank = new HashMap<>();
        List<ThreeWayMatcher.Key> keys = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            for (int d = 0; d < 10; d++) {
                for (String currency : List.of("EUR", "USD")) {
                    var key = new ThreeWayMatcher.Key("acquirer-" + c, DAY.minusDays(d), currency);
                    long gross = 100_000 + random.nextInt(5_000_000);
                    long fee = gross * 29 / 1000;
                    ledger.put(key, new ThreeWayMatcher.LedgerSide(gross, fee));
                    // a third of the USD settlements are converted to CNY by the connector (a Chinese seller's payout)
                    boolean converted = currency.equals("USD") && d % 3 == 0;
                    BigDecimal rate = converted ? new BigDecimal("7.1137") : BigDecimal.ONE;
                    String into = converted ? "CNY" : currency;
                    long settled = new BigDecimal(gross - fee).multiply(rate).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
                    reports.put(key, new ThreeWayMatcher.ReportSide(gross, fee, gross - fee, rate, into, settled));
                    credit(bank, key, into, settled);
                    keys.add(key);
                }
            }
        }
        assertThat(keys).hasSize(120);
        Map<ThreeWayMatcher.Key, ReconciliationReason> injected = new HashMap<>();
        for (ReconciliationReason kind : KINDS) {
            int placed = 0;
            while (placed < 5) {
                var key = keys.get(random.nextInt(keys.size()));
                var r = reports.get(key);
                if (injected.containsKey(key) || (kind == ReconciliationReason.FX_DIFFERS) != r.converted(key.currency())) {
                    continue;
                }
                injected.put(key, kind);
                placed++;
                var l = ledger.get(key);
                switch (kind) {
                    case MISSING_IN_REPORT -> {
                        reports.remove(key);
                        bank.get(key.connector()).get(key.date()).remove(r.settlementCurrency());
                    }
                    case MISSING_IN_BANK -> bank.get(key.connector()).get(key.date()).remove(r.settlementCurrency());
                    // the connector charged more than the contract the ledger booked; the net follows its own fee
                    case FEE_DIFFERS -> {
                        long fee = l.fee() + 1 + random.nextInt(500);
                        long net = l.gross() - fee;
                        reports.put(key, new ThreeWayMatcher.ReportSide(l.gross(), fee, net, r.fxRate(), r.settlementCurrency(), net));
                        credit(bank, key, r.settlementCurrency(), net);
                    }
                    // the bank credited less than the connector reported
                    case NET_DIFFERS -> credit(bank, key, r.settlementCurrency(), r.settlementNet() - 1 - random.nextInt(10_000));
                    // the connector converted at another rate than it says
                    case FX_DIFFERS -> {
                        long wrong = r.settlementNet() + 50 + random.nextInt(5_000);
                        reports.put(key, new ThreeWayMatcher.ReportSide(r.gross(), r.fee(), r.net(), r.fxRate(), r.settlementCurrency(), wrong));
                        credit(bank, key, r.settlementCurrency(), wrong);
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }
        assertThat(injected).hasSize(25);

        List<ThreeWayMatcher.Outcome> outcomes = ThreeWayMatcher.match(ledger, reports, bank);

        assertThat(outcomes).hasSize(120);
        for (ThreeWayMatcher.Outcome o : outcomes) {
            ReconciliationReason expected = injected.get(o.key());
            if (expected == null) {
                assertThat(o.breaks()).as("clean " + o.key()).isEmpty();
                assertThat(o.matched()).isTrue();
            } else {
                assertThat(o.matched()).as("no false match: " + o.key()).isFalse();
                assertThat(o.breaks()).as(o.key().toString()).isEqualTo(Set.of(expected));
                assertThat(o.difference(expected)).as("the break names an amount").isNotZero();
            }
        }
        assertThat(outcomes.stream().filter(ThreeWayMatcher.Outcome::matched)).hasSize(95);
    }

    @Test
    void aReportThatDoesNotAddUpToItsOwnFeeIsANetBreakAndADayWithoutActivityOrReportIsNothing() {
        var key = new ThreeWayMatcher.Key("acquirer-x", DAY, "EUR");
        var ledger = Map.of(key, new ThreeWayMatcher.LedgerSide(10_000, 300));
        var reports = Map.of(key, new ThreeWayMatcher.ReportSide(10_000, 300, 9_800, BigDecimal.ONE, "EUR", 9_800));
        Map<String, Map<LocalDate, Map<String, ThreeWayMatcher.BankSide>>> bank = new HashMap<>();
        credit(bank, key, "EUR", 9_800);
        assertThat(ThreeWayMatcher.match(new TreeMap<>(ledger), new TreeMap<>(reports), bank).getFirst().breaks())
                .containsExactly(ReconciliationReason.NET_DIFFERS);
        assertThat(ThreeWayMatcher.match(new TreeMap<>(), new TreeMap<>(), Map.of())).isEmpty();
    }

    @Test
    void twoCurrenciesSettledIntoOneCreditMatchTogetherAndAShortCreditFlagsBoth() {
        var eur = new ThreeWayMatcher.Key("acquirer-y", DAY, "EUR");
        var usd = new ThreeWayMatcher.Key("acquirer-y", DAY, "USD");
        var ledger = new TreeMap<ThreeWayMatcher.Key, ThreeWayMatcher.LedgerSide>(Map.of(eur, new ThreeWayMatcher.LedgerSide(10_000, 300),
                usd, new ThreeWayMatcher.LedgerSide(20_000, 600)));
        long usdInEur = new BigDecimal(19_400).multiply(new BigDecimal("0.9")).longValueExact();
        var reports = new TreeMap<ThreeWayMatcher.Key, ThreeWayMatcher.ReportSide>(Map.of(
                eur, new ThreeWayMatcher.ReportSide(10_000, 300, 9_700, BigDecimal.ONE, "EUR", 9_700),
                usd, new ThreeWayMatcher.ReportSide(20_000, 600, 19_400, new BigDecimal("0.9"), "EUR", usdInEur)));
        Map<String, Map<LocalDate, Map<String, ThreeWayMatcher.BankSide>>> bank = new HashMap<>();
        credit(bank, eur, "EUR", 9_700 + usdInEur);
        assertThat(ThreeWayMatcher.match(ledger, reports, bank)).allMatch(ThreeWayMatcher.Outcome::matched);
        credit(bank, eur, "EUR", 9_700 + usdInEur - 10);
        assertThat(ThreeWayMatcher.match(ledger, reports, bank)).extracting(ThreeWayMatcher.Outcome::breaks)
                .containsExactly(Set.of(ReconciliationReason.NET_DIFFERS), Set.of(ReconciliationReason.FX_DIFFERS));
    }

    private static void credit(Map<String, Map<LocalDate, Map<String, ThreeWayMatcher.BankSide>>> bank, ThreeWayMatcher.Key key,
                               String currency, long amount) {
        bank.computeIfAbsent(key.connector(), k -> new HashMap<>()).computeIfAbsent(key.date(), k -> new HashMap<>())
                .put(currency, new ThreeWayMatcher.BankSide(amount, List.of(key.connector() + "-" + key.date())));
    }
}
