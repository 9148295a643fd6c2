package org.finbridge.risk.fraud.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Amounts and balances from the first 2,688 rows of the PaySim mobile-money log (Lopez-Rojas, Elmir and
 * Axelsson, "PaySim: a financial mobile money simulator for fraud detection", 2016; rows as published
 * in the PaySim data set, reportedly CC BY-SA 4.0; shipped as {@code paysim_head_2688.csv} beside this
 * class). The simulator draws wallet balances and legitimate payment amounts from its legitimate rows,
 * and the size of a takeover's TRANSFER (which empties the account, followed by a CASH_OUT of the same
 * amount) from its fraudulent rows. PaySim's amounts are scaled by 1/100 into the simulator's units.
 */
final class PaySimAmounts {

    static final double SCALE = 0.01;
    static final String RESOURCE = "/org/finbridge/risk/fraud/paysim_head_2688.csv";

    final double[] payments;
    final double[] balances;
    final double[] fraudTransfers;

    private PaySimAmounts(double[] payments, double[] balances, double[] fraudTransfers) {
        this.payments = payments;
        this.balances = balances;
        this.fraudTransfers = fraudTransfers;
    }

    static PaySimAmounts load() {
        try (InputStream in = PaySimAmounts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the PaySim sample " + RESOURCE + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String header = r.readLine();
            if (header == null || !header.startsWith("step,type,amount,nameOrig,oldbalanceOrg")) {
                throw new IllegalStateException("the PaySim sample has an unexpected header: " + header);
            }
            List<Double> payments = new ArrayList<>();
            List<Double> balances = new ArrayList<>();
            List<Double> fraud = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                String[] c = line.split(",");
                if (c.length < 10) {
                    continue;
                }
                double amount = Double.parseDouble(c[2]) * SCALE;
                double balance = Double.parseDouble(c[4]) * SCALE;
                boolean isFraud = c[9].equals("1");
                if (isFraud && c[1].equals("TRANSFER") && amount > 0) {
                    fraud.add(amount);
                } else if (!isFraud && c[1].equals("PAYMENT") && amount > 0) {
                    payments.add(amount);
                    if (balance > 0) {
                        balances.add(balance);
                    }
                }
            }
            return new PaySimAmounts(toArray(payments), toArray(balances), toArray(fraud));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
