package org.finbridge.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.finbridge.banking.BankStatements;
import org.finbridge.banking.ParseResult;

/**
 * A mutation fuzzer for the camt.053/054 reader: it takes the shipped example statements, mutates them
 * (byte flips, truncation, element duplication and removal, splices of one file into another, a
 * byte-order mark, odd characters) and checks every answer is {@link ParseResult.Parsed} or
 * {@link ParseResult.Refused}: anything thrown is a crash, an answer slower than the hang limit is a
 * hang. Inputs that crash are written to {@code target/fuzz-camt/} to be replayed.
 *
 * <p>{@code bench/fuzz-camt [--seconds N] [--seed N]} runs it long; the test suite runs it for seconds.
 * The last line is {@code RESULT iterations=<n> refused=<n> parsed=<n> crashes=<n>}.
 */
public final class CamtFuzzer {

    static final String[] SEEDS = {
            "camt.053.001.04__ISO20022-SWIFT-SR2013__business-example.xml",
            "camt.053.001.07__prowide-test__with-AppHdr-wrapper.xml",
            "camt.053.001.08__genkgo-camt-test__derived-from-ISO-example.xml",
            "camt.054.001.04__ISO20022-SWIFT-SR2013__business-example.xml"};
    static final Duration HANG = Duration.ofSeconds(5);

    public record Outcome(long iterations, long refused, long parsed, long crashes, long hangs, List<String> failures) {

        public String resultLine() {
            return "RESULT iterations=" + iterations + " refused=" + refused + " parsed=" + parsed + " crashes="
                    + (crashes + hangs);
        }
    }

    private final List<byte[]> seeds;
    private final Random random;

    public CamtFuzzer(List<byte[]> seeds, long seed) {
        this.seeds = List.copyOf(seeds);
        this.random = new Random(seed);
    }

    /** The shipped examples, from the test resources on the class path. */
    public static List<byte[]> shippedExamples() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : SEEDS) {
            try (InputStream in = CamtFuzzer.class.getResourceAsStream("/iso20022/examples/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("example " + name + " is not on the class path");
                }
                seeds.add(in.readAllBytes());
            }
        }
        return seeds;
    }

    public Outcome run(Duration duration, Path failureDirectory) throws InterruptedException {
        long refused = 0;
        long parsed = 0;
        long crashes = 0;
        long hangs = 0;
        long iterations = 0;
        List<String> failures = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "camt-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            while (System.nanoTime() < end) {
                byte[] input = mutate(seeds.get(random.nextInt(seeds.size())));
                iterations++;
                Future<ParseResult<?>> answer = worker.submit(() -> BankStatements.parse(new ByteArrayInputStream(input)));
                try {
                    switch (answer.get(HANG.toMillis(), TimeUnit.MILLISECONDS)) {
                        case ParseResult.Parsed<?> p -> parsed++;
                        case ParseResult.Refused<?> r -> refused++;
                    }
                } catch (ExecutionException e) {
                    crashes++;
                    failures.add(save(failureDirectory, "crash", iterations, input) + ": " + e.getCause());
                } catch (TimeoutException e) {
                    hangs++;
                    failures.add(save(failureDirectory, "hang", iterations, input) + ": no answer within " + HANG);
                    break; // the worker is stuck; a new run starts clean
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Outcome(iterations, refused, parsed, crashes, hangs, failures);
    }

    byte[] mutate(byte[] seed) {
        byte[] data = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            data = switch (random.nextInt(9)) {
                case 0, 1 -> flipBytes(data);
                case 2 -> truncate(data);
                case 3, 4 -> duplicateElement(data);
                case 5 -> removeElement(data);
                case 6 -> splice(data, seeds.get(random.nextInt(seeds.size())));
                case 7 -> withByteOrderMark(data);
                default -> replaceText(data);
            };
        }
        return data;
    }

    private byte[] flipBytes(byte[] data) {
        if (data.length == 0) {
            return data;
        }
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(data.length);
            data[at] = random.nextBoolean() ? (byte) (data[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
        }
        return data;
    }

    private byte[] truncate(byte[] data) {
        return data.length == 0 ? data : java.util.Arrays.copyOf(data, random.nextInt(data.length));
    }

    /** Copies one element (start tag to its end tag) right after itself: two Ntry, two Amt, two Stmt… */
    private byte[] duplicateElement(byte[] data) {
        int[] span = elementSpan(data);
        if (span == null) {
            return data;
        }
        byte[] out = new byte[data.length + (span[1] - span[0])];
        System.arraycopy(data, 0, out, 0, span[1]);
        System.arraycopy(data, span[0], out, span[1], span[1] - span[0]);
        System.arraycopy(data, span[1], out, 2 * span[1] - span[0], data.length - span[1]);
        return out;
    }

    private byte[] removeElement(byte[] data) {
        int[] span = elementSpan(data);
        if (span == null) {
            return data;
        }
        byte[] out = new byte[data.length - (span[1] - span[0])];
        System.arraycopy(data, 0, out, 0, span[0]);
        System.arraycopy(data, span[1], out, span[0], data.length - span[1]);
        return out;
    }

    /** The byte range of a random element, from its start tag to the end of its end tag, or null. */
    private int[] elementSpan(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        for (int attempt = 0; attempt < 8; attempt++) {
            int start = text.indexOf('<', random.nextInt(Math.max(1, text.length())));
            if (start < 0 || start + 1 >= text.length() || !Character.isLetter(text.charAt(start + 1))) {
                continue;
            }
            int nameEnd = start + 1;
            while (nameEnd < text.length() && (Character.isLetterOrDigit(text.charAt(nameEnd)) || text.charAt(nameEnd) == ':')) {
                nameEnd++;
            }
            String close = "</" + text.substring(start + 1, nameEnd) + ">";
            int end = text.indexOf(close, nameEnd);
            if (end > 0) {
                return new int[] {start, end + close.length()};
            }
        }
        return null;
    }

    private byte[] splice(byte[] data, byte[] other) {
        if (data.length == 0 || other.length == 0) {
            return data;
        }
        int cut = random.nextInt(data.length);
        int from = random.nextInt(other.length);
        byte[] out = new byte[cut + other.length - from];
        System.arraycopy(data, 0, out, 0, cut);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    private byte[] withByteOrderMark(byte[] data) {
        byte[] out = new byte[data.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(data, 0, out, 3, data.length);
        return out;
    }

    /** Puts an odd value where a value was: the reader's number, date, currency and length checks. */
    private byte[] replaceText(byte[] data) {
        String[] odd = {"-1", "1E+999999999", "0.001", "99999999999999999999999", "XXX", "2010-13-45", "",
                "&amp;&lt;", "\u4e2d\u6587", "x".repeat(300), "&#0;", "]]>", "CRDT", "DBIT", "true", "NaN"};
        String text = new String(data, StandardCharsets.UTF_8);
        int open = text.indexOf('>', random.nextInt(Math.max(1, text.length())));
        int close = open < 0 ? -1 : text.indexOf('<', open);
        if (open < 0 || close < 0) {
            return data;
        }
        return (text.substring(0, open + 1) + odd[random.nextInt(odd.length)] + text.substring(close))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String save(Path directory, String kind, long iteration, byte[] input) {
        if (directory == null) {
            return kind + " at iteration " + iteration;
        }
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(kind + "-" + iteration + ".xml");
            Files.write(file, input);
            return kind + " " + file;
        } catch (IOException e) {
            return kind + " at iteration " + iteration + " (not saved: " + e.getMessage() + ")";
        }
    }

    public static void main(String[] args) throws Exception {
        long seconds = 300;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: bench/fuzz-camt [--seconds N] [--seed N]");
                    System.exit(2);
                }
            }
        }
        System.out.println("fuzzing the camt reader for " + seconds + " s, seed " + seed + ", from "
                + SEEDS.length + " shipped examples");
        Outcome outcome = new CamtFuzzer(shippedExamples(), seed).run(Duration.ofSeconds(seconds), Path.of("target/fuzz-camt"));
        outcome.failures().forEach(System.out::println);
        System.out.println(outcome.resultLine());
        System.exit(outcome.crashes() + outcome.hangs() == 0 ? 0 : 1);
    }
}
