package org.finbridge.settlement.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finbridge.settlement.ReconciliationReason;

/**
 * Auto-reconciliation (Formance's reconciliation, a bank's matching engine in small): each statement line
 * is matched to the expected movement with its end-to-end id, then checked for amount and value date. A
 * line without an end-to-end id matches only a single unmatched movement of exactly its amount inside the
 * window; anything else goes to the exception queue with its reason. Never a match on a guess: a line
 * that fits two movements is an exception, not a coin toss.
 */
final class Reconciler {

    /** A movement the platform expects on its bank account (a payout, a transfer), signed: debits negative. */
    record Expected(String key, String endToEndId, long amountMinorUnits, String currency, LocalDate valueDate) {
    }

    /** A statement line, signed the same way. */
    record Line(String lineId, String endToEndId, long amountMinorUnits, String currency, LocalDate valueDate) {
    }

    record Match(Line line, Expected expected) {
    }

    /** @param expected the movement the line was meant for, when one was identified */
    record Exception(Line line, Expected expected, ReconciliationReason reason) {
    }

    record Result(List<Match> matches, List<Exception> exceptions, List<Expected> unmatchedExpected) {
    }

    /**
     * @param valueDateWindowDays how far a value date may be from the expected date (calendar days)
     * @param feeToleranceMinorUnits the largest difference a bank's charge explains
     */
    record Rules(int valueDateWindowDays, long feeToleranceMinorUnits) {
    }

    private Reconciler() {
    }

    static Result reconcile(List<Expected> expected, Set<String> alreadyMatchedKeys, List<Line> lines, Rules rules) {
        Map<String, Expected> byEndToEnd = new HashMap<>();
        for (Expected e : expected) {
            if (e.endToEndId() != null) {
                byEndToEnd.put(e.endToEndId(), e);
            }
        }
        Set<String> matched = new HashSet<>(alreadyMatchedKeys);
        Set<String> claimed = new HashSet<>(alreadyMatchedKeys);
        List<Match> matches = new ArrayList<>();
        List<Exception> exceptions = new ArrayList<>();
        List<Line> withoutId = new ArrayList<>();
        for (Line l : lines) {
            if (l.endToEndId() == null) {
                withoutId.add(l);
                continue;
            }
            Expected e = byEndToEnd.get(l.endToEndId());
            if (e == null) {
                exceptions.add(new Exception(l, null, ReconciliationReason.MISSING));
            } else if (!claimed.add(e.key())) {
                exceptions.add(new Exception(l, e, ReconciliationReason.DUPLICATE));
            } else {
                ReconciliationReason reason = check(l, e, rules);
                if (reason == null) {
                    matches.add(new Match(l, e));
                    matched.add(e.key());
                } else {
                    exceptions.add(new Exception(l, e, reason));
                }
            }
        }
        // movements by currency and amount: a line without an id looks at its few candidates, not at every movement
        Map<String, List<Expected>> byAmount = new HashMap<>();
        if (!withoutId.isEmpty()) {
            for (Expected e : expected) {
                byAmount.computeIfAbsent(e.currency() + ":" + e.amountMinorUnits(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Line l : withoutId) {
            List<Expected> fits = byAmount.getOrDefault(l.currency() + ":" + l.amountMinorUnits(), List.of()).stream()
                    .filter(e -> !claimed.contains(e.key()) && withinWindow(l, e, rules))
                    .toList();
            if (fits.size() == 1) {
                claimed.add(fits.getFirst().key());
                matched.add(fits.getFirst().key());
                matches.add(new Match(l, fits.getFirst()));
            } else {
                exceptions.add(new Exception(l, null, ReconciliationReason.MISSING));
            }
        }
        List<Expected> unmatched = expected.stream().filter(e -> !claimed.contains(e.key())).toList();
        return new Result(matches, exceptions, unmatched);
    }

    /** Null when the line matches the movement; otherwise why not. */
    static ReconciliationReason check(Line l, Expected e, Rules rules) {
        if (!l.currency().equals(e.currency())) {
            return ReconciliationReason.AMOUNT_DIFFERS;
        }
        long diff = l.amountMinorUnits() - e.amountMinorUnits();
        if (diff != 0) {
            // a charge makes a credit smaller and a debit larger: both move the signed amount down
            boolean charge = diff < 0 && -diff <= rules.feeToleranceMinorUnits()
                    && Long.signum(l.amountMinorUnits()) == Long.signum(e.amountMinorUnits());
            return charge ? ReconciliationReason.BANK_FEE_DEDUCTED : ReconciliationReason.AMOUNT_DIFFERS;
        }
        return withinWindow(l, e, rules) ? null : ReconciliationReason.VALUE_DATE_SHIFTED;
    }

    private static boolean withinWindow(Line l, Expected e, Rules rules) {
        if (l.valueDate() == null || e.valueDate() == null) {
            return true;
        }
        return Math.abs(ChronoUnit.DAYS.between(e.valueDate(), l.valueDate())) <= rules.valueDateWindowDays();
    }
}
