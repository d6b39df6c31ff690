package dev.atwatch.read.auditd;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Audit timestamps: {@code SECONDS.MILLIS} in raw logs, {@code MM/DD/YY HH:MM:SS.mmm} or {@code
 * MM/DD/YYYY HH:MM:SS.mmm} in {@code ausearch -i} output.
 *
 * <p>{@code ausearch -i} prints local time without a zone; the printed time is read as UTC, so an
 * interpreted log from a host not on UTC is shifted by that host's offset.
 */
final class AuditTime {

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private AuditTime() {}

    /** Epoch seconds of {@code SECONDS[.FRACTION]}, or {@code NaN} when malformed. */
    static double parseRaw(String stamp) {
        int dot = stamp.indexOf('.');
        int secondsEnd = dot < 0 ? stamp.length() : dot;
        long seconds = digits(stamp, 0, secondsEnd);
        if (seconds < 0) {
            return Double.NaN;
        }
        if (dot < 0) {
            return seconds;
        }
        long fraction = digits(stamp, dot + 1, stamp.length());
        int places = stamp.length() - dot - 1;
        if (fraction < 0 || places > 9) {
            return Double.NaN;
        }
        return seconds + fraction / POWERS_OF_TEN[places];
    }

    /** Epoch seconds of an interpreted stamp read as UTC, or {@code NaN} when malformed. */
    static double parseInterpreted(String stamp) {
        // MM/DD/YY[YY] HH:MM:SS[.mmm]
        int space = stamp.indexOf(' ');
        if (space < 0) {
            return Double.NaN;
        }
        String[] date = stamp.substring(0, space).split("/", -1);
        String[] clock = stamp.substring(space + 1).split(":", -1);
        if (date.length != 3 || clock.length != 3) {
            return Double.NaN;
        }
        long month = digits(date[0], 0, date[0].length());
        long day = digits(date[1], 0, date[1].length());
        long year = digits(date[2], 0, date[2].length());
        if (date[2].length() == 2) {
            year += 2000;
        }
        double seconds = parseRaw(clock[2]);
        long hours = digits(clock[0], 0, clock[0].length());
        long minutes = digits(clock[1], 0, clock[1].length());
        if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1970 || year > 9999) {
            return Double.NaN;
        }
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || !(seconds < 61)) {
            return Double.NaN;
        }
        double day0 = epochDay((int) year, (int) month, (int) day);
        return day0 * 86400.0 + hours * 3600 + minutes * 60 + seconds;
    }

    /** Days since the epoch, or {@code NaN} for a date that does not exist (February 30). */
    private static double epochDay(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Double.NaN;
        }
    }

    /** The non-negative decimal number in {@code text[from, to)}, or -1. */
    static long digits(String text, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
