package org.finbridge.credit;

/**
 * The public band of a score. The bands are fixed on the points scale (600 points = odds of 50:1, every
 * 20 points double the odds), so a grade means the same odds whatever model version produced the score:
 * A is at least 640 points (odds ≥ 200:1), B at least 600 (≥ 50:1), C at least 560 (≥ 12.5:1), D below.
 */
public enum CreditGrade {
    A(640), B(600), C(560), D(Integer.MIN_VALUE);

    private final int minimumPoints;

    CreditGrade(int minimumPoints) {
        this.minimumPoints = minimumPoints;
    }

    public int minimumPoints() {
        return minimumPoints;
    }

    public static CreditGrade ofPoints(int points) {
        for (CreditGrade grade : values()) {
            if (points >= grade.minimumPoints) {
                return grade;
            }
        }
        return D;
    }
}
