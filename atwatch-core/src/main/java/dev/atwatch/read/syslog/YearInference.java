package dev.atwatch.read.syslog;

/**
 * Gives RFC 3164 lines, which carry no year, the year they were most likely written in.
 *
 * <p>The reference year is that of the file's last modification (or the current year for a stream).
 * A log is written in order, so when the first line's month is after the reference month the log
 * began the year before; and each time the month goes back by six or more (December to January) a
 * new year has begun.
 */
final class YearInference {

    private final int referenceYear;
    private final int referenceMonth;
    private int year;
    private int lastMonth;

    /** Infers years for a log last written in {@code referenceMonth} of {@code referenceYear}. */
    YearInference(int referenceYear, int referenceMonth) {
        this.referenceYear = referenceYear;
        this.referenceMonth = referenceMonth;
    }

    /** The year of a line dated in {@code month} (1-12), the lines being read in order. */
    int yearOf(int month) {
        if (lastMonth == 0) {
            year = month > referenceMonth ? referenceYear - 1 : referenceYear;
        } else if (lastMonth - month >= 6) {
            year++;
        }
        lastMonth = month;
        return year;
    }
}
