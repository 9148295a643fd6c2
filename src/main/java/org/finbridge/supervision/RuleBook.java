package org.finbridge.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every constant of the supervision rules, versioned by the date from which it is in force
 * ({@code valid_from}), because these rules change: the CBEC limits in 2019, the US de minimis in 2025, the
 * EU low-value duty in 2026 (regulations notes §1, §2, §5 and Appendix A). The book is data: a CSV of
 * {@code key,valid_from,value,source} rows, the default one shipped with the module
 * ({@code org/finbridge/supervision/rules.csv}) and replaceable by configuration, so that a changed rule is
 * a new row, not new code. A question about a date before a rule's first version has no answer
 * ({@link NoRuleInForce}): the platform does not guess what applied before it knew the rule.
 */
public final class RuleBook {

    private static final String DEFAULT = "/org/finbridge/supervision/rules.csv";

    /** One version of one rule. */
    public record Version(String key, LocalDate validFrom, String value, String source) {
    }

    /** Asked for a rule on a date before its first version, or for a rule the book does not hold. */
    public static final class NoRuleInForce extends IllegalArgumentException {
        public NoRuleInForce(String key, LocalDate date) {
            super("no version of rule " + key + " is in force on " + date);
        }
    }

    private final Map<String, TreeMap<LocalDate, Version>> versions;

    private RuleBook(Map<String, TreeMap<LocalDate, Version>> versions) {
        this.versions = versions;
    }

    /** The book shipped with the module. */
    public static RuleBook defaults() {
        try (InputStream in = RuleBook.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULT);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a book: one {@code key,valid_from,value,source} row a line ({@code #} starts a comment; the
     * source may contain commas). A malformed row or the same key twice on one date is refused.
     */
    public static RuleBook parse(String csv) {
        Map<String, TreeMap<LocalDate, Version>> versions = new TreeMap<>();
        String[] lines = csv.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", 4);
            if (cells.length < 3 || cells[0].isBlank()) {
                throw new IllegalArgumentException("rule book line " + (i + 1) + ": expected key,valid_from,value,source");
            }
            LocalDate from;
            try {
                from = LocalDate.parse(cells[1].strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("rule book line " + (i + 1) + ": valid_from is not a date: " + cells[1]);
            }
            String key = cells[0].strip();
            Version v = new Version(key, from, cells[2].strip(), cells.length > 3 ? cells[3].strip() : "");
            if (versions.computeIfAbsent(key, k -> new TreeMap<>()).put(from, v) != null) {
                throw new IllegalArgumentException("rule book line " + (i + 1) + ": " + key + " twice from " + from);
            }
        }
        return new RuleBook(versions);
    }

    /** The version of a rule in force on a date. */
    public Version version(String key, LocalDate date) {
        TreeMap<LocalDate, Version> rule = versions.get(key);
        Map.Entry<LocalDate, Version> e = rule == null ? null : rule.floorEntry(date);
        if (e == null) {
            throw new NoRuleInForce(key, date);
        }
        return e.getValue();
    }

    /** The version in force, or empty when the rule has none on that date. */
    public Optional<Version> find(String key, LocalDate date) {
        TreeMap<LocalDate, Version> rule = versions.get(key);
        return Optional.ofNullable(rule == null ? null : rule.floorEntry(date)).map(Map.Entry::getValue);
    }

    public String text(String key, LocalDate date) {
        return version(key, date).value();
    }

    public BigDecimal decimal(String key, LocalDate date) {
        Version v = version(key, date);
        try {
            return new BigDecimal(v.value());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("rule " + key + " from " + v.validFrom() + " is not a number: " + v.value());
        }
    }

    /** The keys that start with a prefix, e.g. {@code eu.vat_rate.} for the EU countries the book knows. */
    public List<String> keys(String prefix) {
        return versions.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** Every version of every rule, by key then date: what a regulator reads to see the rules in force. */
    public List<Version> all() {
        List<Version> all = new ArrayList<>();
        versions.values().forEach(v -> all.addAll(v.values()));
        all.sort(Comparator.comparing(Version::key).thenComparing(Version::validFrom));
        return all;
    }
}
