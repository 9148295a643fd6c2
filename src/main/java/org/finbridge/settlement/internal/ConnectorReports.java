package org.finbridge.settlement.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.finbridge.money.Money;

/**
 * Reads a connector's daily settlement report (CSV: {@code connector,date,reference,payment_ref,type,currency,
 * gross,fee,net,fx_rate,settlement_currency,settlement_net}, amounts in major units, refunds with a negative
 * gross, then a {@code TOTAL} line per currency), into totals per currency. The totals are summed from the
 * detail lines; a TOTAL line that disagrees with them makes the report unreadable, as does a second connector
 * or day in one file: a report is read whole or not at all.
 */
final class ConnectorReports {

    static final List<String> HEADER = List.of("connector", "date", "reference", "payment_ref", "type", "currency", "gross", "fee",
            "net", "fx_rate", "settlement_currency", "settlement_net");

    record Totals(String currency, long gross, long fee, long net, BigDecimal fxRate, String settlementCurrency, long settlementNet,
                  int lines) {
    }

    record Report(String connector, LocalDate date, List<Totals> totals) {
    }

    /** Thrown for a report that cannot be read; the message says why, for the operator. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private ConnectorReports() {
    }

    static Report parse(String csv) throws Unreadable {
        if (csv == null || csv.isBlank()) {
            throw new Unreadable("the report is empty");
        }
        List<CSVRecord> rows;
        try {
            rows = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(new StringReader(csv)).getRecords();
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not a CSV file: " + e.getMessage());
        }
        if (rows.isEmpty() || !rows.getFirst().toList().equals(HEADER)) {
            throw new Unreadable("the first line must be the header " + String.join(",", HEADER));
        }
        String connector = null;
        LocalDate date = null;
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, Totals> stated = new TreeMap<>();
        Map<String, BigDecimal> rates = new TreeMap<>();
        Map<String, String> settlementCurrencies = new TreeMap<>();
        for (int i = 1; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            int line = i + 1;
            if (r.size() != HEADER.size()) {
                throw new Unreadable("line " + line + " has " + r.size() + " fields, not " + HEADER.size());
            }
            if (connector == null) {
                connector = r.get(0);
                if (connector.isEmpty() || connector.length() > 40) {
                    throw new Unreadable("line " + line + ": the connector name must have 1 to 40 characters");
                }
            } else if (!connector.equals(r.get(0))) {
                throw new Unreadable("line " + line + ": a report is one connector's, not " + connector + " and " + r.get(0));
            }
            LocalDate d;
            try {
                d = LocalDate.parse(r.get(1));
            } catch (DateTimeParseException e) {
                throw new Unreadable("line " + line + ": date " + r.get(1) + " is not a date like 2026-11-27");
            }
            if (date == null) {
                date = d;
            } else if (!date.equals(d)) {
                throw new Unreadable("line " + line + ": a report is one day's, not " + date + " and " + d);
            }
            String currency = r.get(5);
            String settlementCurrency = r.get(10);
            long gross;
            long fee;
            long net;
            long settlementNet;
            BigDecimal rate;
            try {
                gross = Money.ofMajor(r.get(6), currency).minorUnits();
                fee = Money.ofMajor(r.get(7), currency).minorUnits();
                net = Money.ofMajor(r.get(8), currency).minorUnits();
                settlementNet = Money.ofMajor(r.get(11), settlementCurrency).minorUnits();
                rate = new BigDecimal(r.get(9));
            } catch (RuntimeException e) {
                throw new Unreadable("line " + line + ": " + e.getMessage());
            }
            if (rate.signum() <= 0) {
                throw new Unreadable("line " + line + ": the FX rate must be positive");
            }
            if (r.get(2).equals("TOTAL")) {
                if (stated.put(currency, new Totals(currency, gross, fee, net, rate, settlementCurrency, settlementNet, 0)) != null) {
                    throw new Unreadable("line " + line + ": a second TOTAL line for " + currency);
                }
                continue;
            }
            BigDecimal known = rates.putIfAbsent(currency, rate);
            String knownCurrency = settlementCurrencies.putIfAbsent(currency, settlementCurrency);
            if ((known != null && known.compareTo(rate) != 0) || (knownCurrency != null && !knownCurrency.equals(settlementCurrency))) {
                throw new Unreadable("line " + line + ": " + currency + " is settled at one rate into one currency per report");
            }
            long[] s = sums.computeIfAbsent(currency, c -> new long[5]);
            s[0] = Math.addExact(s[0], gross);
            s[1] = Math.addExact(s[1], fee);
            s[2] = Math.addExact(s[2], net);
            s[3] = Math.addExact(s[3], settlementNet);
            s[4]++;
        }
        if (connector == null) {
            throw new Unreadable("the report has no lines");
        }
        List<Totals> totals = new java.util.ArrayList<>();
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            long[] s = e.getValue();
            Totals t = new Totals(e.getKey(), s[0], s[1], s[2], rates.get(e.getKey()), settlementCurrencies.get(e.getKey()), s[3],
                    Math.toIntExact(s[4]));
            Totals st = stated.get(e.getKey());
            if (st != null && (st.gross() != t.gross() || st.fee() != t.fee() || st.net() != t.net()
                    || st.settlementNet() != t.settlementNet())) {
                throw new Unreadable("the TOTAL line for " + e.getKey() + " does not add up to its lines");
            }
            totals.add(t);
        }
        for (String currency : stated.keySet()) {
            if (!sums.containsKey(currency)) {
                Totals st = stated.get(currency);
                if (st.gross() != 0 || st.fee() != 0 || st.net() != 0) {
                    throw new Unreadable("the TOTAL line for " + currency + " has no lines behind it");
                }
            }
        }
        return new Report(connector, date, totals);
    }
}
