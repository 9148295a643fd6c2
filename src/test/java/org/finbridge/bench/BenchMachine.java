package org.finbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks print about the machine they ran on, since its load colours every figure. */
final class BenchMachine {

    private BenchMachine() {
    }

    /** The 1, 5 and 15-minute load averages, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** More runnable work than the benchmark itself brings: the 1-minute load above half the CPUs. */
    static boolean busy(String load) {
        try {
            return Double.parseDouble(load.split(" ")[0]) > Runtime.getRuntime().availableProcessors() * 0.5 + 0.5;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
