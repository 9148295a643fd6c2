package org.finbridge.risk.sanctions.internal;

import java.time.LocalDate;

/**
 * A date of birth as lists give it: a full date, a month, a year, or a range of years ("1958 to 1962",
 * "circa 1960" is kept as its year).
 */
record BirthDate(int fromYear, int toYear, Integer month, Integer day) {

    static BirthDate exact(LocalDate date) {
        return new BirthDate(date.getYear(), date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    static BirthDate year(int year) {
        return new BirthDate(year, year, null, null);
    }

    boolean isExactDate() {
        return fromYear == toYear && month != null && day != null;
    }

    /** How a date of birth given with a query relates to this one. */
    Agreement compare(LocalDate date) {
        int y = date.getYear();
        if (y < fromYear - 1 || y > toYear + 1) {
            return Agreement.CONTRADICTS;
        }
        if (isExactDate()) {
            return y == fromYear && month == date.getMonthValue() && day == date.getDayOfMonth()
                    ? Agreement.SAME_DATE : y == fromYear ? Agreement.SAME_YEAR : Agreement.NEAR;
        }
        if (y >= fromYear && y <= toYear) {
            return month != null && month != date.getMonthValue() ? Agreement.NEAR : Agreement.SAME_YEAR;
        }
        return Agreement.NEAR;
    }

    enum Agreement { SAME_DATE, SAME_YEAR, NEAR, CONTRADICTS }

    @Override
    public String toString() {
        if (isExactDate()) {
            return LocalDate.of(fromYear, month, day).toString();
        }
        if (fromYear != toYear) {
            return fromYear + " to " + toYear;
        }
        return month == null ? Integer.toString(fromYear) : String.format("%d-%02d", fromYear, month);
    }
}
