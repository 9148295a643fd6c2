package org.finbridge.payments.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each connector's recent authorization success rate over a sliding window of its last N answers.
 * Approvals (and accepted push payments) count as successes; soft declines, timeouts and outages as
 * failures. Hard declines are left out: they are the card's fault and would fail at any connector.
 * A connector with no history counts as fully successful, so new routes are tried.
 */
final class SuccessRates {

    private final int window;
    private final Map<String, Window> byConnector = new ConcurrentHashMap<>();

    SuccessRates(int window) {
        this.window = window;
    }

    void record(String connector, boolean success) {
        byConnector.computeIfAbsent(connector, c -> new Window(window)).add(success);
    }

    /** Successes over attempts in the window, 4 decimals; 1 without history. */
    BigDecimal rate(String connector) {
        Window w = byConnector.get(connector);
        return w == null ? BigDecimal.ONE.setScale(4) : w.rate();
    }

    int observations(String connector) {
        Window w = byConnector.get(connector);
        return w == null ? 0 : w.size();
    }

    /** Forgets all history (operations after a connector's incident is closed, and tests). */
    void reset() {
        byConnector.clear();
    }

    private static final class Window {
        private final boolean[] outcomes;
        private int next;
        private int size;
        private int successes;

        Window(int capacity) {
            outcomes = new boolean[capacity];
        }

        synchronized void add(boolean success) {
            if (size == outcomes.length) {
                if (outcomes[next]) {
                    successes--;
                }
            } else {
                size++;
            }
            outcomes[next] = success;
            if (success) {
                successes++;
            }
            next = (next + 1) % outcomes.length;
        }

        synchronized int size() {
            return size;
        }

        synchronized BigDecimal rate() {
            return size == 0 ? BigDecimal.ONE.setScale(4)
                    : BigDecimal.valueOf(successes).divide(BigDecimal.valueOf(size), 4, RoundingMode.HALF_EVEN);
        }
    }
}
