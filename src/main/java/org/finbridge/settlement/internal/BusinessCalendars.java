package org.finbridge.settlement.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Clearing calendars shipped as data ({@code reference/calendars/<code>.csv}, each naming its source):
 * a business day is a weekday that is no holiday, or a weekend day the calendar lists as worked (China's
 * 调休 swaps, on which CNAPS clears). Dates outside the shipped years count weekdays only.
 */
final class BusinessCalendars {

    /** One calendar and the zone its business dates are read in. */
    record Calendar(String code, ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workdays) {

        boolean isBusinessDay(LocalDate d) {
            if (workdays.contains(d)) {
                return true;
            }
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            return !weekend && !holidays.contains(d);
        }

        /** The n-th business day after {@code from} (T+n); T+0 is {@code from} itself if a business day, else the next. */
        LocalDate plusBusinessDays(LocalDate from, int n) {
            LocalDate d = from;
            while (!isBusinessDay(d)) {
                d = d.plusDays(1);
            }
            for (int i = 0; i < n; i++) {
                d = d.plusDays(1);
                while (!isBusinessDay(d)) {
                    d = d.plusDays(1);
                }
            }
            return d;
        }
    }

    private static final Map<String, ZoneId> ZONES = Map.of("CN", ZoneId.of("Asia/Shanghai"), "TARGET2", ZoneId.of("Europe/Berlin"));
    private static final Map<String, Calendar> CALENDARS = new HashMap<>();

    static {
        ZONES.forEach((code, zone) -> CALENDARS.put(code, load(code, zone)));
    }

    private BusinessCalendars() {
    }

    static Calendar of(String code) {
        Calendar c = CALENDARS.get(code);
        if (c == null) {
            throw new IllegalArgumentException("unknown calendar: " + code);
        }
        return c;
    }

    private static Calendar load(String code, ZoneId zone) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        String resource = "/reference/calendars/" + code + ".csv";
        try (InputStream in = BusinessCalendars.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calendar data missing: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                LocalDate d = LocalDate.parse(f[0].trim());
                switch (f[1].trim()) {
                    case "HOLIDAY" -> holidays.add(d);
                    case "WORKDAY" -> workdays.add(d);
                    default -> throw new IllegalStateException(resource + ": unknown kind in " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Calendar(code, zone, Set.copyOf(holidays), Set.copyOf(workdays));
    }
}
