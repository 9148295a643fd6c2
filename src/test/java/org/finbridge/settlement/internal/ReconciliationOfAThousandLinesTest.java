package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.finbridge.settlement.ReconciliationReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5 §3: a statement of 1,000 lines with 50 injected discrepancies of one kind: all 50 flagged with
 * that reason, no false match, the other 950 matched automatically. A tenth of the clean lines carry no
 * end-to-end id and are matched by amount and value date.
 */
class ReconciliationOfAThousandLinesTest {

    static final Reconciler.Rules RULES = new Reconciler.Rules(2, 2_500);
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @ParameterizedTest
    @EnumSource(value = ReconciliationReason.class,
            names = {"MISSING", "DUPLICATE", "AMOUNT_DIFFERS", "BANK_FEE_DEDUCTED", "VALUE_DATE_SHIFTED"})
    void fiftyInjectedDiscrepanciesAreFlaggedAndTheRestMatch(ReconciliationReason kind) {
        Random random = new Random(kind.ordinal() * 7919L + 5);
        boolean addsLines = kind == ReconciliationReason.MISSING || kind == ReconciliationReason.DUPLICATE;
        int movements = addsLines ? 950 : 1_000;
        List<Reconciler.Expected> expected = new ArrayList<>();
        List<Reconciler.Line> lines = new ArrayList<>();
        for (int i = 0; i < movements; i++) {
            // payouts are debits: negative; unique amounts so amount-and-date matching is never ambiguous
            long amount = -(10_000L + i * 1_000L + random.nextInt(900));
            LocalDate day = DAY.plusDays(random.nextInt(5));
            expected.add(new Reconciler.Expected("po_" + i, "E2E-" + i, amount, "EUR", day));
            String e2e = i % 10 == 3 ? null : "E2E-" + i;
            lines.add(new Reconciler.Line("L" + i, e2e, amount, "EUR", day));
        }
        Set<String> injected = new HashSet<>();
        List<Reconciler.Line> later = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        while (targets.size() < 50) {
            int t = random.nextInt(movements);
            if (t % 10 != 3 && !targets.contains(t)) {
                targets.add(t);
            }
        }
        for (int n = 0; n < 50; n++) {
            int t = targets.get(n);
            Reconciler.Line clean = lines.get(t);
            switch (kind) {
                case MISSING -> lines.add(new Reconciler.Line("X" + n, "UNKNOWN-" + n, -(5_000_000L + n), "EUR", DAY));
                // the bank booked it a second time: the copy comes after the original on the statement
                case DUPLICATE -> later.add(new Reconciler.Line("X" + n, clean.endToEndId(), clean.amountMinorUnits(), "EUR",
                        clean.valueDate()));
                case AMOUNT_DIFFERS -> lines.set(t, new Reconciler.Line("X" + n, clean.endToEndId(),
                        clean.amountMinorUnits() + (n % 2 == 0 ? 1 : -1) * (2_501 + random.nextInt(50_000)), "EUR", clean.valueDate()));
                case BANK_FEE_DEDUCTED -> lines.set(t, new Reconciler.Line("X" + n, clean.endToEndId(),
                        clean.amountMinorUnits() - (1 + random.nextInt(2_500)), "EUR", clean.valueDate()));
                case VALUE_DATE_SHIFTED -> lines.set(t, new Reconciler.Line("X" + n, clean.endToEndId(), clean.amountMinorUnits(),
                        "EUR", clean.valueDate().plusDays((n % 2 == 0 ? 1 : -1) * (3 + random.nextInt(10)))));
            }
            injected.add("X" + n);
        }
        java.util.Collections.shuffle(lines, random);
        lines.addAll(later);
        assertThat(lines).hasSize(1_000);

        Reconciler.Result r = Reconciler.reconcile(expected, Set.of(), lines, RULES);

        assertThat(r.exceptions()).extracting(Reconciler.Exception::reason).containsOnly(kind).hasSize(50);
        assertThat(r.exceptions()).extracting(e -> e.line().lineId()).allMatch(injected::contains);
        assertThat(r.matches()).hasSize(950);
        assertThat(r.matches()).as("no false match")
                .allMatch(m -> !injected.contains(m.line().lineId()) && m.expected().amountMinorUnits() == m.line().amountMinorUnits()
                        && ("L" + m.expected().key().substring(3)).equals(m.line().lineId()));
        assertThat(r.unmatchedExpected()).as("every movement has its line, matched or in the queue").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aLineForAMovementMatchedByAnEarlierStatementIsADuplicateAndAMovementNeverBookedIsLeftOpen() {
        var e = new Reconciler.Expected("po_1", "E2E-1", -10_000, "EUR", DAY);
        var open = new Reconciler.Expected("po_2", "E2E-2", -20_000, "EUR", DAY);
        var line = new Reconciler.Line("L1", "E2E-1", -10_000, "EUR", DAY);
        Reconciler.Result r = Reconciler.reconcile(List.of(e, open), Set.of("po_1"), List.of(line), RULES);
        assertThat(r.exceptions()).singleElement().extracting(Reconciler.Exception::reason).isEqualTo(ReconciliationReason.DUPLICATE);
        assertThat(r.unmatchedExpected()).containsExactly(open);
    }
}
