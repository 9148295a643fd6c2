package org.finbridge.risk.sanctions.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts OFAC writes into the free-text Remarks column of the legacy SDN file: aliases
 * ({@code a.k.a. 'BNC'}, {@code f.k.a. '…'}, {@code n.k.a. '…'}), dates of birth ({@code DOB 10 Dec 1948},
 * {@code DOB circa 1960}, {@code DOB 1958 to 1962}), nationality and citizenship.
 */
final class OfacRemarks {

    /** An alias runs from its opening quote to a closing quote followed by ';', ',', '.' or the end. */
    private static final Pattern ALIAS = Pattern.compile("\\b([afn])\\.k\\.a\\.,?\\s+'(.+?)'(?=\\s*(?:[;,]|\\.?\\s*$|\\.\\s))");
    private static final Pattern DOB = Pattern.compile("^(?:alt\\.\\s+)?DOB\\s+(?:circa\\s+)?(.+?)\\.?$");
    private static final Pattern COUNTRY = Pattern.compile("^(?:alt\\.\\s+)?(?:nationality|citizen)\\s+(.+?)\\.?$");
    private static final Pattern DATE = Pattern.compile("(?:(\\d{1,2})\\s+)?(?:([A-Za-z]{3})[a-z]*\\s+)?(\\d{4})");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    record Facts(List<EntryName> aliases, List<BirthDate> birthDates, Set<String> countries) {
    }

    private OfacRemarks() {
    }

    static Facts read(String remarks) {
        List<EntryName> aliases = new ArrayList<>();
        List<BirthDate> dates = new ArrayList<>();
        Set<String> countries = new LinkedHashSet<>();
        if (remarks == null || remarks.isBlank()) {
            return new Facts(aliases, dates, countries);
        }
        Matcher a = ALIAS.matcher(remarks);
        while (a.find()) {
            String name = a.group(2).strip();
            if (!name.isEmpty()) {
                aliases.add(new EntryName(name, a.group(1).equals("f") ? EntryName.Kind.FORMER : EntryName.Kind.ALIAS));
            }
        }
        for (String part : remarks.split(";")) {
            String p = part.strip();
            Matcher d = DOB.matcher(p);
            if (d.matches()) {
                birthDate(d.group(1)).ifPresent(dates::add);
                continue;
            }
            Matcher c = COUNTRY.matcher(p);
            if (c.matches()) {
                CountryNames.code(c.group(1)).ifPresent(countries::add);
            }
        }
        return new Facts(aliases, dates, countries);
    }

    /** "10 Dec 1948", "Jan 1960", "1960", "1958 to 1962", "01 Jan 1960 to 31 Dec 1962". */
    static java.util.Optional<BirthDate> birthDate(String text) {
        String[] range = text.split("\\s+to\\s+");
        Matcher from = DATE.matcher(range[0].strip());
        if (!from.matches()) {
            return java.util.Optional.empty();
        }
        int fromYear = Integer.parseInt(from.group(3));
        if (range.length == 2) {
            Matcher to = DATE.matcher(range[1].strip());
            if (to.matches()) {
                int toYear = Integer.parseInt(to.group(3));
                return java.util.Optional.of(new BirthDate(Math.min(fromYear, toYear), Math.max(fromYear, toYear), null, null));
            }
        }
        Integer month = month(from.group(2));
        Integer day = from.group(1) == null ? null : Integer.valueOf(from.group(1));
        if (month != null && day != null) {
            try {
                return java.util.Optional.of(BirthDate.exact(LocalDate.of(fromYear, month, day)));
            } catch (DateTimeException e) {
                return java.util.Optional.of(BirthDate.year(fromYear));
            }
        }
        return java.util.Optional.of(new BirthDate(fromYear, fromYear, month, null));
    }

    private static Integer month(String text) {
        if (text == null) {
            return null;
        }
        int i = MONTHS.indexOf(text.toLowerCase(Locale.ROOT));
        return i < 0 ? null : i + 1;
    }
}
